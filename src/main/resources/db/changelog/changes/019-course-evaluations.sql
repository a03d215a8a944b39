--liquibase formatted sql

--changeset lepha:019-course-evaluations
-- The course evaluation after a module (issue 21, decision 0017): one row per cadet and
-- module, answered or skipped, once (the unique key makes "once" exact even for two
-- requests at the same moment). The user is kept only to enforce that; trainers see
-- aggregates of five answers or more, never who answered what.
CREATE TABLE course_evaluation (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id             BIGINT        NOT NULL,
    module_id           VARCHAR(64)   NOT NULL,
    skipped             BOOLEAN       NOT NULL,
    comment             VARCHAR(2000) NULL,
    evaluation_version  INT           NOT NULL,
    module_version      INT           NOT NULL,
    answered_at         TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uq_course_evaluation UNIQUE (user_id, module_id),
    INDEX ix_course_evaluation_module (module_id),
    CONSTRAINT fk_course_evaluation_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

-- One Likert answer (1 = strongly disagree … 5 = strongly agree) per item of the course's
-- evaluation; an item the cadet left out has no row.
CREATE TABLE course_evaluation_rating (
    evaluation_id  BIGINT       NOT NULL,
    item_id        VARCHAR(64)  NOT NULL,
    rating         TINYINT      NOT NULL,
    PRIMARY KEY (evaluation_id, item_id),
    CONSTRAINT ck_course_evaluation_rating CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT fk_course_evaluation_rating FOREIGN KEY (evaluation_id) REFERENCES course_evaluation (id)
        ON DELETE CASCADE
) ENGINE=InnoDB;
