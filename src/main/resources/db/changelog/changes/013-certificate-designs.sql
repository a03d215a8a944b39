--liquibase formatted sql

--changeset lepha:013-certificate-designs
-- An academy's certificate design. Every save is a new row with the next version: a row
-- never changes, so a certificate that points at one renders the same in a language
-- added years later. Images are stored already converted and downscaled (PNG).
CREATE TABLE certificate_design (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    academy_id  BIGINT       NOT NULL,
    version     INT          NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    created_by  BIGINT       NULL,
    emblem      MEDIUMBLOB   NULL,
    CONSTRAINT uq_certificate_design_version UNIQUE (academy_id, version),
    CONSTRAINT fk_certificate_design_academy FOREIGN KEY (academy_id) REFERENCES academy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Up to two signatories per design version, in the order they are drawn.
CREATE TABLE certificate_design_signatory (
    design_id   BIGINT       NOT NULL,
    position    TINYINT      NOT NULL,
    name        VARCHAR(200) NOT NULL,
    signature   MEDIUMBLOB   NULL,
    PRIMARY KEY (design_id, position),
    CONSTRAINT fk_certificate_design_signatory FOREIGN KEY (design_id) REFERENCES certificate_design (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Text per language: the wording (position 0) and the signatories' titles (1, 2).
CREATE TABLE certificate_design_text (
    design_id   BIGINT        NOT NULL,
    position    TINYINT       NOT NULL,
    language    VARCHAR(35)   NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (design_id, position, language),
    CONSTRAINT fk_certificate_design_text FOREIGN KEY (design_id) REFERENCES certificate_design (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The design version a certificate was issued with (NULL: the configured look).
ALTER TABLE certificate ADD COLUMN design_id BIGINT NULL,
    ADD CONSTRAINT fk_certificate_design FOREIGN KEY (design_id) REFERENCES certificate_design (id);
