package webhook_test

import (
	"context"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/rescan"
	"lector/rescan/rescantest"
	"lector/review"
	"lector/review/reviewtest"
	"lector/webhook"
)

// TestEveryEventIsQueuedInItsTransaction: each of the five events becomes
// a delivery and a River job when its change commits, for the endpoints
// that asked for it only; a refused change leaves neither.
func TestEveryEventIsQueuedInItsTransaction(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	// Not started: this test looks at what is queued, not at sending.
	q := rescantest.New(t, db, rescan.Options{})
	events := &webhook.Emitter{Jobs: q}
	all, err := webhook.AddByOperator(ctx, db, webhook.Registration{URL: "https://hooks.example.org/all", Events: webhook.Events(), Secret: goodSecret}, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := webhook.AddByOperator(ctx, db, webhook.Registration{URL: "https://hooks.example.org/versions",
		Events: []string{webhook.VersionPublished}, Secret: goodSecret}, false); err != nil {
		t.Fatal(err)
	}
	tr := reviewtest.User(t, db, "tr@example.org", account.RoleTranslator)
	ed := reviewtest.User(t, db, "ed@example.org", account.RoleEditor)
	kyiv := glossary.Entry{Key: "kyiv", Type: "place", Terms: []glossary.Term{
		{Lang: "en", Form: "Kyiv", Status: glossary.Preferred, CaseSensitive: true},
		{Lang: "en", Form: "Kiev", Status: glossary.Deprecated, CaseSensitive: true}}}
	err = db.Transaction(func(tx *gorm.DB) error {
		if _, err := glossary.SaveEntry(ctx, tx, 0, kyiv, nil); err != nil {
			return err
		}
		return events.GlossaryChanged(ctx, tx, glossary.ReasonCreate)
	})
	if err != nil {
		t.Fatal(err)
	}
	entries, err := glossary.LoadEntries(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	a, err := review.CreateArticle(ctx, db, review.NewChecker(entries), review.NewArticle{Title: "Kiev", Lang: "en",
		Text: "Kiev is big.\n\nKiev has parks."})
	if err != nil {
		t.Fatal(err)
	}
	correct := func() *review.Correction {
		seg, err := review.Claim(ctx, db, tr, review.QueueFilter{ArticleID: a.ID})
		if err != nil || seg == nil {
			t.Fatalf("claim: %v", err)
		}
		c, err := review.Submit(ctx, db, tr, review.Submission{SegmentID: seg.ID, Revision: seg.Revision,
			Text: strings.Replace(seg.CurrentText, "Kiev", "Kyiv", 1)}, events)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	first := correct()
	// Refused (the author may not approve): nothing queued.
	if _, err := review.Approve(ctx, db, review.NewChecker(entries), tr, first.ID, false, events); err == nil {
		t.Fatal("the translator approved their own correction")
	}
	if _, err := review.Approve(ctx, db, review.NewChecker(entries), ed, first.ID, false, events); err != nil {
		t.Fatal(err)
	}
	second := correct()
	if _, err := review.Reject(ctx, db, ed, second.ID, review.RejectReasons()[0], "", events); err != nil {
		t.Fatal(err)
	}
	if _, err := review.Publish(ctx, db, ed, a.ID, review.PublishOptions{Partial: true, Events: events}); err != nil {
		t.Fatal(err)
	}

	var got []struct {
		EndpointID int64
		Event      string
		Body       string
	}
	db.Table("webhook_deliveries").Order("id").Find(&got)
	want := []string{webhook.GlossaryChanged, webhook.CorrectionSubmitted, webhook.CorrectionApproved,
		webhook.CorrectionSubmitted, webhook.CorrectionRejected, webhook.VersionPublished, webhook.VersionPublished}
	var names []string
	for _, d := range got {
		names = append(names, d.Event)
		if d.Event != webhook.VersionPublished && d.EndpointID != all.ID {
			t.Errorf("%s went to endpoint %d, which did not ask for it", d.Event, d.EndpointID)
		}
		if !strings.HasPrefix(d.Body, `{"type":"`+d.Event+`","timestamp":"`) {
			t.Errorf("%s body %s, want type and timestamp first", d.Event, d.Body)
		}
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("deliveries %v, want %v", names, want)
	}
	if len(got) > 4 && !strings.Contains(got[4].Body, `"reason":"`+review.RejectReasons()[0]+`"`) {
		t.Errorf("the rejection's body %s lacks its reason", got[4].Body)
	}
	var jobs int64
	db.Table("river_job").Where("kind = ?", webhook.Kind).Count(&jobs)
	if jobs != int64(len(want)) {
		t.Errorf("%d delivery jobs, want %d (one per delivery)", jobs, len(want))
	}
}
