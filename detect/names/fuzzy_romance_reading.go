package names

import (
	"strings"
	"unicode"
)

// Romanian and Italian read c and g before e and i as ч and дж (Ciolacu is
// Чолаку, Georgescu Джорджеску, Giorgia Джорджа), ea as я, ă as е, and the
// Ukrainian form of such a name follows that reading. MT and hurried
// writers read the Latin letters one by one instead, the English or the
// German way: "Марсел Сіолаку", "Рецеан", "Калін Георгеску". A capitalised
// Ukrainian word that no right form of the language holds and that, read
// back letter by letter into Latin letters, is a word of an entry's
// Latin-script right form with one of those letters (c or g before e or i,
// ă, â, î, ș, ț) is that word so misread. The run of such words, or of them
// and the entry's right Ukrainian words, one entry together, is the entry's
// name; the suggestion is the entry's Ukrainian form for the slots it
// fills. Only the nominative is read: a case ending would have to be
// guessed on top of the reading.

// romanceLatinLangs are the languages whose right forms a reading is
// looked up in.
var romanceLatinLangs = [...]string{"en", "de", "fr", "it", "ro", "es"}

// romanceReadingNames returns the hits of Ukrainian runs that read the
// Latin form of an entry letter by letter.
func (f *Fuzzy) romanceReadingNames(text, lang string, toks []fzToken) []Hit {
	if lang != "uk" {
		return nil
	}
	var hits []Hit
	for i := 0; i < len(toks); i++ {
		beforeName := i+1 < len(toks) && toks[i+1].capital && text[toks[i].end:toks[i+1].start] == " "
		idx, slots, wrong, ok := f.romanceWord(text, lang, toks[i], beforeName)
		if !ok {
			continue
		}
		j := i + 1
		if slots&slotGiven != 0 && j < len(toks) && text[toks[i].end:toks[j].start] == " " {
			if idx2, s2, w2, ok2 := f.romanceWord(text, lang, toks[j], false); ok2 && idx2 == idx && s2&slotFamily != 0 && (wrong || w2) {
				slots, wrong, j = slotGiven|slotFamily, true, j+1
			}
		}
		if !wrong || slots&slotFamily == 0 {
			continue // a given name alone is too weak, a right one no error
		}
		if j == i+1 {
			slots = slotFamily
		}
		sugg, ok := romanceSuggestion(preferredCyrillic(f.entry(idx), lang), slots)
		if !ok {
			continue
		}
		e := f.entry(idx)
		hits = append(hits, Hit{
			Start: toks[i].start, End: toks[j-1].end, Text: text[toks[i].start:toks[j-1].end],
			Status: Deprecated, Check: CheckFuzzy, Suggestion: sugg,
			Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
		})
		i = j - 1
	}
	return hits
}

// romanceWord says which entry (with a form in lang) tok names and in which
// slots, and whether it is a misreading (or else the entry's right word).
// A word of the language is read only before another capitalised word,
// as a given name: most are a sentence's first word.
func (f *Fuzzy) romanceWord(text, lang string, tok fzToken, beforeName bool) (int32, nameSlots, bool, bool) {
	word := text[tok.start:tok.end]
	if !tok.capital || !IsCyrillic(word) || len([]rune(word)) < 4 || strings.Contains(word, "-") {
		return 0, 0, false, false
	}
	if els := f.rightEntries(lang, FoldName(word)); len(els) > 0 {
		for _, el := range els {
			idx := int32(el & entryMask)
			if s := formSlots(f.entry(idx), lang, FoldName(word)); s != 0 {
				return idx, s, false, true
			}
		}
		return 0, 0, false, false
	}
	if tok.known >= 0 {
		return 0, 0, false, false
	}
	// The lexicon holds given names (Сесілія): a word of the language may
	// stand for a given name, which never makes a hit alone, not for a
	// family name.
	langWord := isLanguageWord(lang, word)
	if langWord && !beforeName {
		return 0, 0, false, false
	}
	for _, reading := range latinReadings(word) {
		for _, l := range romanceLatinLangs {
			for _, el := range f.rightEntries(l, reading) {
				src := f.entry(int32(el & entryMask))
				s := formSlots(src, l, reading)
				if langWord {
					s &= slotGiven
				}
				if s == 0 || s&slotWhole != 0 || !hasRomanceLetters(src, l, reading) {
					continue
				}
				idx, ok := f.withCyrillicForm(int32(el&entryMask), lang)
				if !ok {
					continue
				}
				return idx, s, true, true
			}
		}
	}
	return 0, 0, false, false
}

