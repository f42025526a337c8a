-- What a published version is made of: one row per segment as it was at
-- publication, with the provenance of its text (the correction that produced
-- it, who wrote and who approved it), so that diffs between versions link
-- every changed span to people. Rows are copies, not references: merging,
-- splitting or deleting live segments later never changes a version.

-- +goose Up
ALTER TABLE article_versions
    ADD COLUMN partial boolean NOT NULL DEFAULT false,
    ADD COLUMN note    text    NOT NULL DEFAULT '';
COMMENT ON COLUMN article_versions.partial IS
    'published while corrections were still pending; only approved ones are in it';

CREATE TABLE version_segments (
    id            bigserial PRIMARY KEY,
    version_id    bigint  NOT NULL REFERENCES article_versions (id) ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position >= 0),
    paragraph     integer NOT NULL CHECK (paragraph >= 0),
    segment_id    bigint  REFERENCES segments (id) ON DELETE SET NULL,
    source_text   text,
    mt_text       text    NOT NULL,
    text          text    NOT NULL,
    state         text    NOT NULL
                  CHECK (state IN ('clean', 'flagged', 'in_progress', 'corrected', 'approved', 'rejected')),
    correction_id bigint  REFERENCES corrections (id) ON DELETE SET NULL,
    author_id     bigint  REFERENCES users (id) ON DELETE SET NULL,
    approver_id   bigint  REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (version_id, position)
);

-- +goose Down
DROP TABLE version_segments;
ALTER TABLE article_versions DROP COLUMN note, DROP COLUMN partial;
