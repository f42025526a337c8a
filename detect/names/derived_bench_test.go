package names

import (
	"fmt"
	"testing"

	"lector/detect/lexicon"
)

// BenchmarkWithDerivedFalseFriends: the derivation NewChecker adds to the
// exact matcher's build, over generated glossaries whose every entry has an
// English and a Russian form (the worst case: every entry is a source, for
// English targets through its Russian form and for Russian ones through its
// English form). The lexicons are loaded before the timing: a process does
// that once (detect/lexicon's BenchmarkLoad).
//
//	go test ./detect/names -run '^$' -bench WithDerivedFalseFriends -count 3
func BenchmarkWithDerivedFalseFriends(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("names=%d", n), func(b *testing.B) {
			entries := benchEntries(n)
			for _, lang := range lexicon.Languages() { // load the lexicons, and the prefixes of the Latin-script ones
				lexicon.For(lang).Len()
			}
			lexicon.For("en").HasPrefix("a")
			lexicon.For("de").HasPrefix("a")
			lexicon.HasTranslations("cook") // the translations' table, for derived_bilingual.go
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
