-- A name the glossary does not know that one translation spells in several
-- ways (the inconsistent-rendering check, issue 17) is proposed as a new
-- entry: the source's form of the name and the romanization the flags
-- suggest. Such a proposal has no entry until a maintainer accepts it.

-- +goose Up
ALTER TABLE glossary_proposals
    DROP CONSTRAINT glossary_proposals_kind_check,
    ADD CONSTRAINT glossary_proposals_kind_check CHECK (kind IN ('add_deprecated', 'downgrade', 'remove', 'add_entry')),
    ALTER COLUMN entry_id DROP NOT NULL,
    ADD COLUMN source_lang text NOT NULL DEFAULT '',
    ADD COLUMN source_form text NOT NULL DEFAULT '',
    ADD CONSTRAINT glossary_proposals_entry CHECK (kind = 'add_entry' OR entry_id IS NOT NULL),
    ADD CONSTRAINT glossary_proposals_source CHECK ((kind = 'add_entry') = (source_lang <> '' AND source_form <> ''));
-- One open proposal per new name: more evidence joins it. A decided one
-- (rejected, or accepted and then removed from the glossary by hand) is
-- not proposed again; the check looks it up.
CREATE UNIQUE INDEX glossary_proposals_one_open_entry ON glossary_proposals (source_lang, source_form, lang, form)
    WHERE kind = 'add_entry' AND status = 'open';
CREATE INDEX glossary_proposals_decided_entry ON glossary_proposals (source_lang, source_form, lang, form)
    WHERE kind = 'add_entry' AND status <> 'open';

-- +goose Down
DELETE FROM glossary_proposals WHERE kind = 'add_entry';
DROP INDEX glossary_proposals_decided_entry;
DROP INDEX glossary_proposals_one_open_entry;
ALTER TABLE glossary_proposals
    DROP CONSTRAINT glossary_proposals_source,
    DROP CONSTRAINT glossary_proposals_entry,
    DROP COLUMN source_form,
    DROP COLUMN source_lang,
    ALTER COLUMN entry_id SET NOT NULL,
    DROP CONSTRAINT glossary_proposals_kind_check,
    ADD CONSTRAINT glossary_proposals_kind_check CHECK (kind IN ('add_deprecated', 'downgrade', 'remove'));
