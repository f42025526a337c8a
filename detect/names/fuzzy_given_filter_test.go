package names

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"lector/detect/names/namestest"
)

// givenFilterGlossary holds people the corpora do not hold, in en, ru, uk
// and de, in the shapes the summary treats apart (three words, a one-word
// preferred form beside a longer one, admitted and deprecated forms, a
// place), and generated names.
func givenFilterGlossary() []Entry {
	entries := []Entry{
		person("zamyatin", "en", "Yevgeny Zamyatin", "ru", "Евгений Замятин", "uk", "Євген Замятін",
			"de", "Jewgeni Samjatin"),
		person("ulitskaya", "en", "Lyudmila Ulitskaya", "ru", "Людмила Улицкая", "uk", "Людмила Улицька"),
		person("prokhasko", "en", "Taras Prokhasko", "uk", "Тарас Прохасько", "ru", "Тарас Прохасько"),
		person("kostenko", "en", "Lina Kostenko", "uk", "Ліна Костенко", "de", "Lina Kostenko"),
		person("boll", "de", "Heinrich Böll", "en", "Heinrich Böll", "ru", "Генрих Бёлль"),
		person("marquez", "en", "Gabriel García Márquez", "ru", "Габриэль Гарсиа Маркес"),
		person("pelevin", "ru", "Пелевин", "en", "Victor Pelevin"),
		{Key: "pryluky", Type: "place", Terms: []Term{{Lang: "en", Form: "Pryluky", Status: Preferred},
			{Lang: "uk", Form: "Прилуки", Status: Preferred}, {Lang: "ru", Form: "Прилуки", Status: Preferred}}},
	}
	sorokin := person("sorokin", "en", "Vladimir Sorokin", "ru", "Владимир Сорокин")
	sorokin.Terms = append(sorokin.Terms, Term{Lang: "en", Form: "Vladimir Georgievich Sorokin", Status: Admitted},
		Term{Lang: "en", Form: "Wladimir Sorokine", Status: Deprecated})
	entries = append(entries, sorokin)
	entries = append(entries, benchEntries(3000)...)
	return append(entries, entriesFromNames(namestest.Names(3000, 11))...)
}

// recordGivenSummary is givenSummary with a view of its own.
func recordGivenSummary(rec []byte) uint64 {
	var v recordView
	return v.givenSummary(rec)
}

// nearWord is w after edits random edits (insertion, deletion,
// substitution, transposition of neighbours), so at most edits from w.
func nearWord(r *rand.Rand, w []byte, edits int) string {
	x := []byte(string(w))
	letters := "abcdefghijklmnopqrstuvwxyz'-" + string(w)
	for range edits {
		i := r.IntN(len(x) + 1)
		switch op := r.IntN(4); {
		case op == 0 || len(x) == 0:
			x = append(x[:i], append([]byte{letters[r.IntN(len(letters))]}, x[i:]...)...)
		case op == 1 && i < len(x):
			x = append(x[:i], x[i+1:]...)
		case op == 2 && i < len(x):
			x[i] = letters[r.IntN(len(letters))]
		case i+1 < len(x):
			x[i], x[i+1] = x[i+1], x[i]
		}
	}
	return string(x)
}

// Every word zero to maxWordDist edits from a variant of a record's given
// names passes that record's posting, in every language; a record that a
// language compares through slotView passes whatever the word.
func TestGivenFilterKeepsEveryNearWord(t *testing.T) {
	entries := givenFilterGlossary()
	f := NewFuzzy(entries)
	r := rand.New(rand.NewPCG(16, 5))
	langs := []string{"en", "ru", "uk", "de"}
	var rv recordView
	checked, ruledOut := 0, 0
	for i := range entries {
		rec := f.records[f.recOff[i]:]
		post := recordGivenSummary(rec)
		for _, lang := range langs {
			rv.parse(rec, lang)
			if rv.needsLive() && !newGivenFilter("", lang).passes(post) {
				t.Fatalf("%s in %s: compared through slotView, but a word may rule it out", entries[i].Key, lang)
			}
		}
		rv.parse(rec, "")
		var variants []string
		for x := range rv.givenVariants() {
			variants = append(variants, string(x))
		}
		for _, x := range variants {
			for edits := range maxWordDist + 1 {
				for range 4 {
					w := nearWord(r, []byte(x), edits)
					for _, lang := range langs {
						checked++
						if !newGivenFilter(w, lang).passes(post) {
							t.Fatalf("%s: %q, %d edits from the given-name variant %q, is ruled out in %s",
								entries[i].Key, w, edits, x, lang)
						}
					}
				}
			}
		}
		// Another entry's given name: most are far, and the filter must
		// rule some out, or it is no filter.
		if other := strings.Fields(entries[(i*7+3)%len(entries)].Terms[0].Form); len(other) >= 2 &&
			!newGivenFilter(FoldName(other[0]), "en").passes(post) {
			ruledOut++
		}
	}
	if checked == 0 || ruledOut < len(entries)/4 {
		t.Errorf("%d words checked; other entries' given names ruled out for %d of %d records", checked, ruledOut, len(entries))
	}
}

