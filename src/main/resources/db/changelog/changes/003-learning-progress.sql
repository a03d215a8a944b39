--liquibase formatted sql

--changeset lepha:003-lesson-progress
-- Progress is keyed by content ids and the user, never by language: a cadet may switch
-- language mid-module and keep everything.
CREATE TABLE section_view (
    user_id     BIGINT       NOT NULL,
    module_id   VARCHAR(64)  NOT NULL,
    lesson_id   VARCHAR(64)  NOT NULL,
    section_id  VARCHAR(64)  NOT NULL,
    viewed_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id, module_id, lesson_id, section_id),
    CONSTRAINT fk_section_view_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

CREATE TABLE lesson_position (
    user_id     BIGINT       NOT NULL,
    module_id   VARCHAR(64)  NOT NULL,
    lesson_id   VARCHAR(64)  NOT NULL,
    section_id  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (user_id, module_id),
    CONSTRAINT fk_lesson_position_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

--changeset lepha:003-quiz
CREATE TABLE quiz_attempt (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id        BIGINT       NOT NULL,
    module_id      VARCHAR(64)  NOT NULL,
    kind           VARCHAR(8)   NOT NULL,
    attempt_no     INT          NOT NULL,
    module_version INT          NOT NULL,
    drawn          TEXT         NOT NULL,
    started_at     TIMESTAMP(3) NOT NULL,
    deadline_at    TIMESTAMP(3) NULL,
    submitted_at   TIMESTAMP(3) NULL,
    score_percent  INT          NULL,
    passed         BOOLEAN      NULL,
    CONSTRAINT uq_quiz_attempt_no UNIQUE (user_id, module_id, kind, attempt_no),
    CONSTRAINT fk_quiz_attempt_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

CREATE TABLE quiz_answer (
    attempt_id   BIGINT       NOT NULL,
    question_id  VARCHAR(64)  NOT NULL,
    answer       TEXT         NOT NULL,
    answered_at  TIMESTAMP(3) NOT NULL,
    credit       DECIMAL(6,4) NULL,
    PRIMARY KEY (attempt_id, question_id),
    CONSTRAINT fk_quiz_answer_attempt FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset lepha:003-scenario
CREATE TABLE scenario_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT       NOT NULL,
    module_id    VARCHAR(64)  NOT NULL,
    scenario_id  VARCHAR(64)  NOT NULL,
    started_at   TIMESTAMP(3) NOT NULL,
    ended_at     TIMESTAMP(3) NULL,
    current_node VARCHAR(64)  NOT NULL,
    scores       VARCHAR(1000) NOT NULL,
    ending_id    VARCHAR(64)  NULL,
    rating       VARCHAR(16)  NULL,
    INDEX ix_scenario_run_user (user_id, module_id, scenario_id),
    CONSTRAINT fk_scenario_run_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

CREATE TABLE scenario_step (
    run_id       BIGINT       NOT NULL,
    step_no      INT          NOT NULL,
    node_id      VARCHAR(64)  NOT NULL,
    choice_id    VARCHAR(64)  NOT NULL,
    scores_after VARCHAR(1000) NOT NULL,
    taken_at     TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (run_id, step_no),
    CONSTRAINT fk_scenario_step_run FOREIGN KEY (run_id) REFERENCES scenario_run (id) ON DELETE CASCADE
) ENGINE=InnoDB;

--changeset lepha:003-completion
CREATE TABLE module_completion (
    user_id       BIGINT       NOT NULL,
    module_id     VARCHAR(64)  NOT NULL,
    completed_at  TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (user_id, module_id),
    CONSTRAINT fk_module_completion_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB;
