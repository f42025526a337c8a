package xliff

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// samples is the repository's folder of XLIFF files from other projects
// (see testdata/SOURCES.md at the repository root).
const samples = "../testdata/xliff"

func parseFile(t *testing.T, path string) *Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return d
}

type flat struct{ Unit, Source, Target, State string }

func flatten(d *Document) []flat {
	var out []flat
	for _, u := range d.Units {
		for _, s := range u.Segments {
			out = append(out, flat{u.ID, s.Source, s.Target, s.State})
		}
	}
	return out
}

func TestParseOurs(t *testing.T) {
	want := []flat{
		{"p1", "Илон Маск тайно общается с Путиным.", "Ilon Musk secretly communicates with Putin.", Final},
		{"p1", "Об этом сообщает WSJ.", "This is reported by the WSJ.", Translated},
		{"p2", "Второй абзац.", "", ""},
	}
	d := parseFile(t, "testdata/ours-2.0.xlf")
	if got := flatten(d); !reflect.DeepEqual(got, want) {
		t.Errorf("2.0:\n got %q\nwant %q", got, want)
	}
	if d.SrcLang != "ru" || d.TrgLang != "en" || d.Title != "Musk and the press" || d.Version != "2.0" {
		t.Errorf("header %+v", d)
	}
	d = parseFile(t, "testdata/ours-1.2.xlf")
	want[0].Unit, want[1].Unit, want[0].State, want[1].State = "1", "1", Reviewed, Reviewed
	want[2] = flat{"2", "Второй абзац.", "Second paragraph.", Translated}
	if got := flatten(d); !reflect.DeepEqual(got, want) {
		t.Errorf("1.2:\n got %q\nwant %q", got, want)
	}
	if d.SrcLang != "ru" || d.TrgLang != "en" || d.Title != "Musk and the press" {
		t.Errorf("header %+v", d)
	}
}

// TestParseSamples reads real files from OASIS's XLIFF 2.1 test suite and
// Symfony (see testdata/SOURCES.md at the repository root).
func TestParseSamples(t *testing.T) {
	tests := []struct {
		file     string
		src, trg string
		want     []flat
		gloss    int
	}{
		{"oasis_xliff21_testsuite_toJoin.xlf", "en", "fr", []flat{
			{"1", "Sentence 1.", "Phrase 1.", Translated},
			{"1", "Sentence [  ] 2. ", "Phrase [  ] 2. ", Translated},
			{"1", "Sentence 3. ", "sentence 3. ", Final},
			{"1", "Sentence 4.", "Phrase 4.", ""},
			{"1", "Sentence 5.", "Phrase 5.", ""},
		}, 0},
		{"oasis_xliff21_testsuite_everything-core.xlf", "en", "fr", []flat{
			{"tu1", "Sample segment.", "Exemple de segment.", Translated},
			{"tu1", "Segment's content.", "Contenu du segment.", ""},
			{"tu3", "Bolded text", "", ""},
			{"tu3end", "Extra stuff", "", ""},
			{"tu2", "special text and more\n.", "", ""},
		}, 0},
		{"oasis_xliff21_testsuite_withGlossary.xlf", "en", "fr", []flat{
			{"1", "He is my doppelgänger. ", "Il est mon alter ego. ", ""},
			{"1", "Another doppelgänger.", "Un autre double.", ""},
		}, 1},
		{"symfony_xliff12_with-attributes.xlf", "en", "", []flat{
			{"1", "foo", "bar", Translated},
			{"2", "extra", "bar", Initial},
			{"3", "key", "", ""},
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := parseFile(t, filepath.Join(samples, tt.file))
			if d.SrcLang != tt.src || d.TrgLang != tt.trg {
				t.Errorf("languages %s → %s, want %s → %s", d.SrcLang, d.TrgLang, tt.src, tt.trg)
			}
			if got := flatten(d); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
			n := 0
			for _, u := range d.Units {
				n += len(u.Glossary)
			}
			if n != tt.gloss {
				t.Errorf("%d glossary entries, want %d", n, tt.gloss)
			}
		})
	}
	d := parseFile(t, filepath.Join(samples, "oasis_xliff21_testsuite_withGlossary.xlf"))
	if g := d.Units[0].Glossary[0]; g.Term != "doppelgänger" || g.Translation != "double" || !strings.HasPrefix(g.Definition, "A ghostly") {
		t.Errorf("glossary entry %+v", g)
	}
}

