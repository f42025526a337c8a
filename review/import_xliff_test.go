package review_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lector/apperr"
	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
)

// TestImportXLIFFSamples imports real files: OASIS's test suite and
// Symfony's XLIFF 1.2 (see testdata/SOURCES.md at the repository root).
func TestImportXLIFFSamples(t *testing.T) {
	dir := filepath.Join("..", "testdata", "xliff")
	w := newWorld(t)
	ctx := context.Background()
	tests := []struct {
		file, lang string
		want       []testworld.SegState
	}{
		{"oasis_xliff21_testsuite_toJoin.xlf", "", []testworld.SegState{
			st(0, "Sentence 1.", "Phrase 1.", "Phrase 1.", review.StateClean, 0, 0),
			st(0, "Sentence [  ] 2.", "Phrase [  ] 2.", "Phrase [  ] 2.", review.StateFlagged, 1, 1),
			st(0, "Sentence 3.", "sentence 3.", "sentence 3.", review.StateClean, 0, 0), // final in the file: information only
			st(0, "Sentence 4.", "Phrase 4.", "Phrase 4.", review.StateClean, 0, 0),
			st(0, "Sentence 5.", "Phrase 5.", "Phrase 5.", review.StateClean, 0, 0),
		}},
		{"oasis_xliff21_testsuite_withGlossary.xlf", "", []testworld.SegState{
			st(0, "He is my doppelgänger.", "Il est mon alter ego.", "Il est mon alter ego.", review.StateClean, 0, 0),
			st(0, "Another doppelgänger.", "Un autre double.", "Un autre double.", review.StateClean, 0, 0),
		}},
		// Groups flattened, inline codes dropped, untranslated units copy
		// their source, a line break inside a segment becomes a space.
		{"oasis_xliff21_testsuite_everything-core.xlf", "", []testworld.SegState{
			st(0, "Sample segment.", "Exemple de segment.", "Exemple de segment.", review.StateClean, 0, 0),
			st(0, "Segment's content.", "Contenu du segment.", "Contenu du segment.", review.StateClean, 0, 0),
			st(1, "Bolded text", "Bolded text", "Bolded text", review.StateClean, 0, 0),
			st(2, "Extra stuff", "Extra stuff", "Extra stuff", review.StateFlagged, 1, 1),
			st(3, "special text and more .", "special text and more .", "special text and more .", review.StateClean, 0, 0),
		}},
		{"symfony_xliff12_with-attributes.xlf", "de", []testworld.SegState{
			st(0, "foo", "bar", "bar", review.StateFlagged, 1, 1), // broken-paragraph: no stop before the break
			st(1, "extra", "bar", "bar", review.StateFlagged, 1, 1),
			st(2, "key", "key", "key", review.StateClean, 0, 0),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			a, err := review.ImportXLIFF(ctx, w.DB, w.Checker, f, review.XLIFFImport{File: tt.file, Lang: tt.lang, Title: "Sample"})
			if err != nil {
				t.Fatal(err)
			}
			if got := w.SegStates(t, a.ID); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
	// XLIFF 1.2 without target-language needs the language from the caller.
	f, err := os.Open(filepath.Join(dir, "symfony_xliff12_with-attributes.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = review.ImportXLIFF(ctx, w.DB, w.Checker, f, review.XLIFFImport{File: "x.xlf", Title: "Sample"})
	reviewtest.WantCode(t, err, apperr.Invalid)
}

// TestImportedFinalTextIsChecked: imported "as approved", a segment an XLIFF
// file calls final is approved only when its text holds no wrong form; one
// that still holds "Ilon Musk" keeps that flag open and goes to the queue,
// and a fixed one has its flag resolved.
func TestImportedFinalTextIsChecked(t *testing.T) {
	w := newWorld(t)
	a := reviewtest.Must[*review.Article](t)(review.ImportArticle(context.Background(), w.DB, w.Checker, review.ImportedArticle{
		Title: "Final", Lang: "en", AsApproved: true, CreatedBy: &w.Ed1.UserID, Segments: []review.ImportedSegment{
			{MT: "Ilon Musk met the engineers.", Current: "Ilon Musk met the engineers today.", Approved: true},
			{MT: "Ilon Musk thanked them.", Current: "Elon Musk thanked them.", Approved: true},
		}}))
	want := []struct{ state, flag string }{{review.StateFlagged, review.FlagOpen}, {review.StateApproved, review.FlagResolved}}
	for i, s := range a.Segments {
		d := w.detail(t, s.ID)
		if d.Segment.State != want[i].state || len(d.Segment.Flags) != 1 || d.Segment.Flags[0].Status != want[i].flag {
			t.Errorf("segment %d: state %s, flags %+v; want %s with one %s flag", i, d.Segment.State, d.Segment.Flags, want[i].state, want[i].flag)
		}
	}
}

// st is a testworld.SegState, positionally.
func st(paragraph int, source, mt, text, state string, open, flagged int) testworld.SegState {
	return testworld.SegState{Paragraph: paragraph, Source: source, MT: mt, Text: text, State: state, OpenFlags: open, Flagged: flagged}
}

// TestImportedFinalIsNotApproved: a file's "final" does not pass review. The
// segment gets the Checker's state and keeps "final" as information, with
// no approval anywhere; only an editor's explicit "as approved" stores it
// approved, and the audit log says who did it and for how many segments.
func TestImportedFinalIsNotApproved(t *testing.T) {
	const file = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="en">
 <file id="f"><unit id="u1">
  <segment state="final"><source>Ilon Musk spoke.</source><target>Elon Musk spoke.</target></segment>
  <segment state="translated"><source>He left.</source><target>He left.</target></segment>
 </unit></file>
</xliff>`
	w := newWorld(t)
	ctx := context.Background()
	for _, asApproved := range []bool{false, true} {
		a, err := review.ImportXLIFF(ctx, w.DB, w.Checker, strings.NewReader(file),
			review.XLIFFImport{File: "f.xlf", Title: "Final", CreatedBy: &w.Ed1.UserID, AsApproved: asApproved})
		if err != nil {
			t.Fatal(err)
		}
		var rows []struct {
			State     string
			FileState *string
		}
		if err := w.DB.Raw(`SELECT state, file_state FROM segments WHERE article_id = ? ORDER BY position`, a.ID).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		wantFirst := review.StateFlagged // its MT holds a wrong form no one has corrected in Lector
		if asApproved {
			wantFirst = review.StateApproved
		}
		if len(rows) != 2 || rows[0].State != wantFirst || rows[0].FileState == nil || *rows[0].FileState != "final" ||
			rows[1].FileState == nil || *rows[1].FileState != "translated" || rows[1].State == review.StateApproved {
			t.Fatalf("as approved %v: segments %+v, want the first %s with file state final, the second not approved with translated", asApproved, rows, wantFirst)
		}
		var events []struct {
			Action  string
			ActorID *int64
			Detail  string
		}
		if err := w.DB.Raw(`SELECT action, actor_id, detail::text AS detail FROM audit_events WHERE article_id = ? AND action <> 'create' ORDER BY id`, a.ID).Scan(&events).Error; err != nil {
			t.Fatal(err)
		}
		switch {
		case !asApproved && len(events) != 0:
			t.Errorf("events %+v, want none besides create", events)
		case asApproved && (len(events) != 1 || events[0].Action != "import_as_approved" || events[0].ActorID == nil ||
			*events[0].ActorID != w.Ed1.UserID || !strings.Contains(events[0].Detail, `"segments": 1`)):
			t.Errorf("events %+v, want one import_as_approved by the editor for 1 segment", events)
		}
	}
}
