package comment_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/comment"
	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
)

// firstSegment is the id of the first segment of a new one-segment article.
func firstSegment(t *testing.T, w *testworld.World) int64 {
	t.Helper()
	a := w.Article(t, "Comments", 1)
	var id int64
	if err := w.DB.Raw(`SELECT id FROM segments WHERE article_id = ? ORDER BY position LIMIT 1`, a.ID).Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("segment: %d, %v", id, err)
	}
	return id
}

func count(t *testing.T, db *gorm.DB, q string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.Raw(q, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPost: a comment is stored with its audit event; bad input is refused
// with the field named and stores nothing.
func TestPost(t *testing.T) {
	w := testworld.New(t)
	seg := firstSegment(t, w)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		p     *account.Principal
		seg   int64
		body  string
		code  apperr.Code
		field string
	}{
		{"anonymous", nil, seg, "hello", apperr.Unauthorized, ""},
		{"empty", w.Tr1, seg, "", apperr.Invalid, "body"},
		{"blank", w.Tr1, seg, " \n\t ", apperr.Invalid, "body"},
		{"too long", w.Tr1, seg, strings.Repeat("ä", comment.MaxBody+1), apperr.Invalid, "body"},
		{"control character", w.Tr1, seg, "a\x00b", apperr.Invalid, "body"},
		{"unknown segment", w.Tr1, seg + 1000, "hello", apperr.NotFound, "segment"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := comment.Post(ctx, w.DB, tc.p, tc.seg, tc.body)
			reviewtest.WantCode(t, err, tc.code)
			var e *apperr.Error
			if tc.field != "" && (!errors.As(err, &e) || e.Data["Field"] != tc.field) {
				t.Errorf("error %v does not name the field %q", err, tc.field)
			}
		})
	}
	if n := count(t, w.DB, `SELECT count(*) FROM comments`); n != 0 {
		t.Fatalf("%d comments stored by refused posts", n)
	}
	if n := count(t, w.DB, `SELECT count(*) FROM audit_events WHERE action LIKE 'comment%'`); n != 0 {
		t.Fatalf("%d comment events written by refused posts", n)
	}

	long := strings.Repeat("ä", comment.MaxBody)
	n, err := comment.Post(ctx, w.DB, w.Tr1, seg, "  "+long+"\n")
	if err != nil {
		t.Fatalf("a comment of exactly %d characters: %v", comment.MaxBody, err)
	}
	if n.Body != long || n.Author != "tr1@example.org" || n.SegmentID != seg {
		t.Errorf("stored %+v", n)
	}
	history := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Tr2, seg))
	last := history[len(history)-1]
	if last.Action != comment.ActComment || last.Comment == nil || last.Comment.ID != n.ID || last.Comment.Body != long {
		t.Errorf("the history's last event is %+v, want the comment", last)
	}
}

// TestMentions: @handles and whole addresses notify their users once; the
// author, a handle two users share, unknown and disabled users are not
// notified.
func TestMentions(t *testing.T) {
	w := testworld.New(t)
	seg := firstSegment(t, w)
	ctx := context.Background()
	reviewtest.User(t, w.DB, "sam@one.example", account.RoleTranslator)
	reviewtest.User(t, w.DB, "sam@two.example", account.RoleTranslator)
	gone := reviewtest.User(t, w.DB, "gone@example.org", account.RoleTranslator)
	if err := w.DB.Exec(`UPDATE users SET disabled_at = now() WHERE id = ?`, gone.UserID).Error; err != nil {
		t.Fatal(err)
	}
	body := "@tr2, please look; @ED1@example.org too. @tr2 again. Not me: @tr1. " +
		"Ambiguous @sam, exact @sam@two.example. Nobody: @nobody, @gone, mail tr2@example.org."
	n, err := comment.Post(ctx, w.DB, w.Tr1, seg, body)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := w.DB.Raw(`SELECT u.email FROM notifications x JOIN users u ON u.id = x.user_id
WHERE x.kind = 'mention' AND x.comment_id = ? AND x.segment_id = ? AND x.actor_id = ? ORDER BY u.email`, n.ID, seg, w.Tr1.UserID).Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	want := []string{"ed1@example.org", "sam@two.example", "tr2@example.org"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("notified %v, want %v", got, want)
	}
}

// TestDelete: the author or an admin soft-deletes; anyone else is refused;
// the thread and the history keep the comment's place without its text.
func TestDelete(t *testing.T) {
	w := testworld.New(t)
	seg := firstSegment(t, w)
	ctx := context.Background()
	admin := reviewtest.User(t, w.DB, "admin@example.org", account.RoleAdmin)
	post := func(p *account.Principal, body string) int64 {
		t.Helper()
		n, err := comment.Post(ctx, w.DB, p, seg, body)
		if err != nil {
			t.Fatal(err)
		}
		return n.ID
	}
	own, other := post(w.Tr1, "mine"), post(w.Tr2, "theirs")

	_, err := comment.Delete(ctx, w.DB, w.Tr1, other)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = comment.Delete(ctx, w.DB, w.Ed1, own)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = comment.Delete(ctx, w.DB, w.Tr1, other+1000)
	reviewtest.WantCode(t, err, apperr.NotFound)
	_, err = comment.Delete(ctx, w.DB, nil, own)
	reviewtest.WantCode(t, err, apperr.Unauthorized)

	if s, err := comment.Delete(ctx, w.DB, w.Tr1, own); err != nil || s != seg {
		t.Fatalf("the author deleting: segment %d, %v", s, err)
	}
	if _, err := comment.Delete(ctx, w.DB, admin, other); err != nil {
		t.Fatalf("an admin deleting: %v", err)
	}
	if _, err := comment.Delete(ctx, w.DB, w.Tr1, own); err != nil {
		t.Fatalf("deleting again: %v", err)
	}
	thread := reviewtest.Must[[]comment.Note](t)(comment.Thread(ctx, w.DB, w.Ed2, seg))
	if len(thread) != 2 || !thread[0].Deleted || !thread[1].Deleted || thread[0].Body != "" || thread[1].Body != "" {
		t.Fatalf("thread after deleting %+v", thread)
	}
	if n := count(t, w.DB, `SELECT count(*) FROM audit_events WHERE action = ?`, comment.ActDelete); n != 2 {
		t.Errorf("%d deletion events, want 2 (deleting again writes none)", n)
	}
	history := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Tr2, seg))
	shown := 0
	for _, e := range history {
		if e.Action == comment.ActComment {
			shown++
			if e.Comment == nil || !e.Comment.Deleted || e.Comment.Body != "" {
				t.Errorf("history shows %+v for a deleted comment", e.Comment)
			}
		}
	}
	if shown != 2 {
		t.Errorf("history has %d comment events, want 2", shown)
	}
}
