package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Machine translation reads a short given name as the word of the source
// language it is spelled like, and translates it: Macedonian and Serbian
// "Си Џинпинг" comes out "Are Џинпинг", the given name Си read as the verb
// си (are). The word keeps the name's capital. Where a language capitalises
// only names and a sentence's first word, an ordinary word of the language,
// capitalised in mid-sentence right before the family name of a person the
// glossary names with two words or more, stands where the given name should
// be: the finding covers it and suggests the whole name. A title
// ("President") is capitalised there of right and is left alone; German
// capitalises every noun, so a capital proves nothing there. At the start
// of a sentence every word is capitalised: there the same word before the
// same name is taken only when the text has it in mid-sentence too.

// widenStandInGiven widens the hits of hits (from runs in another script)
// that suggest a family name alone over such a word before them; keep, when
// set, says which of them may widen, by where the word starts and the
// entry's whole form.
func (f *Fuzzy) widenStandInGiven(text, lang string, hits []Hit, keep func(start int, full string) bool) {
	if lang == "de" || isCyrillicLang(lang) {
		return
	}
	var seen map[string]bool // word + entry key met in mid-sentence
	var initial []int        // hits with a candidate word opening a sentence
	for i := range hits {
		word, start, full, ok := f.standInBefore(text, lang, hits[i])
		if !ok || keep != nil && !keep(start, full) {
			continue
		}
		if sentenceInitial(text, start) {
			initial = append(initial, i)
			continue
		}
		if seen == nil {
			seen = make(map[string]bool)
		}
		seen[strings.ToLower(word)+"\x00"+hits[i].EntryKey] = true
		widenHit(text, &hits[i], start, full)
	}
	for _, i := range initial {
		word, start, full, _ := f.standInBefore(text, lang, hits[i])
		if seen[strings.ToLower(word)+"\x00"+hits[i].EntryKey] {
			widenHit(text, &hits[i], start, full)
		}
	}
}

// standInBefore returns the capitalised ordinary word right before h that
// may stand for the given name of h's entry, where it starts, and the
// entry's whole form in lang.
func (f *Fuzzy) standInBefore(text, lang string, h Hit) (word string, start int, full string, ok bool) {
	if h.EntryType != "person" || strings.Contains(h.Suggestion, " ") {
		return "", 0, "", false
	}
	full = h.Entry
	words := strings.Fields(full)
	if len(words) < 2 || FoldName(words[len(words)-1]) != FoldName(h.Suggestion) {
		return "", 0, "", false
	}
	word, gap, start := wordBefore(text, h.Start)
	if word == "" || strings.Trim(gap, " \u00a0") != "" {
		return "", 0, "", false
	}
	first, _ := utf8.DecodeRuneInString(word)
	lower := strings.ToLower(word)
	if !unicode.IsUpper(first) || IsCyrillic(word) || FoldName(word) == FoldName(words[0]) ||
		!isOrdinaryWord(lang, word) || wordsFor(lang).isTitle(lower) {
		return "", 0, "", false
	}
	return word, start, full, true
}

// widenHit makes h start at start and suggest the whole name.
func widenHit(text string, h *Hit, start int, full string) {
	h.Start, h.Text, h.Suggestion = start, text[start:h.End], full
}
