package xliff

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func sample() *Document {
	return &Document{SrcLang: "ru", TrgLang: "en", Title: `Musk & "the press" <2024>`, Units: []Unit{
		{ID: "p1", Glossary: []GlossEntry{{Term: "Ilon Musk", Translation: "Elon Musk"}, {Term: "Isaxon", Definition: "name-fuzzy"}},
			Segments: []Segment{
				{ID: "s1", Source: "Илон Маск.", Target: "Ilon Musk said <no> & left.", HasTarget: true, State: Initial, SubState: "lector:flagged"},
				{ID: "s2", Source: "Тест\u0007.", Target: "A bell\u0007 and a\ttab.", HasTarget: true, State: Reviewed, SubState: "lector:approved"},
			}},
		{ID: "p2", Segments: []Segment{{ID: "s3", Source: "Без перевода."}}},
	}}
}

func TestWriteRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	if err := Validate(buf.Bytes()); err != nil {
		t.Fatalf("invalid: %v\n%s", err, buf.String())
	}
	got, err := Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	want := sample()
	want.Version = "2.1"
	for i := range got.Units {
		for j := range got.Units[i].Segments {
			got.Units[i].Segments[j].Line = 0
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if !strings.Contains(buf.String(), `<cp hex="0007"/>`) {
		t.Error("a control character is not written as <cp/>")
	}
	xmllint(t, buf.Bytes())
}

// xmllint checks well-formedness and namespaces with libxml2, a parser
// other than the one that wrote and read the file. `make test` installs it.
func xmllint(t *testing.T, data []byte) {
	t.Helper()
	path, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" || os.Getenv("LECTOR_REQUIRE_BROWSER") == "1" {
			t.Fatal("xmllint not found; install it with: apt-get install -y libxml2-utils")
		}
		t.Skip("xmllint not found (apt-get install -y libxml2-utils; `make test` does)")
	}
	file := filepath.Join(t.TempDir(), "doc.xlf")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(path, "--noout", "--nonet", file).CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
}

func TestValidateRefuses(t *testing.T) {
	ok := head2 + `<unit id="u"><segment state="initial"><source>x</source><target>y</target></segment></unit></file></xliff>`
	if err := Validate([]byte(ok)); err != nil {
		t.Fatalf("valid document refused: %v", err)
	}
	gls := `xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" `
	tests := map[string]string{
		"target first":     head2 + `<unit id="u"><segment><target>y</target><source>x</source></segment></unit></file></xliff>`,
		"bad state":        head2 + `<unit id="u"><segment state="done"><source>x</source></segment></unit></file></xliff>`,
		"subState alone":   head2 + `<unit id="u"><segment subState="a:b"><source>x</source></segment></unit></file></xliff>`,
		"subState form":    head2 + `<unit id="u"><segment state="initial" subState="ab"><source>x</source></segment></unit></file></xliff>`,
		"duplicate unit":   head2 + `<unit id="u"><segment><source>x</source></segment></unit><unit id="u"><segment><source>x</source></segment></unit></file></xliff>`,
		"no unit id":       head2 + `<unit><segment><source>x</source></segment></unit></file></xliff>`,
		"empty unit":       head2 + `<unit id="u"></unit></file></xliff>`,
		"notes after unit": head2 + `<unit id="u"><segment><source>x</source></segment></unit><notes><note>n</note></notes></file></xliff>`,
		"no srcLang":       `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"><file id="f"><unit id="u"><segment><source>x</source></segment></unit></file></xliff>`,
		"gloss no term": strings.Replace(head2, "<xliff ", "<xliff "+gls, 1) +
			`<unit id="u"><gls:glossary><gls:glossEntry><gls:translation>t</gls:translation></gls:glossEntry></gls:glossary><segment><source>x</source></segment></unit></file></xliff>`,
		"gloss term only": strings.Replace(head2, "<xliff ", "<xliff "+gls, 1) +
			`<unit id="u"><gls:glossary><gls:glossEntry><gls:term>t</gls:term></gls:glossEntry></gls:glossary><segment><source>x</source></segment></unit></file></xliff>`,
		"gloss after segment": strings.Replace(head2, "<xliff ", "<xliff "+gls, 1) +
			`<unit id="u"><segment><source>x</source></segment><gls:glossary><gls:glossEntry><gls:term>t</gls:term><gls:definition>d</gls:definition></gls:glossEntry></gls:glossary></unit></file></xliff>`,
	}
	for name, doc := range tests {
		if err := Validate([]byte(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
