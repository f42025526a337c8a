package detect

import (
	"fmt"
	"testing"

	"lector/detect/internal/enginetest"

	"lector/detect/names"
	"lector/detect/names/namestest"
)

// BenchmarkCheckNews is the whole check (segmentation, exact and fuzzy
// names with false-friend scoring, typography) over 1 MB of generated
// news-like text in which about one word in 200 is a generated person name,
// with the seed glossary alone and with 1M of those names added to it.
// Issue 16's target: ≥ 30 MB/s per core with 1M names, the figure
// cpu-MB/s gives. The baseline, in the same run, is the exact matcher's
// Find alone over the same text: what the rest of the check adds to it.
//
//	go test ./detect -run '^$' -bench CheckNews -benchtime 3x -count 3
func BenchmarkCheckNews(b *testing.B) {
	seed := loadGlossary(b, "seeds/glossary.csv")
	generated := namestest.Names(1_000_000, 11)
	text := namestest.Text(generated, 1<<20, 12)
	big := append(append([]names.Entry(nil), seed...), personEntries(generated)...)
	for _, size := range []struct {
		name    string
		entries []names.Entry
	}{{"seed", seed}, {"1M", big}} {
		c := New(size.entries)
		b.Run(fmt.Sprintf("names=%s/check", size.name), func(b *testing.B) {
			measure(b, len(text), func() {
				if _, err := c.Check(text, "en"); err != nil {
					b.Fatal(err)
				}
			})
		})
		b.Run(fmt.Sprintf("names=%s/exact-only", size.name), func(b *testing.B) {
			measure(b, len(text), func() { c.exact.Find(text, "en") })
		})
	}
}

// personEntries makes one person entry per name, its preferred English form.
func personEntries(list []string) []names.Entry {
	out := make([]names.Entry, len(list))
	for i, n := range list {
		out[i] = names.Entry{Key: fmt.Sprintf("gen%07d", i), Type: "person",
			Terms: []names.Term{{Lang: "en", Form: n, Status: names.Preferred, CaseSensitive: true}}}
	}
	return out
}

// measure runs f b.N times and reports MB/s and, where the platform tells
// the process's CPU time, cpu-MB/s: throughput per core, which a loaded
// shared machine inflates less than the wall clock.
func measure(b *testing.B, size int, f func()) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := enginetest.StartCPU()
	for b.Loop() {
		f()
	}
	if used, ok := cpu.Elapsed(); ok {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/used.Seconds(), "cpu-MB/s")
	}
}
