-- Dismissal proposals: "not a mistake" said by one person (a translator or
-- an editor) about an open flag, which closes the flag only when another
-- editor accepts it (four eyes, as for corrections). The flag stays open
-- while the proposal is pending. A proposal whose flag was closed another
-- way (its evidence corrected away, a rescan) before anyone decided is
-- superseded. A repair that recomputes the flags deletes their proposals;
-- the audit log keeps what was said.

-- +goose Up
CREATE TABLE dismissals (
    id             bigserial PRIMARY KEY,
    flag_id        bigint NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
    -- A flag never moves to another segment (a repair deletes and
    -- recomputes flags), so the segment is fixed with the flag.
    segment_id     bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    proposer_id    bigint NOT NULL REFERENCES users (id),
    reason         text   NOT NULL CHECK (reason <> ''),
    status         text   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'superseded')),
    reviewer_id    bigint REFERENCES users (id),
    reviewed_at    timestamptz,
    reject_reason  text CHECK (reject_reason IN ('wrong_name', 'wrong_term', 'style', 'typography', 'other')),
    review_comment text   NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- Nobody accepts or rejects their own proposal.
    CONSTRAINT dismissals_not_own CHECK (reviewer_id IS NULL OR reviewer_id <> proposer_id),
    CONSTRAINT dismissals_reason CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
    CONSTRAINT dismissals_reviewed CHECK ((status IN ('accepted', 'rejected')) = (reviewer_id IS NOT NULL))
);
-- One pending proposal per flag.
CREATE UNIQUE INDEX dismissals_one_pending ON dismissals (flag_id) WHERE status = 'pending';
-- The review page lists the pending ones, oldest first.
CREATE INDEX dismissals_pending_idx ON dismissals (created_at) WHERE status = 'pending';
CREATE INDEX dismissals_flag_idx ON dismissals (flag_id);
CREATE INDEX dismissals_segment_idx ON dismissals (segment_id);

-- +goose Down
DROP TABLE dismissals;
