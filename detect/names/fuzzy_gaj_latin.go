package names

import (
	"sync"
	"unicode/utf8"
)

// Serbian is written in two alphabets that map one to one: Cyrillic and
// Gaj's Latin (Мерц is Merc, Ђинпинг Đinping, Кијев Kijev, Ванг Ји Vang Ji).
// Machine translation from Serbian writes a name it does not know in the
// Latin alphabet, and a Macedonian name is spelled the same way in Latin
// letters but for ѓ, ќ and ѕ. A capitalised word of a text written in Latin
// script that is, letter for letter in Gaj's alphabet, the entry's Serbian
// or Macedonian form (or that form with a Serbian case ending: Đinpinga,
// Budimpeštu, Merkelovu) is that name left untranslated, when it is no right
// form in the text's language and no ordinary word of it. The suggestion is
// the entry's form in the text's language.

// gajCyrillic is the Serbian Cyrillic letter of each single Latin letter of
// Gaj's alphabet; q, w, x and y are not in it.
func gajCyrillic(r rune) rune {
	switch r {
	case 'a':
		return 'а'
	case 'b':
		return 'б'
	case 'c':
		return 'ц'
	case 'č':
		return 'ч'
	case 'ć':
		return 'ћ'
	case 'd':
		return 'д'
	case 'đ':
		return 'ђ'
	case 'e':
		return 'е'
	case 'f':
		return 'ф'
	case 'g':
		return 'г'
	case 'h':
		return 'х'
	case 'i':
		return 'и'
	case 'j':
		return 'ј'
	case 'k':
		return 'к'
	case 'l':
		return 'л'
	case 'm':
		return 'м'
	case 'n':
		return 'н'
	case 'o':
		return 'о'
	case 'p':
		return 'п'
	case 'r':
		return 'р'
	case 's':
		return 'с'
	case 'š':
		return 'ш'
	case 't':
		return 'т'
	case 'u':
		return 'у'
	case 'v':
		return 'в'
	case 'z':
		return 'з'
	case 'ž':
		return 'ж'
	}
	return 0
}

// appendGajCyrillic appends the Serbian Cyrillic spelling of the Latin word
// w (lowercase) to dst, reading the digraphs lj, nj and dž as one letter;
// false when w has a letter Gaj's alphabet lacks.
func appendGajCyrillic(dst []byte, w string) ([]byte, bool) {
	var prev rune
	for _, r := range w {
		r = latinLower(r)
		switch {
		case r == 'j' && prev == 'l':
			dst, prev = replaceLastRune(dst, 'љ'), 0
			continue
		case r == 'j' && prev == 'n':
			dst, prev = replaceLastRune(dst, 'њ'), 0
			continue
		case r == 'ž' && prev == 'd':
			dst, prev = replaceLastRune(dst, 'џ'), 0
			continue
		}
		c := gajCyrillic(r)
		if c == 0 {
			return dst, false
		}
		dst, prev = utf8.AppendRune(dst, c), r
	}
	return dst, true
}

// latinLower lowercases ASCII and the letters of Gaj's alphabet.
func latinLower(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r == 'Č', r == 'Ć', r == 'Š', r == 'Ž':
		return r + 1
	case r == 'Đ':
		return 'đ'
	}
	return r
}

// replaceLastRune replaces the last Cyrillic letter (two bytes) of dst.
func replaceLastRune(dst []byte, r rune) []byte {
	return utf8.AppendRune(dst[:len(dst)-2], r)
}

// gajRightEntries returns the entries whose Serbian or Macedonian right
// form, its given or its family name, the Latin word spells in Gaj's
// alphabet, itself or without a case ending, with the slots it fills; only
// entries with a form in lang in Latin script, and none when the word is a
// right form in lang or an ordinary word of it.
func (f *Fuzzy) gajRightEntries(word, lang string) map[int32]nameSlots {
	var buf, fold [64]byte
	cyr, ok := appendGajCyrillic(buf[:0], word)
	if !ok || len(cyr) < 4 {
		return nil
	}
	found := f.gajLookup(cyr, fold[:0], lang)
	// The case endings Serbian puts on a name, longest first; a name in
	// -a has it in the nominative (Budimpešta: Budimpeštu, Budimpešte).
	for _, end := range [...]string{"ovom", "ovu", "ove", "ova", "om", "em", "u", "a", "e", "i"} {
		if len(found) > 0 {
			break
		}
		stemEnd := len(cyr) - 2*len(end) // each ending letter is two bytes in Cyrillic
		if stemEnd < 6 || !endsWithGaj(word, end) {
			continue
		}
		found = f.gajLookup(cyr[:stemEnd], fold[:0], lang)
		if len(found) == 0 {
			found = f.gajLookup(append(cyr[:stemEnd:stemEnd], "а"...), fold[:0], lang)
		}
	}
	if len(found) == 0 || len(f.rightEntries(lang, FoldName(word))) > 0 || isOrdinaryWord(lang, word) {
		return nil
	}
	return found
}

// endsWithGaj reports whether w ends in the ASCII ending end, case aside.
func endsWithGaj(w, end string) bool {
	if len(w) < len(end) {
		return false
	}
	for i := range len(end) {
		if latinLower(rune(w[len(w)-len(end)+i])) != rune(end[i]) {
			return false
		}
	}
	return true
}

// gajLookup returns the entries with a Serbian or Macedonian right form, or
// its given or family name, that is cyr (a Cyrillic word).
func (f *Fuzzy) gajLookup(cyr, fold []byte, lang string) map[int32]nameSlots {
	fold = appendFoldedTranslit(fold, string(cyr), SchemeBGN)
	if len(fold) == 0 {
		return nil
	}
	var found map[int32]nameSlots
	for _, l := range [...]string{"sr", "mk"} {
		if els := hashRange(f.right, rightHashBytes(l, fold)); len(els) > 0 {
			found = f.addFormSlots(found, els, l, string(fold), lang)
		}
	}
	return found
}

// gajPresence records, once, whether a glossary has a right form in Serbian
// or Macedonian: without one no Latin word can spell one, and the words of
// a text are not read in Gaj's letters at all.
type gajPresence struct {
	once sync.Once
	has  bool
}

// hasGajForms reports whether an entry of f has a right form in sr or mk.
func (f *Fuzzy) hasGajForms() bool {
	f.gaj.once.Do(func() {
		for i := range int32(f.numEntries()) {
			for _, t := range f.entry(i).Terms() {
				if (t.Lang == "sr" || t.Lang == "mk") && isRight(t.Status) {
					f.gaj.has = true
					return
				}
			}
		}
	})
	return f.gaj.has
}
