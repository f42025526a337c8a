package names

import (
	"strings"
	"unicode/utf8"
)

// Ukrainian addresses a person in the vocative (Юліє, Михайле, Олександре),
// which Russian lacks: MT from Russian leaves the Russian given name in the
// nominative where the text speaks to the person («Юлия, дякуємо вам»,
// "Пане Михаил, коли..."). A capitalised word alone in an address — after
// an opening quote or an address word (пане, пані, шановний...) and before
// a comma or an exclamation mark — that is the Russian given name of
// entries which all have one Ukrainian given name is that name, and the
// suggestion is its vocative.

// addressWords are the words before a name in direct address.
var addressWords = [...]string{"пане", "пані", "шановний", "шановна", "дорогий", "дорога", "друже"}

// russianGivenInAddress returns the hits of Russian given names left in
// the nominative in a Ukrainian address.
func (f *Fuzzy) russianGivenInAddress(text, lang string, toks []fzToken) []Hit {
	if lang != "uk" {
		return nil
	}
	var hits []Hit
	for _, t := range toks {
		if !t.capital || t.known >= 0 || t.end >= len(text) || (text[t.end] != ',' && text[t.end] != '!') || !inAddress(text, t.start) {
			continue
		}
		word := text[t.start:t.end]
		given, idx, ok := f.ukGivenOfRussian(text, word)
		if !ok {
			continue
		}
		voc, ok := ukVocative(given)
		if !ok || voc == word {
			continue
		}
		e := f.entry(idx)
		hits = append(hits, Hit{
			Start: t.start, End: t.end, Text: word,
			Status: Deprecated, Check: CheckFuzzy, Suggestion: voc,
			Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
		})
	}
	return hits
}

// inAddress reports whether the word at byte start follows an opening
// quote or an address word.
func inAddress(text string, start int) bool {
	before := strings.TrimRight(text[:start], " ")
	if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune("«„“\"", r) {
		return true
	}
	lw := strings.ToLower(before[wordStartBefore(before, len(before)):])
	for _, a := range addressWords {
		if lw == a {
			return true
		}
	}
	return false
}

// ukGivenOfRussian is the one Ukrainian given name of the entries whose
// Russian right forms have word as their given name, and one such entry.
// Entries that disagree (Михаил is Михайло Федоров's and Міхеїл
// Саакашвілі's) are narrowed to those whose Ukrainian family name the text
// holds, in some case. A word that is the Ukrainian given name itself is
// none (Роман, Олег).
func (f *Fuzzy) ukGivenOfRussian(text, word string) (string, int32, bool) {
	type cand struct {
		given     string
		idx       int32
		mentioned bool
	}
	var cands []cand
	for _, el := range f.rightEntries("ru", FoldName(word)) {
		src := f.entry(int32(el & entryMask))
		if src.Type() != "person" || formSlots(src, "ru", FoldName(word))&slotGiven == 0 {
			continue
		}
		idx, ok := f.withCyrillicForm(int32(el&entryMask), "uk")
		if !ok {
			continue
		}
		words := strings.Fields(preferredCyrillic(f.entry(idx), "uk"))
		if len(words) < 2 || words[0] == word {
			return "", 0, false
		}
		family := []rune(words[len(words)-1])
		cands = append(cands, cand{words[0], idx, len(family) > 4 && strings.Contains(text, string(family[:len(family)-1]))})
	}
	for _, onlyMentioned := range [...]bool{false, true} {
		given, found := "", int32(-1)
		for _, c := range cands {
			if onlyMentioned && !c.mentioned {
				continue
			}
			if given != "" && c.given != given {
				found = -2
				break
			}
			given, found = c.given, c.idx
		}
		if found >= 0 {
			return given, found, true
		}
	}
	return "", 0, false
}

// ukVocative is the vocative of a Ukrainian given name: -о and a hard
// consonant take -е (Михайле, Олександре), -а takes -о (Олено), -ія -іє
// (Юліє), -й -ю (Андрію), -к -ку (Марку) and -г -же (Олеже); a name of
// another ending is not guessed.
func ukVocative(name string) (string, bool) {
	r := []rune(name)
	if len(r) < 3 {
		return "", false
	}
	stem, last := string(r[:len(r)-1]), r[len(r)-1]
	switch {
	case strings.HasSuffix(name, "ія"):
		return stem + "є", true
	case last == 'о':
		return stem + "е", true
	case last == 'а':
		return stem + "о", true
	case last == 'й':
		return stem + "ю", true
	case last == 'к':
		return name + "у", true
	case last == 'г':
		return stem + "же", true
	case strings.ContainsRune("бвдзлмнпрстфхцчшщж", last):
		return name + "е", true
	}
	return "", false
}
