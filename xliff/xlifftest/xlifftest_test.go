package xlifftest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lector/xliff/xlifftest"
)

const head = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="de"><file id="f">`

// TestCheckRefuses: documents the schema forbids are refused by xmllint for
// the reason given, so a passing Check means something; the valid one
// beside them passes.
func TestCheckRefuses(t *testing.T) {
	valid := head + `<unit id="u"><segment state="initial"><source>x</source><target>y</target></segment></unit></file></xliff>`
	if err := xlifftest.Check(t, []byte(valid)); err != nil {
		t.Fatalf("a valid document refused: %v", err)
	}
	tests := []struct{ name, doc, want string }{
		{"unknown core element", head + `<unit id="u"><segment><source>x</source><bogus/></segment></unit></file></xliff>`,
			"Element '{urn:oasis:names:tc:xliff:document:2.0}bogus': This element is not expected"},
		{"unit without id", head + `<unit><segment><source>x</source></segment></unit></file></xliff>`,
			"The attribute 'id' is required but missing"},
		{"target before source", head + `<unit id="u"><segment><target>y</target><source>x</source></segment></unit></file></xliff>`,
			"Element '{urn:oasis:names:tc:xliff:document:2.0}target': This element is not expected"},
		{"unknown state", head + `<unit id="u"><segment state="done"><source>x</source></segment></unit></file></xliff>`,
			"The value 'done' is not an element of the set"},
		{"empty unit", head + `<unit id="u"></unit></file></xliff>`, "Missing child element(s)"},
		{"no srcLang", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="f"><unit id="u"><segment><source>x</source></segment></unit></file></xliff>`,
			"The attribute 'srcLang' is required but missing"},
		{"bad cp", head + `<unit id="u"><segment><source>a<cp hex="zz"/></source></segment></unit></file></xliff>`,
			"is not a valid value of the atomic type 'xs:hexBinary'"},
		{"not well-formed", head + `<unit id="u"><segment><source>x</segment></unit></file></xliff>`, "mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := xlifftest.Check(t, []byte(tt.doc))
			var invalid *xlifftest.Invalid
			if !errors.As(err, &invalid) {
				t.Fatalf("accepted (err %v)", err)
			}
			if !strings.Contains(invalid.Output, tt.want) {
				t.Errorf("refused for another reason than %q:\n%s", tt.want, invalid.Output)
			}
		})
	}
}

// TestSamplesValid: the OASIS test suite's XLIFF 2.1 files (see
// testdata/SOURCES.md at the repository root) pass the same check, glossary
// module included (the core schema lets module elements through unchecked).
func TestSamplesValid(t *testing.T) {
	for _, name := range []string{
		"oasis_xliff21_testsuite_toJoin.xlf",
		"oasis_xliff21_testsuite_everything-core.xlf",
		"oasis_xliff21_testsuite_withGlossary.xlf",
	} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "xliff", name))
		if err != nil {
			t.Fatal(err)
		}
		xlifftest.Valid(t, name, data)
	}
}
