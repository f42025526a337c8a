package glossary

import (
	"bytes"
	"cmp"
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/database/dbtest"
)

// expSmall is the glossary of the golden files: every type and status, a
// note on an entry and on a term, a source, a case that is not the default.
func expSmall() []Entry {
	entries := []Entry{}
	for _, e := range impStored() {
		e.ID = 0
		entries = append(entries, e)
	}
	entries[0].Terms = append(entries[0].Terms, Term{Lang: "en", Form: "masque", Status: FalseFriend, Note: "Маск read as a French word", Source: "WSJ"})
	entries = append(entries, Entry{Key: "nato", Type: "organization", Terms: []Term{
		{Lang: "en", Form: "NATO", Status: Preferred, CaseSensitive: true},
		{Lang: "de", Form: "NATO", Status: Preferred, CaseSensitive: true},
		{Lang: "en", Form: "Nato", Status: Admitted, CaseSensitive: false, Note: "British style, \"quoted\", with a comma"},
	}})
	return entries
}

func TestExportGolden(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	if _, err := Import(ctx, db, expSmall(), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{ExportCSV, ExportTBX} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Export(ctx, db, &buf, format); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "import", "golden."+format)
			want := goldenBytes(t, golden, buf.Bytes())
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("Export %s differs from %s (go test ./glossary -run ExportGolden -update):\n%s", format, golden, buf.String())
			}
		})
	}
	if err := Export(ctx, db, &bytes.Buffer{}, "xlsx"); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("Export xlsx: %v, want invalid", err)
	}
}

// TestImportExportRoundTrip: import(export(g)) gives back g, in both
// formats, for the seed glossary and a generated one.
func TestImportExportRoundTrip(t *testing.T) {
	seed, err := ParseCSV(openFile(t, "testdata/seed_glossary.csv"), "seed_glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	glossaries := map[string][]Entry{"seed": seed, "generated": impGenerate(2000, 5), "small": expSmall()}
	parsers := map[string]func(*bytes.Reader, string) ([]Entry, error){
		ExportCSV: func(r *bytes.Reader, name string) ([]Entry, error) { return ParseCSV(r, name) },
		ExportTBX: func(r *bytes.Reader, name string) ([]Entry, error) { return ParseTBX(r, name) },
	}
	ctx := context.Background()
	for name, g := range glossaries {
		for format, parse := range parsers {
			t.Run(name+"/"+format, func(t *testing.T) {
				first, second := dbtest.New(t), dbtest.New(t)
				if _, err := Import(ctx, first, g, ImportOptions{}); err != nil {
					t.Fatal(err)
				}
				var out bytes.Buffer
				if err := Export(ctx, first, &out, format); err != nil {
					t.Fatal(err)
				}
				back, err := parse(bytes.NewReader(out.Bytes()), "export."+format)
				if err != nil {
					t.Fatal(err)
				}
				opts := ImportOptions{KeepEntryNotes: format == ExportCSV}
				if plan, err := Import(ctx, first, back, opts); err != nil || plan.Summary() != (Summary{Unchanged: len(g)}) {
					t.Fatalf("importing the export into its own glossary: %+v, %v; want all unchanged", plan.Summary(), err)
				}
				if _, err := Import(ctx, second, back, opts); err != nil {
					t.Fatal(err)
				}
				want := expByKey(t, first)
				if format == ExportCSV { // the CSV has no column for entry notes
					for i := range want {
						want[i].Note = ""
					}
				}
				if got := expByKey(t, second); !reflect.DeepEqual(got, want) {
					t.Errorf("import(export(g)) differs from g")
				}
				if want := expByKey(t, first); !reflect.DeepEqual(want, expNormalize(g)) {
					t.Errorf("the stored glossary differs from the imported one")
				}
			})
		}
	}
}

// expByKey is the stored glossary in key order, without ids, revisions and times.
func expByKey(t *testing.T, db *gorm.DB) []Entry {
	return expNormalize(impLoad(t, db))
}

func expNormalize(entries []Entry) []Entry {
	out := make([]Entry, len(entries))
	for i, e := range entries {
		e.ID, e.Revision, e.CreatedAt, e.UpdatedAt = 0, 0, time.Time{}, time.Time{}
		if len(e.Terms) == 0 {
			e.Terms = nil
		}
		out[i] = e
	}
	slices.SortFunc(out, func(a, b Entry) int { return cmp.Compare(a.Key, b.Key) })
	return out
}