const head2 = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="de"><file id="f">`

// TestParseBad: every refusal names the line and the element.
func TestParseBad(t *testing.T) {
	lol := `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<xliff>&lol2;</xliff>`
	xxe := `<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
` + head2 + `<unit id="u"><segment><source>&xxe;</source></segment></unit></file></xliff>`
	tests := []struct {
		name, doc string
		problem   Problem
		line      int
		element   string
	}{
		{"billion laughs", lol, ProblemDoctype, 2, "!DOCTYPE"},
		{"external entity", xxe, ProblemDoctype, 2, "!DOCTYPE"},
		{"undeclared entity", head2 + "\n<unit id=\"u\"><segment><source>&ent;</source></segment></unit></file></xliff>", ProblemSyntax, 2, "source"},
		{"not closed", head2 + "\n<unit id=\"u\">\n<segment><source>x</source>\n", ProblemSyntax, 4, "segment"},
		{"mismatched", head2 + "\n<unit id=\"u\"><segment><source>x</target></segment></unit></file></xliff>", ProblemSyntax, 2, "source"},
		{"not xliff", `<html><body/></html>`, ProblemRoot, 1, "html"},
		{"no namespace", `<xliff version="2.1" srcLang="en"/>`, ProblemRoot, 1, "xliff"},
		{"version 3", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="3.0" srcLang="en"/>`, ProblemVersion, 1, "xliff"},
		{"1.2 says 1.1", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.1"/>`, ProblemVersion, 1, "xliff"},
		{"no srcLang", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"/>`, ProblemLanguage, 1, "xliff"},
		{"bad trgLang", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="not a tag"/>`, ProblemLanguage, 1, "xliff"},
		{"no source", head2 + "\n<unit id=\"u\">\n<segment><target>x</target></segment></unit></file></xliff>", ProblemNoSource, 3, "segment"},
		{"1.2 no source", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="en"><body>
<trans-unit id="1"><target>x</target></trans-unit></body></file></xliff>`, ProblemNoSource, 2, "trans-unit"},
		{"bad state", head2 + "<unit id=\"u\"><segment state=\"done\"><source>x</source></segment></unit></file></xliff>", ProblemSyntax, 1, "segment"},
		{"empty", head2 + "</file></xliff>", ProblemNoSegments, 1, "xliff"},
		{"nothing", ``, ProblemSyntax, 1, "xliff"},
		{"latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n" + head2, ProblemEncoding, 1, "xml"},
		{"bad utf-8", head2 + "\n\n<unit id=\"u\"><segment><source>\xff</source></segment></unit></file></xliff>", ProblemEncoding, 3, "xliff"},
		{"too deep", head2 + strings.Repeat("<g>", MaxDepth) + "x", ProblemDepth, 1, "g"},
		{"two roots", head2 + "<unit id=\"u\"><segment><source>x</source></segment></unit></file></xliff><xliff/>", ProblemSyntax, 1, "xliff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.doc))
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if e.Problem != tt.problem || e.Line != tt.line || e.Element != tt.element {
				t.Errorf("got %v, want line %d <%s>: %s", e, tt.line, tt.element, tt.problem)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	big := head2 + "<unit id=\"u\"><segment><source>" + strings.Repeat("a", MaxBytes) + "</source></segment></unit></file></xliff>"
	_, err := Parse(strings.NewReader(big))
	if e, ok := err.(*Error); !ok || e.Problem != ProblemTooLarge {
		t.Fatalf("error %v, want too_large", err)
	}
	many := head2 + "<unit id=\"u\">" + strings.Repeat("<segment><source>a</source></segment>", MaxSegments+1) + "</unit></file></xliff>"
	_, err = Parse(strings.NewReader(many))
	if e, ok := err.(*Error); !ok || e.Problem != ProblemTooMany {
		t.Fatalf("error %v, want too_large", err)
	}
}
