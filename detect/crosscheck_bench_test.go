package detect

import (
	"strings"
	"testing"

	"lector/detect/internal/enginetest"
)

// BenchmarkCheckPair measures the source-aware checks beside the target
// alone, on one article made of the parallel corpus's Russian → English
// pairs (a paragraph each): Check is the baseline, CheckPair adds the
// source's segmentation and names, the alignment and the pair checks.
//
//	go test ./detect -run '^$' -bench 'CheckPair' -count 5
func BenchmarkCheckPair(b *testing.B) {
	var src, tgt []string
	for _, p := range loadParallel(b) {
		if p.SourceLang == "ru" && p.Lang == "en" {
			src, tgt = append(src, p.Source), append(tgt, p.Target)
		}
	}
	source, text := strings.Join(src, "\n\n"), strings.Join(tgt, "\n\n")
	c := New(loadGlossary(b, "detect/testdata/quality/parallel/glossary.csv"))
	// Forty times the article: the alignment's band keeps the cost linear.
	long, longSource := strings.Repeat(text+"\n\n", 40), strings.Repeat(source+"\n\n", 40)
	for _, bc := range []struct {
		name         string
		text, source string
	}{{"target-alone", text, ""}, {"with-source", text, source}, {"target-alone-x40", long, ""}, {"with-source-x40", long, longSource}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			cpu := enginetest.StartCPU()
			for b.Loop() {
				var err error
				if bc.source == "" {
					_, err = c.Check(bc.text, "en")
				} else {
					_, err = c.CheckPair(bc.text, "en", bc.source, "ru")
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			if used, ok := cpu.Elapsed(); ok {
				b.ReportMetric(float64(used.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
