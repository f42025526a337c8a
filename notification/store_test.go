package notification_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"lector/account"
	"lector/apperr"
	"lector/comment"
	"lector/live"
	"lector/notification"
	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
)

// submit claims the next segment of article as p and submits a fix.
func submit(t *testing.T, w *testworld.World, p *account.Principal, article int64) *review.Correction {
	t.Helper()
	ctx := context.Background()
	seg, err := review.Claim(ctx, w.DB, p, review.QueueFilter{ArticleID: article})
	if err != nil || seg == nil {
		t.Fatalf("claim: %v", err)
	}
	c, err := review.Submit(ctx, w.DB, p, review.Submission{SegmentID: seg.ID,
		Text: strings.Replace(seg.MTText, "Ilon Musk", "Elon Musk", 1), Revision: seg.Revision}, nil)

	if err != nil {
		t.Fatal(err)
	}
	return c
}

// kinds lists p's notifications as "kind by actor", newest first.
func kinds(t *testing.T, w *testworld.World, p *account.Principal) []string {
	t.Helper()
	items, _, err := notification.List(context.Background(), w.DB, p, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Kind+" by "+it.Actor)
	}
	return out
}

func unread(t *testing.T, w *testworld.World, p *account.Principal) int64 {
	t.Helper()
	return reviewtest.Must[int64](t)(notification.UnreadCount(context.Background(), w.DB, p.UserID))
}

// TestWorkflowNotifications: a submitted correction tells every editor
// (but its author) once until they read it; an approval or rejection
// tells the correction's author.
func TestWorkflowNotifications(t *testing.T) {
	w := testworld.New(t)
	ctx := context.Background()
	a := w.Article(t, "Notified", 4)
	first := submit(t, w, w.Tr1, a.ID)
	second := submit(t, w, w.Tr2, a.ID)
	for _, ed := range []*account.Principal{w.Ed1, w.Ed2} {
		if got := kinds(t, w, ed); strings.Join(got, "; ") != "waiting by tr1@example.org" {
			t.Errorf("%s: %v, want one waiting notification from the first submission", ed.Email, got)
		}
	}
	if got := kinds(t, w, w.Tr1); len(got) != 0 {
		t.Errorf("a translator was told of waiting corrections: %v", got)
	}
	if _, err := review.Approve(ctx, w.DB, w.Checker, w.Ed1, first.ID, true, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := review.Reject(ctx, w.DB, w.Ed2, second.ID, "style", "too long", nil); err != nil {
		t.Fatal(err)
	}
	if got := kinds(t, w, w.Tr1); strings.Join(got, "; ") != "approved by ed1@example.org" {
		t.Errorf("tr1: %v", got)
	}
	if got := kinds(t, w, w.Tr2); strings.Join(got, "; ") != "rejected by ed2@example.org" {
		t.Errorf("tr2: %v", got)
	}

	// Read, then a new submission tells the editor again.
	if n, err := notification.MarkAllRead(ctx, w.DB, w.Ed1); err != nil || n != 1 {
		t.Fatalf("mark read: %d, %v", n, err)
	}
	if n := unread(t, w, w.Ed1); n != 0 {
		t.Fatalf("unread after marking: %d", n)
	}
	submit(t, w, w.Tr2, a.ID)
	if n, m := unread(t, w, w.Ed1), unread(t, w, w.Ed2); n != 1 || m != 1 {
		t.Errorf("unread after a new submission: ed1 %d (read before), ed2 %d (still unread): want 1 and 1", n, m)
	}
	_, err := notification.MarkAllRead(ctx, w.DB, nil)
	reviewtest.WantCode(t, err, apperr.Unauthorized)
}

// TestListPages: the list pages by id, newest first, PageSize at a time,
// and shows a mention's comment until it is deleted.
func TestListPages(t *testing.T) {
	w := testworld.New(t)
	ctx := context.Background()
	a := w.Article(t, "Mentions", 1)
	var seg int64
	if err := w.DB.Raw(`SELECT id FROM segments WHERE article_id = ?`, a.ID).Scan(&seg).Error; err != nil {
		t.Fatal(err)
	}
	total := notification.PageSize + 3
	var last *comment.Note
	for i := range total {
		n, err := comment.Post(ctx, w.DB, w.Tr1, seg, "@tr2 look "+string(rune('a'+i%26)))
		if err != nil {
			t.Fatal(err)
		}
		last = n
	}
	page1, more, err := notification.List(ctx, w.DB, w.Tr2, 0)
	if err != nil || !more || len(page1) != notification.PageSize {
		t.Fatalf("first page: %d items, more %v, %v", len(page1), more, err)
	}
	if page1[0].Comment != last.Body || page1[0].SegmentID != seg || page1[0].ArticleTitle != "Mentions" || !page1[0].Unread() {
		t.Errorf("newest item %+v", page1[0])
	}
	page2, more, err := notification.List(ctx, w.DB, w.Tr2, page1[len(page1)-1].ID)
	if err != nil || more || len(page2) != total-notification.PageSize {
		t.Fatalf("second page: %d items, more %v, %v", len(page2), more, err)
	}
	if page2[0].ID >= page1[len(page1)-1].ID {
		t.Errorf("the second page starts at %d, after the first's last %d", page2[0].ID, page1[len(page1)-1].ID)
	}
	if _, err := comment.Delete(ctx, w.DB, w.Tr1, last.ID); err != nil {
		t.Fatal(err)
	}
	after, _, _ := notification.List(ctx, w.DB, w.Tr2, 0)
	if after[0].Comment != "" || !after[0].CommentGone {
		t.Errorf("a deleted comment's notification shows %+v", after[0])
	}
}

// TestAnnounce: new notifications send each user concerned their unread
// count on their own topic, and only them.
func TestAnnounce(t *testing.T) {
	w := testworld.New(t)
	ctx := context.Background()
	hub := live.NewHub(10)
	defer hub.Close()
	mine, err := hub.Subscribe(live.UserTopic(w.Ed1.UserID))
	if err != nil {
		t.Fatal(err)
	}
	others, err := hub.Subscribe(live.UserTopic(w.Tr1.UserID))
	if err != nil {
		t.Fatal(err)
	}
	after, err := notification.Announce(ctx, w.DB, hub, 0)
	if err != nil || after != 0 {
		t.Fatalf("nothing yet: %d, %v", after, err)
	}
	a := w.Article(t, "Announced", 2)
	submit(t, w, w.Tr1, a.ID)
	after, err = notification.Announce(ctx, w.DB, hub, after)
	if err != nil || after == 0 {
		t.Fatalf("announce: %d, %v", after, err)
	}
	select {
	case e := <-mine.C:
		var d struct{ Unread int64 }
		if e.Type != notification.EventType || json.Unmarshal(e.Data, &d) != nil || d.Unread != 1 {
			t.Errorf("event %+v, want a notification event with unread 1", e)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the editor's topic got no event")
	}
	select {
	case e := <-others.C:
		t.Errorf("the submitting translator got %+v", e)
	default:
	}
	if again, err := notification.Announce(ctx, w.DB, hub, after); err != nil || again != after {
		t.Errorf("a second read with nothing new: %d, %v", again, err)
	}
}
