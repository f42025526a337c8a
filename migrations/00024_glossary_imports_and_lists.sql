-- A glossary file uploaded on the import page, kept between its dry run and
-- the maintainer's Confirm, with the digest of the plan the dry run showed:
-- Confirm applies it only if the glossary, locked, still yields that very
-- plan (issue 20). Kept in the database, not in one process's memory or a
-- temporary file, so that any process may take the Confirm; an upload
-- older than a day is deleted by the next upload.
--
-- Keyset pages of the glossary list (by key, or by the latest change) and
-- of the proposals queue (by evidence, or by age), and the queue's form
-- search. A proposal's evidence count, which the queue sorts by, is kept
-- on its row by a trigger: counting each proposal's evidence for every
-- page read all the evidence.

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

CREATE INDEX glossary_entries_updated_at_id_idx ON glossary_entries (updated_at, id);

ALTER TABLE glossary_proposals ADD COLUMN evidence_count integer NOT NULL DEFAULT 0 CHECK (evidence_count >= 0);
UPDATE glossary_proposals p SET evidence_count = (SELECT count(*) FROM glossary_proposal_evidence v WHERE v.proposal_id = p.id);
-- +goose StatementBegin
CREATE FUNCTION glossary_proposal_evidence_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE glossary_proposals SET evidence_count = evidence_count + 1 WHERE id = NEW.proposal_id;
    ELSE
        UPDATE glossary_proposals SET evidence_count = evidence_count - 1 WHERE id = OLD.proposal_id;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER glossary_proposal_evidence_count AFTER INSERT OR DELETE ON glossary_proposal_evidence
    FOR EACH ROW EXECUTE FUNCTION glossary_proposal_evidence_count();
CREATE INDEX glossary_proposals_status_evidence_idx ON glossary_proposals (status, evidence_count, id);
CREATE INDEX glossary_proposals_form_prefix_idx ON glossary_proposals (lower(form) text_pattern_ops);

-- +goose Down
DROP INDEX glossary_proposals_form_prefix_idx;
DROP INDEX glossary_proposals_status_evidence_idx;
DROP TRIGGER glossary_proposal_evidence_count ON glossary_proposal_evidence;
DROP FUNCTION glossary_proposal_evidence_count();
ALTER TABLE glossary_proposals DROP COLUMN evidence_count;
DROP INDEX glossary_entries_updated_at_id_idx;
DROP TABLE glossary_import_uploads;
