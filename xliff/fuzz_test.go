package xliff

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: Parse never panics, and whatever it reads Write writes as a
// document that Validate accepts and Parse reads back to the same text.
func FuzzParse(f *testing.F) {
	samples, _ := filepath.Glob(filepath.Join("..", "testdata", "xliff", "*.xlf"))
	if len(samples) == 0 {
		f.Fatal("no ../testdata/xliff/*.xlf: the repository's XLIFF samples are missing")
	}
	for _, p := range append([]string{"testdata/ours-2.0.xlf", "testdata/ours-1.2.xlf"}, samples...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(head2 + `<unit id="u"><segment><source>a<cp hex="7"/></source></segment></unit></file></xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(bytes.NewReader(data))
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for i := range d.Units { // Write needs NMTOKEN ids; foreign ids may be anything
			d.Units[i].ID = ""
			for j := range d.Units[i].Segments {
				d.Units[i].Segments[j].ID = ""
				d.Units[i].Segments[j].SubState = ""
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, d); err != nil {
			t.Fatal(err)
		}
		if err := Validate(buf.Bytes()); err != nil {
			t.Fatalf("written document invalid: %v\n%s", err, buf.Bytes())
		}
		back, err := Parse(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("written document unreadable: %v\n%s", err, buf.Bytes())
		}
		if len(flatten(back)) != len(flatten(d)) {
			t.Fatalf("%d segments back, want %d", len(flatten(back)), len(flatten(d)))
		}
		for i, s := range flatten(back) {
			if w := flatten(d)[i]; s.Source != w.Source || s.Target != w.Target || s.State != w.State {
				t.Fatalf("segment %d: %q, want %q", i, s, w)
			}
		}
	})
}
