--liquibase formatted sql

--changeset lepha:010-account-deactivation
-- When an administrator deactivated the account (NULL while it is active); the
-- account's records and certificates stay, it only cannot sign in and leaves the
-- active lists.
ALTER TABLE app_user ADD COLUMN deactivated_at TIMESTAMP(3) NULL;
CREATE INDEX ix_app_user_enabled ON app_user (enabled);
