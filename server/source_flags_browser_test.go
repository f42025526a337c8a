package server_test

import (
	"fmt"
	"strings"
	"testing"

	"lector/account"
)

// TestSourceNameMissingFlagInBrowser (issue 17): the translation dropped
// the name its source sentence holds ("Маск" became "the billionaire");
// the flag stored when the article was created shows on the segment page
// with its message and the preferred form to put back, and marks the
// sentence in the MT text.
func TestSourceNameMissingFlagInBrowser(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	a := storedTranslation(t, db, "Musk flew to Berlin. The billionaire declined to comment.\n",
		"Маск прилетел в Берлин. Маск отказался от комментариев.\n")
	seg := a.Segments[1]
	ctx := openAs(t, base, db, tr, fmt.Sprintf("/segments/%d", seg.ID), `#flags`)
	got := text(ctx, t, `[...document.querySelectorAll('#flags .flag-item')].map(li =>
		li.querySelector('.flag-check').textContent + ' | ' + (li.querySelector('.suggestion')?.textContent ?? '')).join('\n')`)
	if want := "The source names “Elon Musk” here; the translation does not | Musk"; !strings.Contains(got, want) {
		t.Errorf("flags on the page:\n%s\nwant one %q", got, want)
	}
	if got := text(ctx, t, `document.querySelector('#mt mark.flag')?.dataset.suggestion ?? 'none'`); got != "Musk" {
		t.Errorf("the MT text's flag suggests %q, want Musk", got)
	}
}
