--liquibase formatted sql

--changeset lepha:005-translation-edits
-- Translations edited in the translator workspace, one row per module, language and segment.
-- They take precedence over the translation files; export writes them back as XLIFF.
CREATE TABLE translation_edit (
    module_id     VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    locale        VARCHAR(35)  CHARACTER SET ascii NOT NULL,
    segment_key   VARCHAR(250) CHARACTER SET ascii NOT NULL,
    target        MEDIUMTEXT   NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    -- SHA-256 (16 hex digits) of the English the translation was made from, and that text,
    -- so that a stale translation can show what changed in the English.
    source_hash   CHAR(16)     CHARACTER SET ascii NOT NULL,
    source_text   MEDIUMTEXT   NOT NULL,
    -- NULL when the text came from the file and was approved as it stood.
    saved_by      BIGINT       NULL,
    saved_at      TIMESTAMP(3) NOT NULL,
    approved_by   BIGINT       NULL,
    approved_at   TIMESTAMP(3) NULL,
    PRIMARY KEY (module_id, locale, segment_key),
    CONSTRAINT fk_translation_edit_saved_by FOREIGN KEY (saved_by) REFERENCES app_user (id),
    CONSTRAINT fk_translation_edit_approved_by FOREIGN KEY (approved_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
