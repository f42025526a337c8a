-- A glossary file uploaded on the import page, kept between its dry run and
-- the maintainer's Confirm, with the digest of the plan the dry run showed:
-- Confirm applies it only if the glossary, locked, still yields that very
-- plan (issue 20). Kept in the database, not in one process's memory or a
-- temporary file, so that any process may take the Confirm; an upload
-- older than a day is deleted by the next upload.

-- +goose Up
CREATE TABLE glossary_import_uploads (
    id         bigserial PRIMARY KEY,
    user_id    bigint  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       text    NOT NULL,
    format     text    NOT NULL CHECK (format IN ('csv', 'tbx')),
    prune      boolean NOT NULL DEFAULT false,
    data       bytea   NOT NULL,
    digest     text    NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX glossary_import_uploads_user_id_idx ON glossary_import_uploads (user_id);
CREATE INDEX glossary_import_uploads_created_at_idx ON glossary_import_uploads (created_at);

-- +goose Down
DROP TABLE glossary_import_uploads;
