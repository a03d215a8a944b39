--liquibase formatted sql

--changeset lepha:006-glossary
-- Agreed translations of key terms per language. The translator workspace highlights the
-- English terms and warns when a translation does not use the agreed wording.
CREATE TABLE glossary_term (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    locale        VARCHAR(35)  CHARACTER SET ascii NOT NULL,
    term          VARCHAR(200) NOT NULL,
    translation   VARCHAR(400) NOT NULL,
    -- NULL for the terms seeded with this change.
    created_by    BIGINT       NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_glossary_term UNIQUE (locale, term),
    CONSTRAINT fk_glossary_term_created_by FOREIGN KEY (created_by) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO glossary_term (locale, term, translation, created_by, created_at) VALUES
    ('ru', 'harm reduction', 'снижение вреда', NULL, CURRENT_TIMESTAMP(3)),
    ('ru', 'people who use drugs', 'люди, употребляющие наркотики', NULL, CURRENT_TIMESTAMP(3)),
    ('ru', 'police', 'полиция', NULL, CURRENT_TIMESTAMP(3)),
    ('ru', 'naloxone', 'налоксон', NULL, CURRENT_TIMESTAMP(3)),
    ('ru', 'overdose', 'передозировка', NULL, CURRENT_TIMESTAMP(3)),
    ('fa-AF', 'harm reduction', 'کاهش آسیب', NULL, CURRENT_TIMESTAMP(3)),
    ('fa-AF', 'people who use drugs', 'افرادی که مواد مخدر مصرف می‌کنند', NULL, CURRENT_TIMESTAMP(3)),
    ('fa-AF', 'police', 'پولیس', NULL, CURRENT_TIMESTAMP(3)),
    ('fa-AF', 'naloxone', 'نالوکسان', NULL, CURRENT_TIMESTAMP(3)),
    ('fa-AF', 'overdose', 'مصرف بیش از حد', NULL, CURRENT_TIMESTAMP(3));
