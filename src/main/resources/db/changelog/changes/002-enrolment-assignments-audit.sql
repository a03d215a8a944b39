--liquibase formatted sql

--changeset lepha:002-cohort-join-code
ALTER TABLE cohort
    ADD COLUMN join_code            VARCHAR(16)  NULL,
    ADD COLUMN join_code_enabled    BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN join_code_expires_at TIMESTAMP(3) NULL,
    ADD CONSTRAINT uq_cohort_join_code UNIQUE (join_code);

--changeset lepha:002-enrolment-history
ALTER TABLE enrolment
    ADD COLUMN enrolled_by       BIGINT       NULL,
    ADD COLUMN end_reason        VARCHAR(16)  NULL,
    ADD COLUMN ended_by          BIGINT       NULL,
    ADD COLUMN active_user_id    BIGINT AS (IF(withdrawn_at IS NULL, user_id, NULL)) PERSISTENT,
    ADD CONSTRAINT uq_enrolment_one_active UNIQUE (active_user_id);

--changeset lepha:002-assignments
CREATE TABLE cohort_assignment (
    cohort_id    BIGINT       NOT NULL,
    module_id    VARCHAR(64)  NOT NULL,
    due_date     DATE         NULL,
    assigned_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    assigned_by  BIGINT       NULL,
    PRIMARY KEY (cohort_id, module_id),
    CONSTRAINT fk_assignment_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset lepha:002-audit
CREATE TABLE audit_event (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    actor_id      BIGINT       NULL,
    actor_name    VARCHAR(64)  NOT NULL,
    action        VARCHAR(40)  NOT NULL,
    subject_type  VARCHAR(40)  NOT NULL,
    subject_id    VARCHAR(100) NOT NULL,
    details       VARCHAR(2000) NULL,
    INDEX ix_audit_time (occurred_at),
    INDEX ix_audit_action (action, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
