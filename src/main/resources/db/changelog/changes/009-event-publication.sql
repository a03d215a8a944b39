--liquibase formatted sql

--changeset lepha:009-event-publication
-- Spring Modulith's event publication registry (schema v2 for MariaDB, as shipped in
-- spring-modulith-events-jdbc 2.1): an event and its listener are written in the transaction
-- that publishes the event (a completion), and the row is deleted once the listener has
-- finished (spring.modulith.events.completion-mode=delete). A row left behind by a crash or a
-- failed listener is delivered again on restart and by the certificates' redelivery job.
-- The upper-case table name is the one the registry queries (names are case-sensitive here).
CREATE TABLE EVENT_PUBLICATION (
    id                     VARCHAR(36)   NOT NULL,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP(6)  NOT NULL,
    completion_date        TIMESTAMP(6)  NULL DEFAULT NULL,
    status                 VARCHAR(20)   NULL,
    completion_attempts    INT           NULL,
    last_resubmission_date TIMESTAMP(6)  NULL,
    PRIMARY KEY (id),
    INDEX event_publication_by_completion_date_idx (completion_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
