package names

import (
	"fmt"
	"testing"
)

// TestWordClassesRuleOutNoMatch checks that a candidate runCandidates
// leaves out for a run's word count is one the comparison rejects: for runs of two to four words against
// entries of one to five words (particles, patronymics, Cyrillic and
// Latin forms, one-word forms beside longer ones), every dropped record
// scores verdictNone in every language, the classes drop some, and
// runCandidates keeps every other candidate.
func TestWordClassesRuleOutNoMatch(t *testing.T) {
	entries := seedFuzzyGlossary(t)
	entries = append(entries,
		person("one", "en", "Madonna", "ru", "Мадонна"),
		person("lula", "en", "Luiz Inácio Lula da Silva", "pt", "Luiz Inácio Lula da Silva"),
		person("mixed", "en", "Sting", "ru", "Гордон Мэттью Самнер"),
		person("three", "en", "Vladimir Vladimirovich Putin", "ru", "Владимир Владимирович Путин"),
		person("four", "en", "Anna Maria Louisa Petrova", "ru", "Анна Мария Луиза Петрова"),
		person("five", "en", "Jean Paul Andre Marie Petrov"),
		person("vdl", "en", "Ursula von der Leyen", "de", "Ursula von der Leyen"),
		Entry{Key: "org", Type: "organization", Terms: []Term{{Lang: "en", Form: "Petrov", Status: Preferred}}},
	)
	for i := range 300 {
		words := []string{"Petrov"}
		for w := range i % 5 {
			words = append([]string{fmt.Sprintf("Al%cx", 'a'+w+i%7)}, words...)
		}
		form := ""
		for j, w := range words {
			if j > 0 {
				form += " "
			}
			form += w
		}
		entries = append(entries, person(fmt.Sprint("gen", i), "en", form))
	}
	f := NewFuzzy(entries)
	runs := []string{
		"Said Petrov", "Anna Petrov", "Anna Maria Petrova", "Anna Maria Louisa Petrova",
		"Of Anna Maria Petrova", "Vladimir Vladimirovich Putin", "Said Vladimir Putin",
		"Alax Alb Petrov", "Alax Albx Alcx Petrov", "Gordon Samner", "Luiz Lula da Silva",
		"Ursula von der Lyayen", "Jean Paul Andre Petrov", "Владимир Владимирович Путин",
	}
	dropped := 0
	for _, run := range runs {
		words := nameWords(FoldName(run))
		k := len(words)
		cands := f.candidates(nil, false, words[k-1])
		kept := f.runCandidates(nil, false, k, givenFilter{}, words[k-1])
		for _, off := range cands {
			if contains32(kept, off) {
				continue
			}
			if f.classes.mayHave(off, k) {
				t.Errorf("%q: a candidate of its word count is left out", run)
			}
			dropped++
			for _, lang := range []string{"en", "ru", "uk", "de"} {
				var rv recordView
				var sv slotView
				rv.parse(f.records[off:], lang)
				e := f.entry(rv.idx)
				if _, v := scoreRecord(&rv, &sv, e, lang, words, false, 0); v != verdictNone {
					t.Errorf("%q (%s): dropped %s, which scores %v", run, lang, e.Key(), v)
				}
			}
		}
	}
	if dropped == 0 {
		t.Error("no candidate dropped: the test compares nothing")
	}
}

func contains32(list []uint32, x uint32) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
