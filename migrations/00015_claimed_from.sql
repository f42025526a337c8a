-- A translator may claim a segment that the queue would not hand out: a
-- clean or approved one, to correct an error the checker missed. When such
-- a lease ends without a correction (release, expiry, skip) the segment must
-- return to the state it had, not to the queue as flagged, and the queue
-- must not hand it out once its lease lapsed. The state a lease started from
-- is therefore kept with the lease; NULL (leases taken before this column)
-- means the queue's states, as before.

-- +goose Up
ALTER TABLE segments ADD COLUMN claimed_from text
    CHECK (claimed_from IN ('flagged', 'rejected', 'clean', 'approved'));

-- +goose Down
ALTER TABLE segments DROP COLUMN claimed_from;
