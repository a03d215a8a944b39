--liquibase formatted sql

--changeset lepha:015-data-saver
-- The user's "data saver" choice (issue 18): lesson images only on request, nothing
-- fetched ahead. Off by default: most academies are on a LAN.
ALTER TABLE app_user ADD COLUMN data_saver BOOLEAN NOT NULL DEFAULT FALSE;
