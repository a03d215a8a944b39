--liquibase formatted sql

--changeset lepha:020-cadet-sex
-- A cadet's sex, optional (issue 21, decision 0018): donors and ministries ask for programme
-- figures by sex. No row, or a NULL, means not recorded. Kept out of app_user so that only
-- the cohorts feature (trainers of the cadet's cohort, administrators) reads it, and only
-- aggregate reports use it.
CREATE TABLE cadet_profile (
    user_id  BIGINT      NOT NULL PRIMARY KEY,
    sex      VARCHAR(8)  NULL,
    CONSTRAINT ck_cadet_profile_sex CHECK (sex IS NULL OR sex IN ('FEMALE', 'MALE', 'ANOTHER')),
    CONSTRAINT fk_cadet_profile_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB;
