-- The dashboards (issue 20 item 5) at a newsroom's scale: the decisions of
-- the last days by editor (time to approval, what people did per day), the
-- corrections submitted in those days by author, a reviewer's rejected
-- corrections newest first, and the wrong forms counted by text and entry
-- from the index alone. overview/bench_test.go measures them with and
-- without.

-- +goose Up
CREATE INDEX corrections_reviewed_idx ON corrections (reviewed_at, status, reviewer_id) WHERE status IN ('approved', 'rejected');
CREATE INDEX corrections_created_at_idx ON corrections (created_at, author_id);
CREATE INDEX corrections_rejected_author_idx ON corrections (author_id, id) WHERE status = 'rejected';
CREATE INDEX flags_wrong_form_idx ON flags (text, entry) WHERE kind IN ('name', 'term') AND status <> 'dismissed';

-- +goose Down
DROP INDEX flags_wrong_form_idx;
DROP INDEX corrections_rejected_author_idx;
DROP INDEX corrections_created_at_idx;
DROP INDEX corrections_reviewed_idx;
