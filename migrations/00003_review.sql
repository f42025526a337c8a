-- Articles, their segments and flags, corrections and published versions.
-- Offsets are byte offsets: segments into the article text, flags into the
-- segment's MT text.

-- +goose Up
CREATE TABLE articles (
    id          bigserial PRIMARY KEY,
    title       text NOT NULL CHECK (title <> ''),
    lang        text NOT NULL CHECK (lang <> ''),
    text        text NOT NULL,
    source_lang text,
    source_text text,
    created_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT articles_source_together CHECK ((source_lang IS NULL) = (source_text IS NULL))
);
CREATE INDEX articles_created_at_idx ON articles (created_at DESC);

CREATE TABLE segments (
    id               bigserial PRIMARY KEY,
    article_id       bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position         integer NOT NULL CHECK (position >= 0),
    paragraph        integer NOT NULL CHECK (paragraph >= 0),
    start_offset     integer NOT NULL CHECK (start_offset >= 0),
    end_offset       integer NOT NULL,
    mt_text          text NOT NULL,
    current_text     text NOT NULL,
    source_text      text,
    state            text NOT NULL DEFAULT 'clean'
                     CHECK (state IN ('clean', 'flagged', 'in_progress', 'corrected', 'approved', 'rejected')),
    revision         integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    lease_holder_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    lease_expires_at timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (article_id, position),
    CONSTRAINT segments_offsets CHECK (end_offset >= start_offset),
    CONSTRAINT segments_lease_together CHECK ((lease_holder_id IS NULL) = (lease_expires_at IS NULL)),
    CONSTRAINT segments_lease_in_progress CHECK (lease_holder_id IS NULL OR state = 'in_progress')
);
-- The translator queue: claimable segments in order, and expired leases.
CREATE INDEX segments_queue_idx ON segments (article_id, position) WHERE state IN ('flagged', 'rejected');
CREATE INDEX segments_lease_idx ON segments (lease_expires_at) WHERE state = 'in_progress';
CREATE INDEX segments_article_state_idx ON segments (article_id, state);

CREATE TABLE flags (
    id                bigserial PRIMARY KEY,
    segment_id        bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    kind              text NOT NULL CHECK (kind IN ('name', 'term', 'typography', 'segmentation')),
    "check"           text NOT NULL CHECK ("check" <> ''),
    start_offset      integer NOT NULL CHECK (start_offset >= 0),
    end_offset        integer NOT NULL,
    text              text NOT NULL,
    suggestion        text NOT NULL DEFAULT '',
    entry             text NOT NULL DEFAULT '',
    glossary_entry_id bigint REFERENCES glossary_entries (id) ON DELETE SET NULL,
    confidence        double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'dismissed')),
    dismiss_reason    text NOT NULL DEFAULT '',
    resolved_by       bigint REFERENCES users (id) ON DELETE SET NULL,
    resolved_at       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT flags_offsets CHECK (end_offset >= start_offset)
);
CREATE INDEX flags_segment_id_idx ON flags (segment_id);
CREATE INDEX flags_open_entry_idx ON flags (glossary_entry_id, text) WHERE status = 'open';

CREATE TABLE corrections (
    id             bigserial PRIMARY KEY,
    segment_id     bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    author_id      bigint NOT NULL REFERENCES users (id),
    base_revision  integer NOT NULL,
    text_before    text NOT NULL,
    text           text NOT NULL,
    comment        text NOT NULL DEFAULT '',
    status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'superseded')),
    reviewer_id    bigint REFERENCES users (id),
    reviewed_at    timestamptz,
    reject_reason  text CHECK (reject_reason IN ('wrong_name', 'wrong_term', 'style', 'typography', 'other')),
    review_comment text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- Nobody approves or rejects their own correction.
    CONSTRAINT corrections_not_own CHECK (reviewer_id IS NULL OR reviewer_id <> author_id),
    CONSTRAINT corrections_reason CHECK ((status = 'rejected') = (reject_reason IS NOT NULL))
);
CREATE INDEX corrections_segment_id_idx ON corrections (segment_id);
CREATE INDEX corrections_pending_idx ON corrections (created_at) WHERE status = 'pending';

CREATE TABLE article_versions (
    id           bigserial PRIMARY KEY,
    article_id   bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number       integer NOT NULL CHECK (number >= 1),
    text         text NOT NULL,
    published_by bigint REFERENCES users (id) ON DELETE SET NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (article_id, number)
);

-- +goose Down
DROP TABLE article_versions;
DROP TABLE corrections;
DROP TABLE flags;
DROP TABLE segments;
DROP TABLE articles;
