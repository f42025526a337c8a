package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lector/account"
)

// TestLeftOutSourceSentenceInBrowser (issue 17): the translation left out
// the third of four source sentences. The flag stored when the article was
// created shows on the page of the segment before the gap: the sentence
// left out after the segment's source, a gap after its MT text, and in the
// list of flags the message with the sentence.
func TestLeftOutSourceSentenceInBrowser(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	const left = "На заводе работают 11 000 человек, и Шольц назвал его образцовым."
	a := storedTranslation(t, db,
		"Musk flew to Berlin on March 12. There he visited the Tesla factory. In the evening he left.\n",
		"Маск прилетел в Берлин 12 марта. Там он посетил завод Tesla. "+left+" Вечером он улетел.\n")
	seg := a.Segments[1]
	ctx := browserAs(t, base, db, tr)
	browse(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/segments/%d", base, seg.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#flags`)),
	)
	if got := text(ctx, t, `document.querySelector('.source-side .left-out')?.textContent ?? 'none'`); got != "Left out by the translation: "+left {
		t.Errorf("the source side shows %q, want the sentence left out", got)
	}
	if got := text(ctx, t, `document.querySelector('.target-side #left-out-gap')?.textContent ?? 'none'`); got != "A sentence of the source is missing here" {
		t.Errorf("the target side shows %q, want the gap", got)
	}
	got := text(ctx, t, `[...document.querySelectorAll('#flags .flag-item')].map(li =>
		li.querySelector('.flag-check').textContent + ' | ' + (li.querySelector('.flag-detail')?.textContent ?? '')).join('\n')`)
	if want := "A sentence of the source after this one has no translation | " + left; !strings.Contains(got, want) {
		t.Errorf("flags on the page:\n%s\nwant one %q", got, want)
	}
	if got := text(ctx, t, `document.querySelector('#mt mark.flag')?.dataset.check ?? 'none'`); got != "source-sentence-missing" {
		t.Errorf("the MT text's mark is of check %q, want source-sentence-missing", got)
	}
	saveScreenshot(t, ctx, "segment-left-out.png")
}