// withCyrillicForm is the entry of idx's key that has a Cyrillic preferred
// form in lang.
func (f *Fuzzy) withCyrillicForm(idx int32, lang string) (int32, bool) {
	if preferredCyrillic(f.entry(idx), lang) != "" {
		return idx, true
	}
	key := f.entry(idx).Key()
	for _, el := range f.entriesWithKey(key) {
		if o := int32(el & entryMask); f.entry(o).Key() == key && preferredCyrillic(f.entry(o), lang) != "" {
			return o, true
		}
	}
	return 0, false
}

// romanceSuggestion is the words of form that slots stand for.
func romanceSuggestion(form string, slots nameSlots) (string, bool) {
	words := strings.Fields(form)
	switch {
	case len(words) < 2:
		return form, form != ""
	case slots == slotGiven|slotFamily:
		return words[0] + " " + words[len(words)-1], true
	default:
		return words[len(words)-1], true
	}
}

// hasRomanceLetters reports whether the word of e's right forms in l that
// folds to folded has a letter a Romance language reads otherwise than
// letter by letter.
func hasRomanceLetters(e entryRef, l, folded string) bool {
	for _, t := range e.Terms() {
		if t.Lang != l || !isRight(t.Status) {
			continue
		}
		for _, w := range strings.Fields(t.Form) {
			if FoldName(w) != folded {
				continue
			}
			lw := []rune(strings.ToLower(w))
			for k, r := range lw {
				if strings.ContainsRune("ăâîșşțţ", r) {
					return true
				}
				if (r == 'c' || r == 'g') && k+1 < len(lw) && (lw[k+1] == 'e' || lw[k+1] == 'i') {
					return true
				}
			}
		}
	}
	return false
}

// latinLetters are the Latin letters a Ukrainian letter stands for when a
// Latin name is read letter by letter; дж (for g or j) is read first.
var latinLetters = map[rune][]string{
	'а': {"a"}, 'б': {"b"}, 'в': {"v"}, 'г': {"g", "h"}, 'ґ': {"g"}, 'д': {"d"}, 'е': {"e"}, 'є': {"ie"},
	'ж': {"j"}, 'з': {"z"}, 'и': {"i", "y"}, 'і': {"i"}, 'ї': {"i"}, 'й': {"i", "y"}, 'к': {"c", "k"},
	'л': {"l"}, 'м': {"m"}, 'н': {"n"}, 'о': {"o"}, 'п': {"p"}, 'р': {"r"}, 'с': {"s", "c"}, 'т': {"t"},
	'у': {"u"}, 'ф': {"f"}, 'х': {"h"}, 'ц': {"c", "t", "z"}, 'ч': {"c"}, 'ш': {"s"}, 'ь': {""},
	'ю': {"iu"}, 'я': {"ia"},
}

// maxLatinReadings bounds the readings of one word (two choices at each of
// up to eight letters).
const maxLatinReadings = 256

// latinReadings returns the folded Latin spellings word reads as letter
// by letter, or nil for a word with a letter outside latinLetters.
func latinReadings(word string) []string {
	out := []string{""}
	r := []rune(strings.ToLower(word))
	for k := 0; k < len(r); k++ {
		alts, ok := latinLetters[r[k]]
		if k > 0 && strings.ContainsRune("іий", r[k-1]) && strings.ContainsRune("яює", r[k]) {
			alts = []string{alts[len(alts)-1][1:]} // ія is ia, not iia
		}
		if r[k] == 'д' && k+1 < len(r) && r[k+1] == 'ж' {
			alts, ok = []string{"g", "j"}, true
			k++
		}
		if !ok || !unicode.IsLetter(r[k]) {
			return nil
		}
		if len(out)*len(alts) > maxLatinReadings {
			return nil
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, p := range out {
			for _, a := range alts {
				next = append(next, p+a)
			}
		}
		out = next
	}
	return out
}
