package names

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"lector/detect/names/namestest"
)

// derivedOnePass is derivedTermLists as it was before otherSpellings: the
// Cyrillic candidates of every entry in every Cyrillic target, each looked
// up in the lexicon, in one pass.
func derivedOnePass(entries []Entry) map[int][]Term {
	targets := derivedGlossaryTargets(entries)
	candidates, owners := map[int][]derivedForm{}, map[derivedForm]int{}
	var sc derivedScratch
	for i := range entries {
		var found []derivedForm
		for _, tg := range targets {
			if tg.cyrillic {
				found = sc.cyrillicCandidates(&entries[i], tg.lang, found)
			} else {
				found = sc.latinCandidates(&entries[i], tg.lang, found)
			}
		}
		found = sc.translatedCandidates(&entries[i], targets, found)
		if len(found) > 0 {
			candidates[i] = found
			for _, f := range found {
				owners[f]++
			}
		}
	}
	return derivedTerms(entries, candidates, owners)
}

// TestDerivedTermListsPasses: the second pass over the entries without a
// right form in Russian or Ukrainian (otherSpellings) gives the terms the
// one pass gave, on names whose spellings are words (Gore → горе, Major →
// майор), entries without a Cyrillic form that spell the same words and so
// take them from the others (Lesley Gore, Gorey, Vera Major, Lina Nash), and 20,000 generated names.
func TestDerivedTermListsPasses(t *testing.T) {
	entries := []Entry{
		derivedTestEntry("gore", [3]string{"en", "preferred", "Al Gore"}, [3]string{"ru", "preferred", "Альберт Гор"},
			[3]string{"uk", "preferred", "Альберт Ґор"}),
		derivedTestEntry("major", [3]string{"en", "preferred", "John Major"}, [3]string{"ru", "preferred", "Джон Мейджор"}),
		derivedTestEntry("nash", [3]string{"en", "preferred", "Ogden Nash"}, [3]string{"uk", "preferred", "Огден Неш"}),
		derivedTestEntry("musk", [3]string{"en", "preferred", "Elon Musk"}, [3]string{"ru", "preferred", "Илон Маск"}),
		derivedTestEntry("cook", [3]string{"en", "preferred", "Tim Cook"}, [3]string{"ru", "preferred", "Тим Кук"}),
		derivedTestEntry("lesley", [3]string{"en", "preferred", "Lesley Gore"}),
		derivedTestEntry("majora", [3]string{"en", "preferred", "Anna Majora"}),
		derivedTestEntry("gorey", [3]string{"de", "preferred", "Edward Gorey"}),
		// Two Latin family names (derivedSummary's summarySeveral), and one
		// written alike in two languages.
		derivedTestEntry("mayor", [3]string{"en", "preferred", "Vera Mayor"}, [3]string{"de", "preferred", "Vera Major"}),
		derivedTestEntry("nashe", [3]string{"en", "preferred", "Lina Nash"}, [3]string{"de", "preferred", "Lina Nash"}),
	}
	for i, name := range namestest.Names(20_000, 7) {
		entries = append(entries, derivedTestEntry(fmt.Sprint("gen", i), [3]string{"en", "preferred", name}))
	}
	got, want := derivedTermLists(entries), derivedOnePass(entries)
	if len(want) == 0 {
		t.Fatal("the glossary derives nothing: the test compares nothing")
	}
	if !reflect.DeepEqual(got, want) {
		for i := range entries {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s: got %v, want %v", entries[i].Key, got[i], want[i])
			}
		}
	}
	// The glossary exercises what the second pass decides: an entry
	// without a Russian form takes горе from Al Gore.
	for _, term := range got[0] {
		if term.Lang == "ru" && term.Form == "горе" {
			t.Errorf("Al Gore keeps горе, which Lesley Gore derives too")
		}
	}
}

// TestDerivedSpellingStem: every case form of the Cyrillic spelling of a
// Latin family name begins with the spelling without its last two letters,
// which otherSpellings takes as a filter.
func TestDerivedSpellingStem(t *testing.T) {
	families := []string{"Gore", "Major", "Nash", "Lavrov", "Kovalenko", "Shevchenko", "Bieda", "Tolstoy",
		"Gorky", "Vega", "Berezka", "Musk", "Cook", "Sokolova", "Zhukov", "Hryhoriy", "Ilya", "Maria"}
	for _, name := range namestest.Names(5000, 3) {
		families = append(families, derivedFamilyName(name))
	}
	var buf []byte
	for _, family := range families {
		for _, lang := range []string{"ru", "uk"} {
			buf = appendCyrillicSpelling(buf[:0], family, lang)
			if utf8.RuneCount(buf) < derivedMinRunes {
				continue
			}
			stem := buf
			for range 2 {
				_, size := utf8.DecodeLastRune(stem)
				stem = stem[:len(stem)-size]
			}
			for _, f := range CaseForms(string(buf), lang) {
				if !strings.HasPrefix(f, string(stem)) {
					t.Errorf("CaseForms(%q, %s) gives %q, which does not begin with %q", buf, lang, f, stem)
				}
			}
		}
	}
}
