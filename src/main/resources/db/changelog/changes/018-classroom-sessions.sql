--liquibase formatted sql

--changeset lepha:018-classroom-sessions
-- Live classroom runs of a scenario (issue 21, decision 0016). The whole state lives here,
-- not in memory, so a projector reload, a phone that reconnects or a server restart
-- resumes where the class stood.
CREATE TABLE classroom_session (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    cohort_id        BIGINT        NOT NULL,
    module_id        VARCHAR(64)   NOT NULL,
    scenario_id      VARCHAR(64)   NOT NULL,
    trainer_id       BIGINT        NOT NULL,
    join_code        VARCHAR(8)    NOT NULL,
    -- The join code while the session is live, NULL once it ended: unique among live
    -- sessions only, so short codes can be reused later.
    live_code        VARCHAR(8)    NULL,
    current_node     VARCHAR(64)   NULL,
    current_round_id BIGINT        NULL,
    state            VARCHAR(8)    NOT NULL,
    ending_id        VARCHAR(64)   NULL,
    started_at       TIMESTAMP(3)  NOT NULL,
    ended_at         TIMESTAMP(3)  NULL,
    CONSTRAINT uq_classroom_live_code UNIQUE (live_code),
    INDEX ix_classroom_session_cohort (cohort_id, module_id),
    CONSTRAINT fk_classroom_session_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id) ON DELETE CASCADE,
    CONSTRAINT fk_classroom_session_trainer FOREIGN KEY (trainer_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

-- One round of voting at a node; a re-vote after discussion is a new round of the same
-- node (round_no 2, 3, ...). seq orders all rounds of a session.
CREATE TABLE classroom_round (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT       NOT NULL,
    seq         INT          NOT NULL,
    node_id     VARCHAR(64)  NOT NULL,
    round_no    INT          NOT NULL,
    revealed    BOOLEAN      NOT NULL DEFAULT FALSE,
    opened_at   TIMESTAMP(3) NOT NULL,
    closed_at   TIMESTAMP(3) NULL,
    -- The choice the class went on with, and how: MAJORITY or TRAINER (a pick, e.g. on a tie).
    choice_id   VARCHAR(64)  NULL,
    decided_by  VARCHAR(8)   NULL,
    CONSTRAINT uq_classroom_round_seq UNIQUE (session_id, seq),
    CONSTRAINT fk_classroom_round_session FOREIGN KEY (session_id) REFERENCES classroom_session (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- A cadet's vote in a round; changed in place while the round is open.
CREATE TABLE classroom_vote (
    round_id   BIGINT       NOT NULL,
    cadet_id   BIGINT       NOT NULL,
    choice_id  VARCHAR(64)  NOT NULL,
    voted_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (round_id, cadet_id),
    INDEX ix_classroom_vote_cadet (cadet_id),
    CONSTRAINT fk_classroom_vote_round FOREIGN KEY (round_id) REFERENCES classroom_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_classroom_vote_cadet FOREIGN KEY (cadet_id) REFERENCES app_user (id)
) ENGINE=InnoDB;

-- Who joined, for "12 of 20 voted" on the projector.
CREATE TABLE classroom_participant (
    session_id  BIGINT       NOT NULL,
    cadet_id    BIGINT       NOT NULL,
    joined_at   TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (session_id, cadet_id),
    CONSTRAINT fk_classroom_participant_session FOREIGN KEY (session_id) REFERENCES classroom_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_classroom_participant_cadet FOREIGN KEY (cadet_id) REFERENCES app_user (id)
) ENGINE=InnoDB;
