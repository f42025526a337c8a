-- The glossary pages: a revision number per entry, so that an edit made on a
-- stale copy is refused instead of silently overwriting someone else's, and
-- indexes that keep the list's search and filters fast on a large glossary.

-- +goose Up
ALTER TABLE glossary_entries ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);

-- Every writer (the pages, the API, imports) bumps the revision, including
-- writers that do not know about it; a trigger is the one place that sees
-- them all. An insert calls it only when it names a revision other than
-- 1, so that a 100,000-entry import's COPY makes no function call per row.
-- +goose StatementBegin
CREATE FUNCTION glossary_entries_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.revision := 1;
    ELSE
        NEW.revision := OLD.revision + 1;
    END IF;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER glossary_entries_revision BEFORE UPDATE ON glossary_entries
    FOR EACH ROW EXECUTE FUNCTION glossary_entries_revision();
CREATE TRIGGER glossary_entries_revision_insert BEFORE INSERT ON glossary_entries
    FOR EACH ROW WHEN (NEW.revision IS DISTINCT FROM 1) EXECUTE FUNCTION glossary_entries_revision();

-- The existing lower(form) index follows the database collation, so LIKE
-- 'prefix%' cannot use it; text_pattern_ops can.
CREATE INDEX glossary_terms_form_prefix_idx ON glossary_terms (lower(form) text_pattern_ops);
-- The list's language and status filters, and counting what they select.
CREATE INDEX glossary_terms_lang_idx ON glossary_terms (lang, entry_id);
CREATE INDEX glossary_terms_status_idx ON glossary_terms (status, entry_id);

-- +goose Down
DROP INDEX glossary_terms_status_idx;
DROP INDEX glossary_terms_lang_idx;
DROP INDEX glossary_terms_form_prefix_idx;
DROP TRIGGER glossary_entries_revision_insert ON glossary_entries;
DROP TRIGGER glossary_entries_revision ON glossary_entries;
DROP FUNCTION glossary_entries_revision();
ALTER TABLE glossary_entries DROP COLUMN revision;
