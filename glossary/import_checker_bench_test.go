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
	glossary.ImpRebuildGlossaries(func(size string, entries []glossary.Entry) {
		b.Run("entries="+size, func(b *testing.B) {
			for b.Loop() {
				runtime.KeepAlive(review.NewChecker(entries))
			}
		})
	})
}
