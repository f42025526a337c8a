-- Propagations of an approved correction to the other occurrences of the
-- wrong forms it replaced: one row per propagation with its counts, one row
-- per segment asked with the flags chosen in it and, once done, its outcome.
-- A background job applies the segments in batches; a segment's outcome is
-- written in the transaction that changes the segment, so a job that dies
-- and is retried never applies a segment twice, and the counts always add
-- up (done = approved + pending + skipped).
-- segment_id and article_id are no foreign keys: a segment joined or split
-- away meanwhile is reported as gone, not dropped from the report.

-- +goose Up
CREATE TABLE propagations (
    id            bigserial PRIMARY KEY,
    correction_id bigint      NOT NULL REFERENCES corrections (id) ON DELETE CASCADE,
    editor_id     bigint      NOT NULL REFERENCES users (id),
    mode          text        NOT NULL CHECK (mode IN ('pending', 'approved')),
    background    boolean     NOT NULL DEFAULT false,
    total         integer     NOT NULL CHECK (total >= 0),
    done          integer     NOT NULL DEFAULT 0 CHECK (done >= 0),
    approved      integer     NOT NULL DEFAULT 0 CHECK (approved >= 0),
    pending       integer     NOT NULL DEFAULT 0 CHECK (pending >= 0),
    skipped       integer     NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    CHECK (done = approved + pending + skipped AND done <= total)
);
CREATE INDEX propagations_correction_idx ON propagations (correction_id);

CREATE TABLE propagation_segments (
    propagation_id bigint  NOT NULL REFERENCES propagations (id) ON DELETE CASCADE,
    segment_id     bigint  NOT NULL,
    article_id     bigint  NOT NULL,
    flags          jsonb   NOT NULL DEFAULT '[]',
    outcome        text    CHECK (outcome IN ('approved', 'pending', 'skipped')),
    reason         text    NOT NULL DEFAULT '',
    correction_id  bigint,
    state          text    NOT NULL DEFAULT '',
    open_flags     integer NOT NULL DEFAULT 0,
    done_at        timestamptz,
    PRIMARY KEY (propagation_id, segment_id)
);
CREATE INDEX propagation_segments_todo_idx ON propagation_segments (propagation_id, segment_id) WHERE outcome IS NULL;

-- +goose Down
DROP TABLE propagation_segments;
DROP TABLE propagations;
