package names

import "strings"

// English writes the sounds of Gaj's č, ć, š, ž and đ with ch, sh, zh and j
// or dj (Đoković is Djokovic, Šaron is Sharon). A name MT left in Serbian
// Latin letters, read so, is often the English right form itself:
// "Đoković" is Djokovic, "Šaronom" Sharon's instrumental. A word with
// one of those letters that, read the English way and with a Serbian case
// ending or not, is the given or family name of an entry's English right
// form is that name left in Serbian letters; unlike the Gaj reading of the
// glossary's Serbian forms (fuzzy_gaj_latin.go), it needs none.

// gajEntries is gajRightEntries where the glossary has Serbian or
// Macedonian forms, else (or failing it) gajEnglishEntries.
func (f *Fuzzy) gajEntries(word, lang string) map[int32]nameSlots {
	if f.hasGajForms() {
		if found := f.gajRightEntries(word, lang); len(found) > 0 {
			return found
		}
	}
	return f.gajEnglishEntries(word, lang)
}

// gajLetters are the letters that mark a word as written in Gaj's alphabet
// and that English spells otherwise.
const gajLetters = "čćšžđČĆŠŽĐ"

// gajEnglishEntries returns the entries of which word, read the English
// way, is a right form in lang (English only) or its given or family name,
// with the slots it fills.
func (f *Fuzzy) gajEnglishEntries(word, lang string) map[int32]nameSlots {
	if !isEnglish(lang) || !strings.ContainsAny(word, gajLetters) || strings.Count(strings.ToLower(word), "đ") > 2 {
		return nil
	}
	if len(f.rightEntries(lang, FoldName(word))) > 0 {
		return nil
	}
	stems := []string{word}
	// The case endings of gajRightEntries, longest first.
	for _, end := range [...]string{"ovom", "ovu", "ove", "ova", "om", "em", "u", "a", "e", "i"} {
		if stem, ok := strings.CutSuffix(word, end); ok && len([]rune(stem)) >= 4 {
			stems = append(stems, stem, stem+"a")
		}
	}
	for _, stem := range stems {
		for _, reading := range englishReadings(stem) {
			folded := FoldName(reading)
			var found map[int32]nameSlots
			found = f.addFormSlots(found, f.rightEntries(lang, folded), lang, folded, lang)
			if len(found) > 0 {
				return found
			}
		}
	}
	return nil
}

// englishReadings spells w's Gaj letters the English way: č and ć as ch,
// š as sh, ž as zh, dž as j, or with their marks dropped as English
// spellings of Serbian names do (Vucic, Djokovic), and đ as j or dj.
func englishReadings(w string) []string {
	digraphs := strings.NewReplacer("dž", "j", "Dž", "J", "DŽ", "J", "č", "ch", "ć", "ch", "š", "sh", "ž", "zh",
		"Č", "Ch", "Ć", "Ch", "Š", "Sh", "Ž", "Zh").Replace(w)
	var out []string
	for _, base := range [...]string{digraphs, w} {
		out = append(out, strings.NewReplacer("đ", "j", "Đ", "J").Replace(base))
		if strings.ContainsAny(base, "đĐ") {
			out = append(out, strings.NewReplacer("đ", "dj", "Đ", "Dj").Replace(base))
		}
	}
	return out
}
