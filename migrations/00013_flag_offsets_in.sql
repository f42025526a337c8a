-- A flag's offsets used to point into its segment's MT text, always. An
-- approval now checks the approved text again (issue 14): the flags whose
-- evidence is still there stay open with offsets into that text, so that
-- the pages can mark "Bashara Assad" in the text that will be published.
-- offsets_in says which text the offsets are into: 'mt', the segment's MT
-- text, or 'approved', the text of the segment's last approved correction.

-- +goose Up
ALTER TABLE flags ADD COLUMN offsets_in text NOT NULL DEFAULT 'mt' CHECK (offsets_in IN ('mt', 'approved'));

-- +goose Down
ALTER TABLE flags DROP COLUMN offsets_in;
