-- Comment threads on segments and the notifications of users (issue 20,
-- items 5 and 6). A comment is soft-deleted (deleted_at): its place in the
-- history stays and says "comment deleted".
--
-- Notifications come from three places: a comment's @mentions (package
-- comment writes them), and the workflow's own audit events, through the
-- trigger below: a translator hears that their correction was approved or
-- rejected, and every editor hears once that corrections wait. The trigger
-- is here rather than in each workflow step because approving is one
-- statement on the hot path (review/change.go) and is taken by the pages,
-- the API, bulk approval and the load driver alike; the audit event is the
-- one thing they all write, in the same transaction.
--
-- The Activity page's keyset pages filtered by action read
-- audit_events (article_id, action, id) (issue 20 item 3).

-- +goose Up
CREATE TABLE comments (
    id         bigserial PRIMARY KEY,
    segment_id bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    author_id  bigint REFERENCES users (id) ON DELETE SET NULL,
    body       text NOT NULL CHECK (body <> '' AND char_length(body) <= 2000),
    created_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    deleted_by bigint REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX comments_segment_id_idx ON comments (segment_id, id);
CREATE INDEX comments_author_id_idx ON comments (author_id);
CREATE INDEX comments_deleted_by_idx ON comments (deleted_by);

CREATE TABLE notifications (
    id            bigserial PRIMARY KEY,
    user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('mention', 'approved', 'rejected', 'waiting')),
    -- Who and what, for the list to show; no foreign keys but the
    -- segment's (its deletion takes its comments, corrections and these
    -- rows along): every approval writes a row, and each key checked and
    -- indexed costs the hot path (see BENCHMARKS.md).
    actor_id      bigint,
    segment_id    bigint REFERENCES segments (id) ON DELETE CASCADE,
    comment_id    bigint,
    correction_id bigint,
    created_at    timestamptz NOT NULL DEFAULT now(),
    read_at       timestamptz
);
-- A user's notifications newest first, and the badge's count.
CREATE INDEX notifications_user_id_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
-- One unread "corrections wait" per editor: the Review page counts them.
CREATE UNIQUE INDEX notifications_waiting_once ON notifications (user_id) WHERE kind = 'waiting' AND read_at IS NULL;
CREATE INDEX notifications_segment_id_idx ON notifications (segment_id);

CREATE INDEX audit_events_article_action_idx ON audit_events (article_id, action, id) WHERE article_id IS NOT NULL;

-- +goose StatementBegin
CREATE FUNCTION notifications_from_workflow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.action IN ('approve', 'reject') THEN
        INSERT INTO notifications (user_id, kind, actor_id, segment_id, correction_id, created_at)
        SELECT c.author_id, CASE NEW.action WHEN 'approve' THEN 'approved' ELSE 'rejected' END,
               NEW.actor_id, NEW.subject_id, c.id, NEW.at
        FROM corrections c
        WHERE c.id = (NEW.detail ->> 'correction')::bigint AND c.author_id IS DISTINCT FROM NEW.actor_id;
    ELSE -- submit
        INSERT INTO notifications (user_id, kind, actor_id, segment_id, created_at)
        SELECT r.user_id, 'waiting', NEW.actor_id, NEW.subject_id, NEW.at
        FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE r.role = 'editor' AND u.disabled_at IS NULL AND r.user_id IS DISTINCT FROM NEW.actor_id
        ON CONFLICT (user_id) WHERE kind = 'waiting' AND read_at IS NULL DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_events_notifications AFTER INSERT ON audit_events
    FOR EACH ROW WHEN (NEW.subject_type = 'segment' AND NEW.action IN ('submit', 'approve', 'reject'))
    EXECUTE FUNCTION notifications_from_workflow();

-- +goose Down
DROP INDEX audit_events_article_action_idx;
DROP TRIGGER audit_events_notifications ON audit_events;
DROP FUNCTION notifications_from_workflow();
DROP TABLE notifications;
DROP TABLE comments;
