package review_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"lector/apperr"
	"lector/comment"
	"lector/review"
	"lector/review/reviewtest"
)

// TestXLIFFNotesAsComments: notes that Lector wrote go back to their
// segments with their authors (a user with that address; else the
// importer) and times; other tools' notes, XLIFF 1.2's included, go to
// their unit's first segment as the importer's; empty notes are skipped.
// A note too long for a comment refuses the file, naming its line, and
// stores nothing. publish's TestXLIFFCommentsRoundTrip takes an export
// through an import.
func TestXLIFFNotesAsComments(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	threads := func(a *review.Article) [][]string {
		t.Helper()
		out := make([][]string, len(a.Segments))
		for i, s := range a.Segments {
			for _, n := range reviewtest.Must[[]comment.Note](t)(comment.Thread(ctx, w.DB, w.Ed1, s.ID)) {
				out[i] = append(out[i], n.Author+"|"+n.CreatedAt.UTC().Format("2006-01-02 15:04")+"|"+n.Body)
			}
		}
		return out
	}
	const v2 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="en">
 <file id="f"><unit id="p1">
  <notes>
   <note id="s2-c1" category="comment">s2, tr2@example.org, 2026-11-19T08:00:00Z: Second &amp; last.</note>
   <note id="s1-c1" category="comment">s1, nobody@example.org, 2026-11-19T09:30:00Z: An author we do not know.</note>
   <note category="instruction">Keep the names as the glossary has them.</note>
   <note id="x">  </note>
  </notes>
  <segment id="s1"><source>Ilon Musk spoke.</source><target>Elon Musk spoke.</target></segment>
  <segment id="s2"><source>He left.</source><target>He left.</target></segment>
 </unit></file>
</xliff>`
	a := reviewtest.Must[*review.Article](t)(review.ImportXLIFF(ctx, w.DB, w.Checker, strings.NewReader(v2),
		review.XLIFFImport{File: "v2.xlf", Title: "Notes", CreatedBy: &w.Ed1.UserID}))
	got := threads(a)
	if len(got) != 2 ||
		!slices.Equal(got[1], []string{"tr2@example.org|2026-11-19 08:00|Second & last."}) ||
		len(got[0]) != 2 || got[0][0] != "ed1@example.org|2026-11-19 09:30|An author we do not know." ||
		!strings.HasPrefix(got[0][1], "ed1@example.org|") || !strings.HasSuffix(got[0][1], "|Keep the names as the glossary has them.") {
		t.Errorf("threads %q", got)
	}

	const v12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="old.txt" source-language="ru" target-language="en" datatype="plaintext"><body>
  <trans-unit id="1"><source>Илон Маск выступил.</source><target>Elon Musk spoke.</target>
   <note from="translator">Checked against the agency's copy.</note></trans-unit>
 </body></file>
</xliff>`
	a = reviewtest.Must[*review.Article](t)(review.ImportXLIFF(ctx, w.DB, w.Checker, strings.NewReader(v12),
		review.XLIFFImport{File: "v12.xlf", CreatedBy: &w.Tr1.UserID}))
	if got := threads(a); len(got) != 1 || len(got[0]) != 1 || !strings.HasSuffix(got[0][0], "|Checked against the agency's copy.") ||
		!strings.HasPrefix(got[0][0], "tr1@example.org|") {
		t.Errorf("XLIFF 1.2 threads %q", got)
	}

	var before int64
	w.DB.Raw(`SELECT count(*) FROM articles`).Scan(&before)
	long := strings.Replace(v2, "Keep the names as the glossary has them.", strings.Repeat("x", comment.MaxBody+1), 1)
	_, err := review.ImportXLIFF(ctx, w.DB, w.Checker, strings.NewReader(long), review.XLIFFImport{File: "long.xlf", CreatedBy: &w.Ed1.UserID})
	var ae *apperr.Error
	if apperr.CodeOf(err) != apperr.Invalid || !errors.As(err, &ae) || ae.Data["Field"] != "long.xlf, line 7, <note>" {
		t.Errorf("a note over %d characters: %v, want invalid naming long.xlf, line 7", comment.MaxBody, err)
	}
	var after int64
	w.DB.Raw(`SELECT count(*) FROM articles`).Scan(&after)
	if after != before {
		t.Errorf("%d articles after the refused file, want %d", after, before)
	}
}
