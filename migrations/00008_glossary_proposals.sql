-- Learned wrong forms: changes to the glossary that Lector proposes from
-- the review's evidence (an approved correction replaced a form the glossary
-- did not know; flags of a form were dismissed as false positives), for a
-- glossary maintainer to accept or reject. Evidence rows keep the text they
-- were learned from, so that the proposal still shows it after the segment
-- changed.

-- +goose Up
CREATE TABLE glossary_proposals (
    id         bigserial PRIMARY KEY,
    kind       text   NOT NULL CHECK (kind IN ('add_deprecated', 'downgrade', 'remove')),
    entry_id   bigint NOT NULL REFERENCES glossary_entries (id) ON DELETE CASCADE,
    lang       text   NOT NULL CHECK (lang <> ''),
    form       text   NOT NULL CHECK (form <> ''),
    status     text   NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    decided_by bigint REFERENCES users (id) ON DELETE SET NULL,
    decided_at timestamptz,
    comment    text   NOT NULL DEFAULT '',
    CHECK ((status = 'open') = (decided_at IS NULL))
);
-- One open proposal per change: more evidence joins it.
CREATE UNIQUE INDEX glossary_proposals_one_open ON glossary_proposals (kind, entry_id, lang, form) WHERE status = 'open';
-- A rejected change is not proposed again; the check looks it up.
CREATE INDEX glossary_proposals_rejected ON glossary_proposals (kind, entry_id, lang, form) WHERE status = 'rejected';
CREATE INDEX glossary_proposals_status ON glossary_proposals (status, id);

CREATE TABLE glossary_proposal_evidence (
    id            bigserial PRIMARY KEY,
    proposal_id   bigint  NOT NULL REFERENCES glossary_proposals (id) ON DELETE CASCADE,
    segment_id    bigint  REFERENCES segments (id) ON DELETE SET NULL,
    correction_id bigint  REFERENCES corrections (id) ON DELETE SET NULL,
    flag_id       bigint  REFERENCES flags (id) ON DELETE SET NULL,
    text          text    NOT NULL,
    start_offset  integer NOT NULL CHECK (start_offset >= 0),
    end_offset    integer NOT NULL CHECK (end_offset >= start_offset),
    reason        text    NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX glossary_proposal_evidence_proposal ON glossary_proposal_evidence (proposal_id, id);
-- The same correction or flag counts once.
CREATE UNIQUE INDEX glossary_proposal_evidence_correction ON glossary_proposal_evidence (proposal_id, correction_id)
    WHERE correction_id IS NOT NULL;
CREATE UNIQUE INDEX glossary_proposal_evidence_flag ON glossary_proposal_evidence (proposal_id, flag_id)
    WHERE flag_id IS NOT NULL;

-- +goose Down
DROP TABLE glossary_proposal_evidence;
DROP TABLE glossary_proposals;
