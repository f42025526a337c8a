package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lector/xliff/xlifftest"
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
	xlifftest.Valid(t, "the written sample", buf.Bytes())
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

// TestWrittenFilesSchemaValid: what Write makes of every file the tests
// read (ours in 2.0 and 1.2, OASIS's 2.1 suite, Symfony's 1.2) is valid
// against the XLIFF core schema and passes Validate.
func TestWrittenFilesSchemaValid(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.xlf"))
	if len(files) < 2 {
		t.Fatalf("only %d files in testdata", len(files))
	}
	samples, _ := filepath.Glob(filepath.Join("..", "testdata", "xliff", "*.xlf"))
	if len(samples) == 0 {
		t.Fatal("no ../testdata/xliff/*.xlf: the repository's XLIFF samples are missing")
	}
	files = append(files, samples...)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Write(&buf, d); err != nil {
				t.Fatal(err)
			}
			if err := Validate(buf.Bytes()); err != nil {
				t.Errorf("Validate: %v", err)
			}
			xlifftest.Valid(t, "Write's output", buf.Bytes())
		})
	}
}
