package names

import (
	"fmt"
	"testing"

	"lector/detect/lexicon"
	"lector/detect/names/namestest"
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
			benchDerived(b, benchEntries(n))
		})
	}
}

// BenchmarkDerivedLatinNames: the derivation over the shape of
// BenchmarkNew1M's glossary, a million generated names in English only
// beside a few people with Russian and Ukrainian forms that derive false
// friends: the million are no sources, and the work per entry is the
// passes that make sure of it (otherSpellings, the translations' memo).
//
//	go test ./detect/names -run '^$' -bench DerivedLatinNames -count 3
func BenchmarkDerivedLatinNames(b *testing.B) {
	entries := []Entry{
		{Key: "musk", Type: "person", Terms: []Term{{Lang: "en", Form: "Elon Musk", Status: Preferred},
			{Lang: "ru", Form: "Илон Маск", Status: Preferred}, {Lang: "uk", Form: "Ілон Маск", Status: Preferred}}},
		{Key: "gore", Type: "person", Terms: []Term{{Lang: "en", Form: "Al Gore", Status: Preferred},
			{Lang: "ru", Form: "Эл Гор", Status: Preferred}, {Lang: "uk", Form: "Ел Гор", Status: Preferred}}},
	}
	benchDerived(b, append(entries, entriesFromNames(namestest.Names(1_000_000, 11))...))
}

// benchDerived times WithDerivedFalseFriends over entries.
func benchDerived(b *testing.B, entries []Entry) {
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
}
