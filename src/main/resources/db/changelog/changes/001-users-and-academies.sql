--liquibase formatted sql

--changeset lepha:001-academy
CREATE TABLE academy (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_academy_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--changeset lepha:001-users
CREATE TABLE app_user (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    username              VARCHAR(64)  NOT NULL,
    full_name             VARCHAR(200) NOT NULL,
    email                 VARCHAR(254) NULL,
    password_hash         VARCHAR(255) NOT NULL,
    preferred_locale      VARCHAR(35)  NOT NULL DEFAULT 'en',
    academy_id            BIGINT       NULL,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_academy FOREIGN KEY (academy_id) REFERENCES academy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id  BIGINT      NOT NULL,
    role     VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE translator_locale (
    user_id  BIGINT      NOT NULL,
    locale   VARCHAR(35) NOT NULL,
    PRIMARY KEY (user_id, locale),
    CONSTRAINT fk_translator_locale_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset lepha:001-login-failure
CREATE TABLE login_failure (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    failed_at       TIMESTAMP(3) NOT NULL,
    INDEX ix_login_failure_username (username, failed_at),
    INDEX ix_login_failure_address (client_address, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

--changeset lepha:001-cohorts
CREATE TABLE cohort (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    academy_id  BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    start_date  DATE         NULL,
    end_date    DATE         NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_cohort_academy FOREIGN KEY (academy_id) REFERENCES academy (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cohort_trainer (
    cohort_id  BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    PRIMARY KEY (cohort_id, user_id),
    CONSTRAINT fk_cohort_trainer_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id) ON DELETE CASCADE,
    CONSTRAINT fk_cohort_trainer_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

CREATE TABLE enrolment (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    cohort_id     BIGINT       NOT NULL,
    user_id       BIGINT       NOT NULL,
    enrolled_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    withdrawn_at  TIMESTAMP(3) NULL,
    INDEX ix_enrolment_user (user_id),
    CONSTRAINT fk_enrolment_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT fk_enrolment_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;
