--liquibase formatted sql

--changeset lepha:004-certificates
-- Serial numbers come from a sequence so that several app nodes never hand out the same one.
CREATE SEQUENCE certificate_serial START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE certificate (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    code             CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    serial_no        BIGINT       NOT NULL,
    kind             VARCHAR(10)  NOT NULL,
    subject          VARCHAR(64)  NOT NULL,
    user_id          BIGINT       NOT NULL,
    cohort_id        BIGINT       NULL,
    cadet_name       VARCHAR(200) NOT NULL,
    academy_name     VARCHAR(200) NOT NULL,
    cohort_name      VARCHAR(200) NOT NULL,
    completed_on     DATE         NOT NULL,
    issued_at        TIMESTAMP(3) NOT NULL,
    language         VARCHAR(35)  NOT NULL,
    signatory_name   VARCHAR(200) NOT NULL,
    signatory_title  VARCHAR(200) NULL,
    revoked_at       TIMESTAMP(3) NULL,
    revoked_by       BIGINT       NULL,
    revoke_reason    VARCHAR(500) NULL,
    -- 1 while valid, NULL once revoked: the unique key below then allows one valid
    -- certificate per cadet and subject, however many revoked ones came before it.
    active           TINYINT AS (IF(revoked_at IS NULL, 1, NULL)) PERSISTENT,
    CONSTRAINT uq_certificate_code UNIQUE (code),
    CONSTRAINT uq_certificate_serial UNIQUE (serial_no),
    CONSTRAINT uq_certificate_active UNIQUE (user_id, kind, subject, active),
    INDEX ix_certificate_cohort (cohort_id),
    CONSTRAINT fk_certificate_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The PDFs exactly as issued, one per language, so that their SHA-256 can be published and
-- a printed or e-mailed copy compared with it.
CREATE TABLE certificate_document (
    certificate_id  BIGINT       NOT NULL,
    language        VARCHAR(35)  NOT NULL,
    title           VARCHAR(400) NOT NULL,
    pdf             MEDIUMBLOB   NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (certificate_id, language),
    CONSTRAINT fk_certificate_document FOREIGN KEY (certificate_id) REFERENCES certificate (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
