package names

import (
	"strings"
	"unicode/utf8"
)

// The Ukrainian possessive adjective of a family name in -о or a consonant
// (Лукашенків, Шевченків, Путінів: "Lukashenko's") is right before the noun
// it modifies ("Лукашенків режим") and a wrong form where the name itself
// is meant, as MT from Russian, which has no such adjective for these
// names, writes it ("Олександр Лукашенків заявив"). It is also the genitive
// plural, the family ("родина Лукашенків", "у Лукашенків"). So it is taken
// for the name only where neither reading fits:
//   - the person's given name stands before it; or
//   - it opens a clause, follows a verb's infinitive, or is joined by і, й,
//     та to a name before it, and the next word is none that a masculine
//     adjective in the nominative could modify: not a noun ending in a
//     consonant, -ь, -й or -о, but a verb (a vowel ending, a past tense in
//     -ив, -ав, -ув, -яв) or an instrumental (-ом, -ем, -єм), or nothing.
// An instrumental after it makes the pattern "визнати, назвати кого ким":
// the name is the object, and the suggestion is its accusative.

// possessivesAsNames returns a hit for each possessive adjective of a
// glossary person's family name that stands for the name in a Ukrainian
// text.
func (f *Fuzzy) possessivesAsNames(text, lang string, toks []fzToken) []Hit {
	if lang != "uk" {
		return nil
	}
	var hits []Hit
	for j, t := range toks {
		w := text[t.start:t.end]
		if !t.capital || t.known >= 0 || !hasSuffixFold(w, "ів") || utf8.RuneCountInString(w) < 5 || !IsCyrillic(w) {
			continue
		}
		given, opens := f.possessiveBefore(text, toks, j)
		next := possessiveNext(text, toks, j)
		if given == "" && (!opens || next == nextMayAgree) {
			continue
		}
		if h, ok := f.possessiveAsName(w, given, next); ok {
			h.Start, h.End = t.start, t.end
			hits = append(hits, h)
		}
	}
	return hits
}

// possessiveAsName judges one possessive w, with the capitalised word
// before it (given, or "").
func (f *Fuzzy) possessiveAsName(w, given string, next nextWord) (Hit, bool) {
	stem := w[:len(w)-len("ів")]
	for _, family := range [...]string{stem + "о", stem} {
		r := f.matchRunAs(family, "uk", false, confGenerated, false, true)
		if r.verdict != verdictRight {
			continue
		}
		for _, idx := range r.entries {
			e := f.entry(idx)
			form := strings.Fields(e.Preferred("uk"))
			if e.Type() != "person" || len(form) < 2 || cyrFold(form[len(form)-1]) != cyrFold(family) {
				continue
			}
			if given != "" && f.matchRunAs(given+" "+family, "uk", false, 0, false, true).verdict != verdictRight {
				continue // "Родина Лукашенків", "У Лукашенків": no given name of his
			}
			h := f.hitFor(idx, family, "uk", 1, confSpelling)
			h.Text, h.Suggestion = w, family
			if next == nextInstrumental {
				h.Suggestion = accusativeOf(family, entryGender(e))
			}
			return h, true
		}
	}
	return Hit{}, false
}

// nextWord classifies the word after a possessive adjective.
type nextWord uint8

const (
	nextMayAgree     nextWord = iota // a masculine noun it may modify, or a name
	nextNoNoun                       // the clause ends, or a verb follows
	nextInstrumental                 // a noun in the instrumental
)

// possessiveNext classifies the word after toks[j].
func possessiveNext(text string, toks []fzToken, j int) nextWord {
	if j+1 == len(toks) || !toks[j+1].joinPrev {
		return nextNoNoun
	}
	t := toks[j+1]
	if t.capital || t.known >= 0 {
		return nextMayAgree
	}
	w := strings.ToLower(text[t.start:t.end])
	last, _ := utf8.DecodeLastRuneInString(w)
	switch {
	case hasSuffixFold(w, "ом") || hasSuffixFold(w, "ем") || hasSuffixFold(w, "єм"):
		return nextInstrumental
	case strings.ContainsRune("аяеєиіїую", last):
		return nextNoNoun
	}
	for _, past := range [...]string{"ив", "ав", "ув", "яв"} {
		if hasSuffixFold(w, past) {
			return nextNoNoun
		}
	}
	return nextMayAgree
}

// possessiveBefore returns the capitalised word right before toks[j], and
// whether toks[j] opens a clause, follows an infinitive, or is joined to a
// name by a conjunction: a word with a capital in mid-sentence, or one the
// glossary reads as a name, right or wrong ("Путин", though "путин" is a
// word).
func (f *Fuzzy) possessiveBefore(text string, toks []fzToken, j int) (given string, opens bool) {
	if j == 0 || !toks[j].joinPrev {
		return "", true
	}
	p := toks[j-1]
	w := text[p.start:p.end]
	switch {
	case p.capital && isWordNotName(text, p):
		return "", false // "У Лукашенків", "Родина Лукашенків": a word, no given name
	case p.capital:
		return w, false
	case w == "і" || w == "й" || w == "та":
		if j < 2 || !toks[j-1].joinPrev || !toks[j-2].capital {
			return "", false
		}
		q := text[toks[j-2].start:toks[j-2].end]
		return "", !isWordNotName(text, toks[j-2]) || f.isGlossaryName(q)
	}
	return "", hasSuffixFold(w, "ти") || hasSuffixFold(w, "ть")
}

// accusativeOf is a person's family name in the accusative, or the name
// itself when the tables give none.
func accusativeOf(family string, g gender) string {
	for _, lf := range labelledCaseForms(family, "uk", roleFamily, g) {
		if lf.cases&caseAcc != 0 && lf.form != family {
			return lf.form
		}
	}
	return family
}

// isWordNotName reports a capitalised token that is a Ukrainian word with
// a sentence's capital ("Тренер і", "У Лукашенків"); in mid-sentence a
// capital makes a name ("Путин", though "путин" is a word).
func isWordNotName(text string, t fzToken) bool {
	return sentenceInitial(text, t.start) && isOrdinaryWord("uk", text[t.start:t.end])
}

// isGlossaryName reports a word the glossary takes for a name, right or a
// strong wrong form.
func (f *Fuzzy) isGlossaryName(w string) bool {
	v := f.matchRunAs(w, "uk", false, confGenerated, false, true).verdict
	return v == verdictRight || v == verdictHit
}
