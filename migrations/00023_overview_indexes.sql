-- The dashboards (issue 20 item 5) at a newsroom's scale: the decisions of
-- the last days by editor (time to approval, what people did per day), the
-- corrections submitted in those days by author, a reviewer's rejected
-- corrections newest first, the wrong forms counted by text and entry, and
-- every segment by state and flag by kind and status, the counts read from
-- the indexes alone. overview/bench_test.go measures them with and
-- without.

-- +goose Up
CREATE INDEX corrections_reviewed_idx ON corrections (reviewed_at, status, reviewer_id) WHERE status IN ('approved', 'rejected');
CREATE INDEX corrections_created_at_idx ON corrections (created_at, author_id);
CREATE INDEX corrections_rejected_author_idx ON corrections (author_id, id) WHERE status = 'rejected';
CREATE INDEX flags_wrong_form_idx ON flags (text, entry) WHERE kind IN ('name', 'term') AND status <> 'dismissed';
CREATE INDEX segments_state_idx ON segments (state);
CREATE INDEX flags_kind_status_idx ON flags (kind, status);

-- +goose Down
DROP INDEX flags_kind_status_idx;
DROP INDEX segments_state_idx;
DROP INDEX flags_wrong_form_idx;
DROP INDEX corrections_rejected_author_idx;
DROP INDEX corrections_created_at_idx;
DROP INDEX corrections_reviewed_idx;
