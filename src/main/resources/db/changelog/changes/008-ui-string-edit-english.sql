--liquibase formatted sql

--changeset lepha:008-ui-string-edit-english
-- The English a UI string translation was made from, so a later change of the English value
-- in translations/ui/en.properties marks the translation STALE and the editor can show the
-- difference. NULL for rows saved before this column existed (treated as current).
ALTER TABLE ui_string_edit ADD COLUMN english_text TEXT NULL;
