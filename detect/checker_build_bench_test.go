package detect

import (
	"runtime"
	"testing"

	"lector/detect/internal/enginetest"
	"lector/detect/names"
	"lector/detect/names/namestest"
)

// BenchmarkNew1M builds the checker (fuzzy index, derived false friends,
// exact matcher) for the seed glossary and 1M generated person names, the
// glossary of BenchmarkCheckNews. Issue 16's target: ≤ 1.5 s to build.
// It reports the CPU time of a build (cpu-s/op; the build runs on every
// core) and the heap the checker keeps after a GC (kept-MB: the entries are
// the caller's and not counted). The peak resident memory of a build is
// BenchmarkCheckMillionNames's, in cmd/lector.
//
//	go test ./detect -run '^$' -bench New1M -benchtime 3x -count 3
func BenchmarkNew1M(b *testing.B) {
	seed := loadGlossary(b, "seeds/glossary.csv")
	entries := append(append([]names.Entry(nil), seed...), personEntries(namestest.Names(1_000_000, 11))...)
	before := heapInUse()
	var c *Checker
	cpu := enginetest.StartCPU()
	for b.Loop() {
		c = nil
		c = New(entries)
	}
	if used, ok := cpu.Elapsed(); ok {
		b.ReportMetric(used.Seconds()/float64(b.N), "cpu-s/op")
	}
	b.ReportMetric(float64(heapInUse()-before)/(1<<20), "kept-MB")
	runtime.KeepAlive(c)
}

// heapInUse is the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
