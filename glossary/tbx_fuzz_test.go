package glossary

import (
	"bytes"
	"strings"
	"testing"

	"lector/apperr"
)

// FuzzParseTBX: ParseTBX never panics, fails only with its own errors, and
// whatever it accepts, WriteTBX writes and ParseTBX reads back unchanged.
//
//	go test ./glossary -run '^$' -fuzz FuzzParseTBX -fuzztime 60s -fuzzminimizetime 200x
//
// The bounded minimization matters: minimizing every new input of a few
// hundred bytes of XML with the default 60 s stalls the workers.
func FuzzParseTBX(f *testing.F) {
	// Small seeds: the fuzzer minimizes each new input, which is slow for
	// the few kilobytes of the sample files.
	var golden bytes.Buffer
	if err := WriteTBX(&golden, tbxGoldenGlossary()[:1]); err != nil {
		f.Fatal(err)
	}
	f.Add(golden.Bytes())
	f.Add([]byte(`<tbx xmlns:min="http://www.tbxinfo.net/ns/min"><text><body><conceptEntry id="k"><note>n</note>` +
		`<langSec xml:lang="uk"><termSec><term>Київ</term><min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>` +
		`<basic:source>s</basic:source></termSec></langSec></conceptEntry></body></text></tbx>`))
	f.Add([]byte(tbxDoc(`<conceptEntry><note>lector:type=person</note>` + tbxTermXML("en", "x", "preferredTerm-admn-sts") +
		`</conceptEntry><conceptEntry id="c1">` + tbxTermXML("EN", "y <hi>z</hi>", "admittedTerm") + `</conceptEntry>`)))
	f.Add([]byte(`<martif><text><body><termEntry><langSet lang="de"><ntig><termGrp><term>a</term>` +
		`<termNoteGrp><termNote type="normativeAuthorization">supersededTerm</termNote></termNoteGrp></termGrp>` +
		`<note>lector:false-friend</note><note>lector:case-sensitive</note></ntig></langSet></termEntry></body></text></martif>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ParseTBX(bytes.NewReader(data), "fuzz.tbx")
		if err != nil {
			if code := apperr.CodeOf(err); code != apperr.Invalid && code != apperr.TooLarge {
				t.Fatalf("error code %s: %v", code, err)
			}
			if !strings.HasPrefix(tbxMessage(err), "fuzz.tbx, line ") {
				t.Fatalf("error %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := WriteTBX(&buf, entries); err != nil {
			t.Fatalf("WriteTBX of parsed entries: %v", err)
		}
		back, err := ParseTBX(&buf, "back.tbx")
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		tbxCompare(t, back, entries)
	})
}
