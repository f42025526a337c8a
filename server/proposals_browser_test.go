package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"gorm.io/gorm"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
)

// reviewed puts text through the review: a new article, its one segment
// claimed by tr; fix nil has tr propose to dismiss the segment's flag of
// dismiss and ed accept it, otherwise fix gives the correction ed approves.
func reviewed(t *testing.T, db *gorm.DB, tr, ed *account.Principal, text, dismiss string, fix func(string) string) {
	t.Helper()
	ctx := context.Background()
	a, err := review.CreateArticle(ctx, db, storedChecker(t, db), review.NewArticle{Title: "Learned", Lang: "en", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	seg := claim(t, db, tr, review.QueueFilter{ArticleID: a.ID})
	if fix == nil {
		var flags []review.Flag
		db.Where("segment_id = ? AND text = ?", seg.ID, dismiss).Find(&flags)
		if len(flags) == 0 {
			t.Fatalf("no flag of %q in %q", dismiss, text)
		}
		d, _, err := review.Dismiss(ctx, db, tr, flags[0].ID, "a quotation of the old spelling")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := review.AcceptDismissal(ctx, db, ed, d.ID, review.DismissalReview{}); err != nil {
			t.Fatal(err)
		}
		return
	}
	c := submit(t, db, tr, seg, fix(seg.CurrentText))
	approve(t, db, ed, c.ID)
}

// TestMaintainerAcceptsLearnedForm: the queue shows a learned wrong form
// with its evidence highlighted; the maintainer accepts it with a comment
// and the entry gains the deprecated term.
func TestMaintainerAcceptsLearnedForm(t *testing.T) {
	base, db, tr, ed := startStaffed(t)
	maint := reviewtest.User(t, db, "glossary@example.org", account.RoleGlossary)
	fix := func(s string) string {
		return strings.NewReplacer("Ilon Musk", "Elon Musk", "Isaakson", "Isaacson", "Mileia", "Milei").Replace(s)
	}
	reviewed(t, db, tr, ed, "Ilon Musk read the biography by Walter Isaakson twice.", "", fix)
	reviewed(t, db, tr, ed, "Isaakson's book describes a lunch in Moscow with Ilon Musk.", "", fix)
	reviewed(t, db, tr, ed, "Ilon Musk met Mileia in Buenos Aires.", "", fix)
	reviewed(t, db, tr, ed, "The parody account signed its posts “Ilon Musk” for years.", "Ilon Musk", nil)

	ctx := openAs(t, base, db, maint, "/glossary/proposals", `.proposal[data-form="Isaakson"]`)
	saveScreenshot(t, ctx, "proposals.png")
	if n := text(ctx, t, `String(document.querySelectorAll('.proposal').length)`); n != "3" {
		t.Errorf("%s proposals shown, want 3 (Isaakson, Mileia, the downgrade of Ilon Musk)", n)
	}
	marks := text(ctx, t, `[...document.querySelectorAll('.proposal[data-form="Isaakson"] mark.learned')].map(m => m.textContent).join('|')`)
	if marks != "Isaakson|Isaakson" {
		t.Errorf("evidence highlights %q, want the form in both segments", marks)
	}
	if href := text(ctx, t, `document.querySelector('.proposal[data-form="Isaakson"] .evidence a').getAttribute('href')`); !strings.HasPrefix(href, "/segments/") {
		t.Errorf("evidence links to %q, want a segment page", href)
	}
	if nav := text(ctx, t, `document.querySelector('.topbar a[href="/glossary/proposals"]').textContent`); nav != "Proposals 3" {
		t.Errorf("nav link %q, want the open proposals counted", nav)
	}
	browse(ctx, t,
		chromedp.SendKeys(chromedp.CSS(`.proposal[data-form="Isaakson"] input[name=comment]`), "Russian Айзексон, transliterated"),
		chromedp.Click(chromedp.CSS(`.proposal[data-form="Isaakson"] button.accept`)),
		chromedp.WaitVisible(chromedp.CSS(`#decided`)),
	)
	if n := text(ctx, t, `String(document.querySelectorAll('.proposal').length)`); n != "2" {
		t.Errorf("%s proposals left open after accepting one, want 2", n)
	}
	if n := text(ctx, t, `document.querySelector('.nav-count').textContent`); n != "2" {
		t.Errorf("the nav counts %s open proposals after accepting one, want 2", n)
	}
	var status, comment string
	db.Raw(`SELECT t.status FROM glossary_terms t JOIN glossary_entries e ON e.id = t.entry_id
WHERE e.key = 'isaacson' AND t.lang = 'en' AND t.form = 'Isaakson'`).Scan(&status)
	db.Raw(`SELECT comment FROM glossary_proposals WHERE form = 'Isaakson' AND status = 'accepted'`).Scan(&comment)
	if status != "deprecated" || comment != "Russian Айзексон, transliterated" {
		t.Errorf("after accepting: term status %q, comment %q", status, comment)
	}
	var events int64
	db.Raw(`SELECT count(*) FROM audit_events WHERE action = 'accept_proposal' AND actor_id = ?`, maint.UserID).Scan(&events)
	if events != 1 {
		t.Errorf("%d audit events of the acceptance, want 1", events)
	}
}
