package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"lector/account"
	"lector/review"
)

// TestKeyboardEditorTenSegments is issue 20's measure of the editor: a
// translator completes ten flagged segments of the seed article with the
// keyboard alone. Each page opens with the caret in the correction box; the
// translator applies the first suggestion with Alt+A or types, and
// Ctrl+Enter (once Cmd+Enter) submits and opens the next segment of the
// queue. Every correction is stored as typed and every page moves on.
func TestKeyboardEditorTenSegments(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	ctx := openAs(t, base, db, tr, "/queue", `#next`)
	browse(ctx, t,
		chromedp.Focus(chromedp.CSS(`#next`)),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS(`.segment-page[data-held]`)),
	)
	const rounds = 10
	typed := map[int64]string{} // segment id → the text Ctrl+Enter sent
	var order []int64
	applied := 0
	for i := range rounds {
		id := int64(0)
		if _, err := fmt.Sscan(text(ctx, t, `document.querySelector('.segment-page').dataset.segment`), &id); err != nil {
			t.Fatal(err)
		}
		if _, seen := typed[id]; seen {
			t.Fatalf("round %d opened segment %d again", i, id)
		}
		if i > 0 {
			if got, want := text(ctx, t, `new URLSearchParams(location.search).get('done') || ''`), itoa(order[i-1]); got != want {
				t.Errorf("round %d: the page after submitting %s says done=%q", i, want, got)
			}
			if text(ctx, t, `document.getElementById('done') ? 'yes' : 'no'`) != "yes" {
				t.Errorf("round %d: no notice that the previous correction was submitted", i)
			}
		}
		if got := text(ctx, t, `document.activeElement.id`); got != "correction-text" {
			t.Fatalf("round %d: the focus is on %q when segment %d opens, not in the correction box", i, got, id)
		}
		before := text(ctx, t, `document.activeElement.value`)
		suggestion := text(ctx, t, `(document.querySelector('button.apply:not(:disabled)') || {dataset: {}}).dataset.suggestion || ''`)
		var keys chromedp.Action[chromedp.Void]
		if i%2 == 0 && suggestion != "" {
			keys = chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierAlt))
			applied++
		} else {
			keys = chromedp.KeyEvent(fmt.Sprintf(" [checked %d]", i))
		}
		browse(ctx, t, keys)
		after := text(ctx, t, `document.getElementById('correction-text').value`)
		if after == before || (suggestion != "" && i%2 == 0 && !strings.Contains(after, suggestion)) {
			t.Fatalf("round %d: the box reads %q after the keys (before %q, suggestion %q)", i, after, before, suggestion)
		}
		if got := text(ctx, t, `document.activeElement.id`); got != "correction-text" {
			t.Fatalf("round %d: the keys moved the focus to %q", i, got)
		}
		typed[id], order = after, append(order, id)
		submit := chromedp.KeyModifiers(chromedp.ModifierCtrl)
		if i == rounds-1 {
			submit = chromedp.KeyModifiers(chromedp.ModifierMeta)
		}
		err := chromedp.Do(ctx,
			chromedp.KeyEvent(kb.Enter, submit),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.segment-page[data-held]:not([data-segment="%d"])`, id))),
		)
		if err != nil {
			t.Fatalf("round %d: Ctrl+Enter on segment %d did not open another segment: %v", i, id, err)
		}
	}
	if applied < 3 {
		t.Errorf("Alt+A applied only %d suggestions in %d rounds; the test should exercise it", applied, rounds)
	}
	var rows []struct {
		SegmentID int64
		Text      string
		State     string
	}
	err := db.Raw(`SELECT c.segment_id, c.text, s.state FROM corrections c JOIN segments s ON s.id = c.segment_id
WHERE c.author_id = ? AND c.status = 'pending'`, tr.UserID).Scan(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != rounds {
		t.Errorf("%d pending corrections stored, want %d", len(rows), rounds)
	}
	for _, r := range rows {
		want, ok := typed[r.SegmentID]
		switch {
		case !ok:
			t.Errorf("a correction of segment %d, which the translator never submitted", r.SegmentID)
		case r.Text != want:
			t.Errorf("segment %d: stored %q, typed %q", r.SegmentID, r.Text, want)
		case r.State != review.StateCorrected:
			t.Errorf("segment %d is %s after its correction, want corrected", r.SegmentID, r.State)
		}
	}
	var held int64
	db.Raw(`SELECT count(*) FROM segments WHERE lease_holder_id = ? AND state = 'in_progress'`, tr.UserID).Scan(&held)
	if held != 1 {
		t.Errorf("the translator holds %d segments after ten rounds, want 1 (the eleventh)", held)
	}
}

// TestEditorShortcutsAndGlossaryInBrowser: the segment page of an English
// article translated from Russian shows the source beside the target, the
// glossary's English forms first, then the Russian ones, folded after four
// rows; "?" opens the list of shortcuts and Escape closes it and returns
// to the box. The page at 1366×900 is docs/segment-editor.png.
func TestEditorShortcutsAndGlossaryInBrowser(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	a := storedTranslation(t, db,
		"Ilon Musk has been in contact with Vladimir Putin since 2022.\n\nThe talks worry the White House.\n",
		"Илон Маск поддерживает контакт с Владимиром Путиным с 2022 года.\n\nПереговоры беспокоят Белый дом.\n")
	seg := claim(t, db, tr, review.QueueFilter{ArticleID: a.ID})
	ctx := browserAs(t, base, db, tr)
	browse(ctx, t,
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(fmt.Sprintf("%s/segments/%d", base, seg.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#correction-text`)),
	)
	if got := text(ctx, t, `document.activeElement.id`); got != "correction-text" {
		t.Errorf("focus on load: %q, want the correction box", got)
	}
	// Source and target side by side: the source's box left of the MT's,
	// level with it.
	if got := text(ctx, t, `(() => {
		const s = document.getElementById('source'), m = document.getElementById('mt');
		if (!s) return 'no source';
		const a = s.getBoundingClientRect(), b = m.getBoundingClientRect();
		return a.right <= b.left && Math.abs(a.top - b.top) < 4 ? 'beside' : 'source ' + JSON.stringify(a) + ' mt ' + JSON.stringify(b);
	})()`); got != "beside" {
		t.Errorf("source and target are not side by side: %s", got)
	}
	if got := text(ctx, t, `document.getElementById('source').lang`); got != "ru" {
		t.Errorf("source lang %q, want ru", got)
	}
	if got := text(ctx, t, `(() => { const r = document.getElementById('submit-next').getBoundingClientRect(); return r.bottom <= innerHeight ? 'above' : 'below ' + r.bottom })()`); got != "above" {
		t.Errorf("Submit and next is below the fold at 1366×900: %s", got)
	}
	langs := func(sel string) string {
		return text(ctx, t, `[...document.querySelectorAll('`+sel+` tbody td abbr')].map(a => a.title).join(',')`)
	}
	shown, more := langs(`#glossary > .table-scroll`), langs(`#glossary-more`)
	if !strings.HasPrefix(shown, "en") || strings.Count(shown, ",") != 3 || strings.Trim(shown, "en,") != "" {
		t.Errorf("glossary rows shown %q, want four English forms first", shown)
	}
	if !strings.HasPrefix(more, "ru,ru") || strings.Contains(more, "en") {
		t.Errorf("glossary rows behind \"show all\" %q, want the Russian forms first and no English", more)
	}
	if text(ctx, t, `String(document.getElementById('glossary-more').open)`) != "false" {
		t.Errorf("the glossary's other forms are not folded")
	}
	saveScreenshot(t, ctx, "segment-editor.png")

	// "?" is text inside the box: Escape leaves it first.
	browse(ctx, t,
		chromedp.KeyEvent(kb.Escape),
		chromedp.KeyEvent("?"),
		chromedp.WaitVisible(chromedp.CSS(`#shortcuts dl.keys`)),
	)
	if got := text(ctx, t, `document.activeElement.tagName + ' ' + document.getElementById('shortcuts').innerText`); !strings.HasPrefix(got, "SUMMARY") ||
		!strings.Contains(got, "Ctrl+Enter") || !strings.Contains(got, "Submit the correction and open the next segment") {
		t.Errorf("after ? the focus and list are %q", got)
	}
	if got := text(ctx, t, `document.getElementById('correction-text').value.includes('?') ? 'typed' : 'not typed'`); got != "not typed" {
		t.Errorf("? after Escape was typed into the box")
	}
	browse(ctx, t, chromedp.KeyEvent(kb.Escape))
	if got := text(ctx, t, `document.getElementById('shortcuts').open + ' ' + document.activeElement.id`); got != "false correction-text" {
		t.Errorf("Escape on the open list: %q, want it closed and the focus back in the box", got)
	}
}