// The filter changes no outcome: runs near the glossary's names, in four
// languages, match the same entries with the posting bits and without.
func TestGivenFilterKeepsEveryMatch(t *testing.T) {
	entries := givenFilterGlossary()
	f, plain := NewFuzzy(entries), NewFuzzy(entries)
	for i := range plain.posts {
		plain.posts[i] &= postingMask
	}
	r := rand.New(rand.NewPCG(16, 6))
	ruledOut := 0
	for i, e := range entries {
		if i%3 != 0 && i > 20 {
			continue
		}
		for _, term := range e.Terms {
			words := strings.Fields(term.Form)
			if len(words) < 2 {
				continue
			}
			first := nearWord(r, []byte(words[0]), r.IntN(3))
			last := nearWord(r, []byte(words[len(words)-1]), r.IntN(2))
			if first == "" || last == "" {
				continue
			}
			run := capitalize(first, false) + " " + capitalize(last, false)
			for _, lang := range []string{"en", "ru", "uk", "de"} {
				got, want := f.match(run, lang, false, 0), plain.match(run, lang, false, 0)
				got.touched, want.touched = 0, 0
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%q in %s: %+v with the filter, %+v without", run, lang, got, want)
				}
				k := len(nameWords(FoldName(run)))
				if k >= 2 && len(f.runCandidates(nil, false, k, newGivenFilter(FoldName(first), lang), FoldName(last))) <
					len(plain.runCandidates(nil, false, k, givenFilter{}, FoldName(last))) {
					ruledOut++
				}
			}
		}
	}
	if ruledOut == 0 {
		t.Error("the filter ruled out no candidate")
	}
}

// A run of two words whose filter rules out the one-word records
// (rulesOutOneWord) gets no candidate that wordClasses.mayHave rules out:
// its candidates are those the class filter would leave.
func TestGivenFilterRulesOutOneWordRecords(t *testing.T) {
	entries := append(givenFilterGlossary(),
		person("bulgakov", "ru", "Булгаков", "en", "Bulgakov"),
		Entry{Key: "tsyurupynsk", Type: "place", Terms: []Term{{Lang: "uk", Form: "Цюрупинськ", Status: Preferred},
			{Lang: "en", Form: "Tsiurupynsk", Status: Preferred}}},
		Entry{Key: "vyshhorod", Type: "place", Terms: []Term{{Lang: "uk", Form: "Вишгород", Status: Preferred},
			{Lang: "ru", Form: "Вышгород", Status: Preferred}, {Lang: "de", Form: "Wyschhorod", Status: Preferred}}})
	f := NewFuzzy(entries)
	r := rand.New(rand.NewPCG(16, 7))
	oneWord, checked, skipped := 0, 0, 0
	for i := range entries {
		if !f.classes.mayHave(f.recOff[i], 2) {
			oneWord++
		}
	}
	for i, e := range entries {
		if i%5 != 0 && i > 20 && i < len(entries)-3 {
			continue
		}
		for _, term := range e.Terms {
			words := strings.Fields(term.Form)
			first := nearWord(r, []byte(FoldName(words[0])), r.IntN(3))
			last := nearWord(r, []byte(FoldName(words[len(words)-1])), r.IntN(2))
			for _, lang := range []string{"en", "ru", "uk", "de"} {
				g := newGivenFilter(first, lang)
				if !g.rulesOutOneWord() {
					continue
				}
				skipped++
				for _, off := range f.runCandidates(nil, false, 2, g, last) {
					checked++
					if !f.classes.mayHave(off, 2) {
						t.Fatalf("%q %q in %s: a record without a two-word term is a candidate", first, last, lang)
					}
				}
			}
		}
	}
	if oneWord == 0 || checked == 0 || skipped == 0 {
		t.Errorf("%d one-word records, %d runs skip the class filter, %d candidates checked", oneWord, skipped, checked)
	}
}
