--liquibase formatted sql

--changeset lepha:007-ui-string-edits
-- UI strings (translations/ui/<lang>.properties) edited in the translator workspace. One row
-- per language and key: the latest text, a draft until a second translator or an
-- administrator approves it. Served over the file values; exported as a .properties file to
-- be committed to translations/ui.
CREATE TABLE ui_string_edit (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    locale        VARCHAR(35)   CHARACTER SET ascii NOT NULL,
    string_key    VARCHAR(200)  CHARACTER SET ascii NOT NULL,
    text          TEXT          NOT NULL,
    status        VARCHAR(10)   CHARACTER SET ascii NOT NULL,
    saved_by      BIGINT        NOT NULL,
    saved_at      TIMESTAMP(3)  NOT NULL,
    approved_by   BIGINT        NULL,
    approved_at   TIMESTAMP(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_ui_string_edit UNIQUE (locale, string_key),
    CONSTRAINT ck_ui_string_edit_status CHECK (status IN ('DRAFT', 'APPROVED')),
    CONSTRAINT fk_ui_string_edit_saved_by FOREIGN KEY (saved_by) REFERENCES app_user (id),
    CONSTRAINT fk_ui_string_edit_approved_by FOREIGN KEY (approved_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
