package server_test

import (
	"fmt"
	"testing"

	"lector/account"

	"github.com/chromedp/chromedp"
)

// TestSourceNamesPairedInBrowser (issue 17): the segment page of an article
// created with a source shows the sentence the aligner paired with the
// segment beside it, and marks the glossary names both sides hold with
// their entry, in whatever case the source writes them ("Путиным") and
// whatever the MT made of them (the flagged "Ilon Musk"). The translation
// dropped the source's second sentence, so position alone would pair the
// wrong ones.
func TestSourceNamesPairedInBrowser(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	a := storedTranslation(t, db,
		"The talks began in 2022. Ilon Musk has been in contact with Vladimir Putin since then.\n",
		"Переговоры начались в 2022 году. Об этом 3 марта сообщила газета «Ведомости», ссылаясь на источники в администрации. С тех пор Илон Маск поддерживает контакт с Путиным.\n")
	seg := a.Segments[1]
	if seg.SourceText == nil || *seg.SourceText != "С тех пор Илон Маск поддерживает контакт с Путиным." {
		t.Fatalf("segment 1's source %q, want the aligned sentence", deref(seg.SourceText))
	}
	ctx := browserAs(t, base, db, tr)
	browse(ctx, t,
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(fmt.Sprintf("%s/segments/%d", base, seg.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#source`)),
	)
	if got := text(ctx, t, `(() => {
		const s = document.getElementById('source'), m = document.getElementById('mt');
		const a = s.getBoundingClientRect(), b = m.getBoundingClientRect();
		return a.right <= b.left && Math.abs(a.top - b.top) < 4 ? 'beside' : 'source ' + JSON.stringify(a) + ' mt ' + JSON.stringify(b);
	})()`); got != "beside" {
		t.Errorf("source and target are not side by side: %s", got)
	}
	names := func(side string) string {
		return text(ctx, t, `[...document.querySelectorAll('#`+side+` mark[data-entry]')].map(m => m.dataset.entry + ':' + m.firstChild.textContent).join(' ')`)
	}
	if got, want := names("source"), "musk:Илон Маск putin:Путиным"; got != want {
		t.Errorf("source names %q, want %q", got, want)
	}
	if got, want := names("mt"), "musk:Ilon Musk putin:Vladimir Putin"; got != want {
		t.Errorf("MT names %q, want %q", got, want)
	}
	// The wrong form keeps its flag, tooltip and all.
	if got := text(ctx, t, `document.querySelector('#mt mark.flag[data-entry="musk"]')?.dataset.suggestion ?? 'none'`); got != "Elon Musk" {
		t.Errorf("the flagged name's suggestion %q, want Elon Musk", got)
	}
	// The paired names are visibly marked.
	if got := text(ctx, t, `getComputedStyle(document.querySelector('#source mark.name')).borderBottomStyle`); got != "dotted" {
		t.Errorf("source name border %q, want dotted", got)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
