--liquibase formatted sql

--changeset lepha:016-exam-session
-- A trainer's exam session (issue 15): one cohort, one module's post-test, a window in
-- which cadets may start. closes_at is moved to the closing instant when the trainer
-- closes early; closed_early_at records that it happened.
CREATE TABLE exam_session (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    cohort_id        BIGINT       NOT NULL,
    module_id        VARCHAR(64)  NOT NULL,
    opens_at         TIMESTAMP(3) NOT NULL,
    closes_at        TIMESTAMP(3) NOT NULL,
    access_code      VARCHAR(16)  NULL,
    created_by       BIGINT       NULL,
    created_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    closed_early_at  TIMESTAMP(3) NULL,
    INDEX ix_exam_session_cohort (cohort_id, module_id, closes_at),
    CONSTRAINT fk_exam_session_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- Per-cadet accommodations: extra minutes on top of the time limit and the window.
CREATE TABLE exam_accommodation (
    session_id     BIGINT NOT NULL,
    user_id        BIGINT NOT NULL,
    extra_minutes  INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, user_id),
    CONSTRAINT fk_exam_accommodation_session FOREIGN KEY (session_id) REFERENCES exam_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_exam_accommodation_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

--changeset lepha:016-prepared-attempts
-- Attempts drawn ahead when a session is opened: started_at stays NULL until the cadet
-- presses Start (decision 0014). exam_session_id ties an attempt to its session.
ALTER TABLE quiz_attempt
    MODIFY started_at TIMESTAMP(3) NULL,
    ADD COLUMN exam_session_id BIGINT NULL,
    ADD INDEX ix_quiz_attempt_exam_session (exam_session_id, user_id);
