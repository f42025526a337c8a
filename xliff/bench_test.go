package xliff

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchDoc is the seed article as Lector exports it: 88 segments in 45
// paragraphs, source = machine translation, a wrong name every few
// segments, repeated n times.
func benchDoc(b *testing.B, n int) []byte {
	b.Helper()
	text, err := os.ReadFile(filepath.Join("..", "seeds", "000_02e3862b8b13521d.txt"))
	if err != nil {
		b.Fatal(err)
	}
	d := &Document{SrcLang: "en", TrgLang: "en", Title: "Seed"}
	for range n {
		for _, p := range strings.Split(strings.TrimSpace(string(text)), "\n\n") {
			u := Unit{ID: fmt.Sprintf("p%d", len(d.Units)+1)}
			for i, s := range strings.SplitAfter(p, ". ") {
				u.Segments = append(u.Segments, Segment{ID: fmt.Sprintf("s%d", i+1), Source: s, Target: s, HasTarget: true,
					State: Initial, SubState: "lector:flagged"})
			}
			if strings.Contains(p, "Ilon") {
				u.Glossary = []GlossEntry{{Term: "Ilon Musk", Translation: "Elon Musk"}}
			}
			d.Units = append(d.Units, u)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func benchSizes(b *testing.B, run func(b *testing.B, data []byte)) {
	for _, n := range []int{1, 100} {
		data := benchDoc(b, n)
		b.Run(fmt.Sprintf("seed-x%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			run(b, data)
		})
	}
}

// BenchmarkParse reads an exported article into a Document.
func BenchmarkParse(b *testing.B) {
	benchSizes(b, func(b *testing.B, data []byte) {
		for b.Loop() {
			if _, err := Parse(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecodeTokens is the baseline: encoding/xml's tokenizer alone
// over the same bytes, with nothing kept.
func BenchmarkDecodeTokens(b *testing.B) {
	benchSizes(b, func(b *testing.B, data []byte) {
		for b.Loop() {
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkWrite writes the Document back.
func BenchmarkWrite(b *testing.B) {
	benchSizes(b, func(b *testing.B, data []byte) {
		d, err := Parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := Write(io.Discard, d); err != nil {
				b.Fatal(err)
			}
		}
	})
}
