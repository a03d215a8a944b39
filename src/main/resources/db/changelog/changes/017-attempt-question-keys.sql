--liquibase formatted sql

--changeset lepha:017-attempt-question-keys
-- What grading needs, kept with the attempt when it is drawn: the answer key of each drawn
-- question (JSON, question id -> key) and the pass mark. An attempt is then graded against
-- the questions it drew even if the module's files change meanwhile. Older attempts have
-- NULLs and are graded against the module as it is.
ALTER TABLE quiz_attempt
    ADD COLUMN answer_keys TEXT NULL,
    ADD COLUMN pass_mark INT NULL;
