package glossary

import (
	"bytes"
	"flag"
	"path/filepath"
	"reflect"
	"testing"
)

// -update rewrites the golden files: go test ./glossary -run TBX -update.
// Defined here only if no other test file of the package defines it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files")
	}
}

func tbxUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func TestParseTBXMartif2008(t *testing.T) {
	entries, err := ParseTBX(openFile(t, "testdata/tbx/martif_2008.tbx"), "martif_2008.tbx")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Key: "musk", Type: "person", Terms: []Term{
			{Lang: "en", Form: "Elon Musk", Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "Musk", Status: Admitted, CaseSensitive: true},
			{Lang: "en", Form: "Ilon Musk", Status: Deprecated, CaseSensitive: true,
				Note: "back-translated from Russian Илон Маск", Source: "WSJ seed article"},
			{Lang: "en", Form: "mask", Status: FalseFriend, Note: "Russian Маск read as the noun “mask”"},
			{Lang: "ru", Form: "Илон Маск", Status: Preferred, CaseSensitive: true},
			{Lang: "ru", Form: "Маск", Status: Admitted, CaseSensitive: true},
			{Lang: "uk", Form: "Ілон Маск", Status: Preferred, CaseSensitive: true},
		}},
		// No id: the key is generated; no type marker: a common word.
		{Key: "c2", Type: "term", Terms: []Term{
			{Lang: "de-DE", Form: "Bundeskanzler", Status: Preferred},
			{Lang: "de-DE", Form: "Reichskanzler", Status: Deprecated, CaseSensitive: true},
		}},
	}
	tbxCompare(t, entries, want)
}

func TestParseTBXDCT(t *testing.T) {
	entries, err := ParseTBX(openFile(t, "testdata/tbx/tbx_basic_dct.tbx"), "tbx_basic_dct.tbx")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Key: "musk", Type: "person", Note: "Founder of SpaceX and Tesla", Terms: []Term{
			{Lang: "en", Form: "Elon Musk", Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "Ilon Musk", Status: Deprecated, CaseSensitive: true,
				Note: "back-translated from Russian Илон Маск", Source: "WSJ seed article"},
			{Lang: "ru", Form: "Илон Маск", Status: Preferred, CaseSensitive: true},
			{Lang: "uk", Form: "Ілон Маск", Status: Preferred, CaseSensitive: true},
			{Lang: "de", Form: "Elon Musk", Status: Preferred, CaseSensitive: true},
		}},
		{Key: "kyiv", Type: "place", Terms: []Term{
			{Lang: "en", Form: "Kyiv", Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "Kiev", Status: Deprecated, CaseSensitive: true},
			{Lang: "ru", Form: "Киев", Status: Preferred, CaseSensitive: true},
			{Lang: "uk", Form: "Київ", Status: Preferred, CaseSensitive: true},
			{Lang: "de", Form: "Kyjiw", Status: Preferred, CaseSensitive: true},
			{Lang: "de", Form: "Kiew", Status: Admitted, CaseSensitive: true},
		}},
	}
	tbxCompare(t, entries, want)
}

// TestTBXSeedRoundTrip exports the seed glossary and reads it back.
func TestTBXSeedRoundTrip(t *testing.T) {
	seed, err := ParseCSV(openFile(t, filepath.Join("..", "seeds", "glossary.csv")), "glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	back := tbxRoundTrip(t, seed)
	tbxCompare(t, back, seed)
	mask := back[0].Terms[3]
	if mask.Form != "mask" || mask.Status != FalseFriend || mask.CaseSensitive {
		t.Fatalf("mask = %+v", mask)
	}
}

// tbxGoldenGlossary uses every part of the mapping: types, an entry note of
// two lines, a false friend, case sensitivity unlike the default, a source,
// and a language that comes back after another.
func tbxGoldenGlossary() []Entry {
	return []Entry{
		{Key: "musk", Type: "person", Note: "Founder of SpaceX\nBorn in Pretoria", Terms: []Term{
			{Lang: "en", Form: "Elon Musk", Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "Ilon Musk", Status: Deprecated, CaseSensitive: true,
				Note: "back-translated from Russian Илон Маск", Source: "WSJ seed article"},
			{Lang: "en", Form: "mask", Status: FalseFriend, Note: "Russian Маск read as the noun “mask”"},
			{Lang: "ru", Form: "Илон Маск", Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "Musk", Status: Admitted, CaseSensitive: true},
		}},
		{Key: "kyiv", Type: "place", Terms: []Term{
			{Lang: "uk", Form: "Київ", Status: Preferred, CaseSensitive: true},
			{Lang: "de-AT", Form: "Kiew", Status: Admitted, CaseSensitive: false},
		}},
		{Key: "nato", Type: "organization", Terms: []Term{{Lang: "en", Form: "NATO", Status: Preferred, CaseSensitive: true}}},
		{Key: "tax<&>", Type: "term", Terms: []Term{
			{Lang: "en", Form: "VAT", Status: Preferred, CaseSensitive: true, Note: `a "quoted" <note> & more`},
			{Lang: "en", Form: "value added tax", Status: Admitted},
		}},
	}
}

func TestWriteTBXGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTBX(&buf, tbxGoldenGlossary()); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "tbx", "golden_export.tbx")
	want := goldenBytes(t, golden, buf.Bytes())
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("WriteTBX differs from %s (go test ./glossary -run TBXGolden -update):\n%s", golden, buf.String())
	}
	tbxCompare(t, tbxRoundTrip(t, tbxGoldenGlossary()), tbxGoldenGlossary())
}

func TestWriteTBXRefuses(t *testing.T) {
	for _, e := range []Entry{
		{Key: "a", Type: "animal", Terms: []Term{{Lang: "en", Form: "x", Status: Admitted}}},
		{Key: "a", Type: "term", Terms: []Term{{Lang: "en", Form: "x", Status: "wrong"}}},
		{Key: "a", Type: "term", Terms: []Term{{Lang: "en", Form: "x", Status: Admitted, Note: "ok\nlector:false-friend"}}},
		{Key: "a", Type: "term", Note: "lector:type=person", Terms: []Term{{Lang: "en", Form: "x", Status: Admitted}}},
		{Key: "a", Type: "term", Terms: []Term{{Lang: "en", Form: "x\x01", Status: Admitted}}},
		{Key: "a", Type: "term", Terms: []Term{{Lang: "en", Form: "\xff", Status: Admitted}}},
		{Key: "a", Type: "term", Terms: []Term{{Lang: "en", Form: " ", Status: Admitted}}},
	} {
		if err := WriteTBX(&bytes.Buffer{}, []Entry{e}); err == nil {
			t.Errorf("WriteTBX(%+v) = nil, want an error", e)
		}
	}
}

func tbxRoundTrip(t testing.TB, entries []Entry) []Entry {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTBX(&buf, entries); err != nil {
		t.Fatal(err)
	}
	back, err := ParseTBX(&buf, "export.tbx")
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	return back
}

func tbxCompare(t testing.TB, got, want []Entry) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("entry %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}
