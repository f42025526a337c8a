package detect

import (
	"testing"

	"lector/detect/internal/enginetest"
)

// BenchmarkCheckSeedArticle runs the whole seed article through
// Checker.Check with the seed glossary: segmentation, exact and fuzzy name
// matching with false-friend scoring, and typography. The target is
// under 5 ms. Besides ms/op it reports cpu-ms/op, the process CPU time per
// check, which a loaded shared machine inflates less than the wall clock.
//
//	go test ./detect -run '^$' -bench CheckSeedArticle -count 5
func BenchmarkCheckSeedArticle(b *testing.B) {
	text := enginetest.ReadText(b, "../seeds/000_02e3862b8b13521d.txt")
	checker := New(loadGlossary(b, "seeds/glossary.csv"))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := enginetest.StartCPU()
	for b.Loop() {
		if _, err := checker.Check(text, "en"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/op")
	if used, ok := cpu.Elapsed(); ok {
		b.ReportMetric(float64(used.Microseconds())/1e3/float64(b.N), "cpu-ms/op")
	}
}
