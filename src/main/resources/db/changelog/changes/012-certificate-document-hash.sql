--liquibase formatted sql

--changeset lepha:012-certificate-document-hash
-- An uploaded PDF is matched to the issued record by its SHA-256 (the verify page's
-- upload): without an index every check would read every stored document.
CREATE INDEX ix_certificate_document_sha256 ON certificate_document (sha256);
