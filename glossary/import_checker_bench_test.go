package glossary_test

import (
	"runtime"
	"testing"

	"lector/glossary"
	"lector/review"
)

// BenchmarkCheckerRebuild: what the server rebuilds after a glossary change,
// review.NewChecker (the exact matcher and the fuzzy index), over the same
// generated glossaries as BenchmarkMatcherRebuild.
func BenchmarkCheckerRebuild(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"100k", 100_000}, {"1M", 1_000_000}} {
		entries := glossary.ImpGenerate(size.n, 1)
		b.Run("entries="+size.name, func(b *testing.B) {
			for b.Loop() {
				runtime.KeepAlive(review.NewChecker(entries))
			}
		})
	}
}
