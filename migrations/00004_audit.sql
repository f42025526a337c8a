-- Audit events are append-only: a trigger refuses UPDATE and DELETE, so the
-- history of a segment can be trusted.

-- +goose Up
CREATE TABLE audit_events (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor_id     bigint REFERENCES users (id) ON DELETE SET NULL,
    subject_type text NOT NULL CHECK (subject_type IN ('article', 'segment', 'flag', 'correction', 'version', 'glossary_entry', 'user')),
    subject_id   bigint NOT NULL,
    article_id   bigint,
    action       text NOT NULL CHECK (action <> ''),
    from_state   text NOT NULL DEFAULT '',
    to_state     text NOT NULL DEFAULT '',
    text_before  text NOT NULL DEFAULT '',
    text_after   text NOT NULL DEFAULT '',
    detail       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, id);
CREATE INDEX audit_events_article_idx ON audit_events (article_id, id) WHERE article_id IS NOT NULL;

-- +goose StatementBegin
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- +goose Down
DROP TRIGGER audit_events_no_change ON audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE audit_events;
