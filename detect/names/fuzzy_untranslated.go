package names

import "slices"

// A name in Latin script is often carried into a text of another language
// as that language's neighbour writes it: the English "Netanyahu" in a
// German text where German writes Netanjahu, "Erdogan" where it writes
// Erdoğan, "Brussels" for Brüssel. When the run is, letter for letter and
// accent for accent, a right form of the entry in another language while
// the entry has a form of its own in the text's language, the run is that
// form left untranslated: as sure as a Cyrillic run spelled the other
// language's way (spelledElsewhere), and sure enough for a lone word. A
// lexicon that lists the name ("Netanyahu" is in the German word list) does
// not make it a word of the language, as long as the text names the person
// elsewhere (untranslatedLone).

// untranslated returns the entries of idxs that have a right form in lang
// and the run's script and another right form, in another language, that
// spells words exactly as that language spells it (its family name alone for
// a single word).
func (f *Fuzzy) untranslated(lang string, words []string, idxs []int32) []int32 {
	var sure []int32
	for _, idx := range idxs {
		e := f.entry(idx)
		if !hasLatinForm(e, lang) {
			continue
		}
		var raw [8]string
		for _, t := range e.Terms() {
			if t.Lang == lang || (t.Status != Preferred && t.Status != Admitted) || IsCyrillic(t.Form) {
				continue
			}
			if (speller{lang: t.Lang, g: entryGender(e)}).spelledForm(appendRawNameWords(raw[:0], t.Form), words) {
				sure = append(sure, idx)
				break
			}
		}
	}
	return sure
}

// hasLatinForm reports whether e has a right form in lang written in Latin
// script: only then is another language's form no form of the text's.
func hasLatinForm(e entryRef, lang string) bool {
	for _, t := range e.Terms() {
		if t.Lang == lang && (t.Status == Preferred || t.Status == Admitted) && !IsCyrillic(t.Form) {
			return true
		}
	}
	return false
}

// untranslatedLone is the hit of a lone word that the language's lexicon
// lists (isLoneWord) but that spells another language's form of an entry
// of f, the small index of the entries the text mentions: "Netanyahu" in a
// German text that names Netanjahu. The whole glossary is not asked: a
// lexicon word is judged against the people the text is about.
func (f *Fuzzy) untranslatedLone(run, lang string) (runResult, bool) {
	if !f.mentionedOnly || IsCyrillic(run) || !latinSpellingLang(lang) {
		return runResult{}, false
	}
	var raw [2]string
	words := appendRawNameWords(raw[:0], trimPossessive(run))
	if len(words) != 1 {
		return runResult{}, false
	}
	// The other language's form is a family name of the entry, keyed in
	// the index like every term's: its key finds the entry.
	var idxs []int32
	var rv recordView
	var buf [16]uint32
	for _, off := range f.candidates(buf[:0], false, FoldName(words[0])) {
		rv.parse(f.records[off:], lang)
		if !slices.Contains(idxs, rv.idx) {
			idxs = append(idxs, rv.idx)
		}
	}
	sure := f.untranslated(lang, words, idxs)
	if len(sure) == 0 {
		return runResult{}, false
	}
	return runResult{verdict: verdictHit, entries: sure, conf: confSpelling, words: 1}, true
}

// untranslatedWhole reports whether run is, as a whole, another language's
// form of the entry keyed key: "Brussels" in a German text is the English
// name, not a German genitive of a mangled Brüssel (inGermanCase).
func (f *Fuzzy) untranslatedWhole(run, lang, key string) bool {
	words := appendRawNameWords(nil, trimPossessive(run))
	for _, el := range f.entriesWithKey(key) {
		idx := int32(el & entryMask)
		if f.entry(idx).Key() == key && len(f.untranslated(lang, words, []int32{idx})) > 0 {
			return true
		}
	}
	return false
}
