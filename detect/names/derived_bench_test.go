package names

import (
	"fmt"
	"testing"
)

// BenchmarkWithDerivedFalseFriends: the derivation NewChecker adds to the
// exact matcher's build, over generated glossaries whose every entry has an
// English and a Russian form (the worst case: every entry is a source).
//
//	go test ./glossary -run '^$' -bench WithDerivedFalseFriends -count 3
func BenchmarkWithDerivedFalseFriends(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("names=%d", n), func(b *testing.B) {
			entries := benchEntries(n)
			b.ReportAllocs()
			cpu := processCPU()
			ops := 0
			for b.Loop() {
				WithDerivedFalseFriends(entries)
				ops++
			}
			reportCPU(b, cpu, ops)
		})
	}
}
