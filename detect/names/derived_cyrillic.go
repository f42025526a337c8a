package names

import (
	"slices"
	"unicode/utf8"
)

// Latin names read in Cyrillic. Machine translation into Russian or
// Ukrainian spells a foreign family name it does not know letter by letter,
// and some spellings are ordinary words: Gore read as "горе" (grief), Nash
// as "наш" (our), Major as "майор". derivedCyrillicCandidates derives those
// false friends; this file spells.

// appendCyrillicSpelling appends word, a Latin family name, spelt in lang's
// letters ("ru" or "uk"), in lower case: the digraphs of the romanization
// schemes read back (zh ж, kh х, ch ч, sh ш, shch щ, ts ц, ya я, yu ю, and
// Ukrainian ye є, yi ї), the German ones (sch ш, tsch ч, tz ц), ck к, ph ф,
// th т, qu кв, x кс, and every other letter as the schemes write it (h is
// х in Russian and г in Ukrainian, i is и and і, y after a vowel й). Case,
// diacritics (Müller is muller) and apostrophes are dropped. A word with a
// letter that is not Latin, or a hyphen, gives nothing.
func appendCyrillicSpelling(dst []byte, word, lang string) []byte {
	var ascii [64]byte
	a := ascii[:0]
	for _, r := range word {
		switch {
		case 'a' <= r && r <= 'z':
			a = append(a, byte(r))
		case 'A' <= r && r <= 'Z':
			a = append(a, byte(r+'a'-'A'))
		case isNameMark(r):
		case r >= utf8.RuneSelf && isLatinLetter(r):
			f := asciiFoldRune(r)
			if f == "" {
				return dst
			}
			a = append(a, f...)
		default:
			return dst
		}
		if len(a) > len(ascii)-4 {
			return dst // no word is that long
		}
	}
	uk := lang == "uk"
	for i := 0; i < len(a); {
		if cyr, n := cyrillicDigraph(a[i:], uk); n > 0 {
			dst = append(dst, cyr...)
			i += n
			continue
		}
		c := a[i]
		if c == 'y' && i > 0 && isLatinVowel(a[i-1]) {
			dst = append(dst, "й"...)
		} else {
			dst = append(dst, cyrillicLetter(c, uk)...)
		}
		i++
	}
	return dst
}

// cyrillicDigraph spells the letter group a begins with, and its length;
// 0 when a begins with a single letter.
func cyrillicDigraph(a []byte, uk bool) (string, int) {
	has := func(s string) bool { return len(a) >= len(s) && string(a[:len(s)]) == s }
	ruUk := func(ru, ukr string) string {
		if uk {
			return ukr
		}
		return ru
	}
	if len(a) < 2 {
		return "", 0
	}
	switch a[0] {
	case 's':
		switch {
		case has("shch"):
			return "щ", 4
		case has("sch"), has("sh"):
			if a[1] == 'c' {
				return "ш", 3
			}
			return "ш", 2
		}
	case 't':
		switch {
		case has("tsch"):
			return "ч", 4
		case has("ts"), has("tz"):
			return "ц", 2
		case has("th"):
			return "т", 2
		}
	case 'z':
		if a[1] == 'h' {
			return "ж", 2
		}
	case 'k':
		if a[1] == 'h' {
			return "х", 2
		}
	case 'c':
		switch a[1] {
		case 'h':
			return "ч", 2
		case 'k':
			return "к", 2
		}
	case 'p':
		if a[1] == 'h' {
			return "ф", 2
		}
	case 'q':
		if a[1] == 'u' {
			return "кв", 2
		}
	case 'y':
		switch a[1] {
		case 'a':
			return "я", 2
		case 'u':
			return "ю", 2
		case 'o':
			return ruUk("е", "йо"), 2
		case 'e':
			return ruUk("е", "є"), 2
		case 'i':
			return ruUk("ый", "ї"), 2
		}
	}
	return "", 0
}

// cyrillicLetter spells one lower-case ASCII letter.
func cyrillicLetter(c byte, uk bool) string {
	switch c {
	case 'h':
		if uk {
			return "г"
		}
		return "х"
	case 'i':
		if uk {
			return "і"
		}
		return "и"
	case 'y':
		if uk {
			return "и"
		}
		return "ы"
	}
	if c < 'a' || c > 'z' {
		return ""
	}
	return cyrillicLetters[c-'a']
}

// cyrillicLetters spell a to z where Russian and Ukrainian agree.
var cyrillicLetters = [26]string{"а", "б", "к", "д", "е", "ф", "г", "х", "и", "й", "к", "л", "м",
	"н", "о", "п", "к", "р", "с", "т", "у", "в", "в", "кс", "ы", "з"}

func isLatinVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// isLatinLetter: a letter of the Latin script beyond ASCII (é, ü, ø, ß).
func isLatinLetter(r rune) bool {
	return r >= 0xc0 && r <= 0x24f && r != 0xd7 && r != 0xf7
}

// otherSpellings adds to candidates and owners the Cyrillic candidates in
// lang (cyrillicCandidates) of the entries without a right form in lang,
// which derivedTermLists's first pass left out. Such an entry gains no term
// in lang; its candidates count only as owners, and only where they meet a
// candidate in lang of an entry with a right form there, which can become a
// term: the rest change nothing. Every candidate cyrillicCandidates derives
// from a family name is its spelling or a case form of it, all of which
// begin with the spelling's stem (derivedStem), the spelling without at
// most its last two letters (TestDerivedStem); so an entry whose spellings'
// stems begin none of those candidates is passed over, and a million
// entries of a large glossary cost a spelling each, not a lexicon lookup.
//
// summaries are the entries' (derivedSummary): most entries are passed over
// on their summary and the memo's answer alone.
func (sc *derivedScratch) otherSpellings(entries []Entry, summaries []derivedSummary, lang string, candidates map[int][]derivedForm, owners map[derivedForm]int) {
	var heads []string // the candidates in lang of the entries with a right form there, sorted
	for i, found := range candidates {
		if !derivedHasRightForm(&entries[i], lang) {
			continue
		}
		for _, f := range found {
			if f.lang == lang {
				heads = append(heads, f.form)
			}
		}
	}
	if len(heads) == 0 {
		return
	}
	slices.Sort(heads)
	for i := range entries {
		if summaries[i].hasRight(lang) {
			continue
		}
		e := &entries[i]
		switch k := summaries[i].family(); {
		case k == summaryNoFamily:
			continue
		case k >= 0: // the entry's one family name: mayMeet's answer is its
			meets, known := sc.memo.meetAt(k, lang)
			if !known {
				meets = sc.stemMeets(string(sc.memo.key(k)), lang, heads)
				sc.memo.noteMeetAt(k, lang, meets)
			}
			if !meets {
				continue
			}
		case !sc.mayMeet(e, lang, heads):
			continue
		}
		old := candidates[i]
		found := sc.cyrillicCandidates(e, lang, old)
		if len(found) > len(old) {
			for _, f := range found[len(old):] {
				owners[f]++
			}
			candidates[i] = found
		}
	}
}

// mayMeet reports whether the stem of the spelling in lang of one of the
// entry's Latin family names begins one of heads (sorted): whether
// cyrillicCandidates may derive one of them. The answer depends on the
// family name alone, and is remembered by it (derivedMemo).
func (sc *derivedScratch) mayMeet(e *Entry, lang string, heads []string) bool {
	for _, t := range e.Terms {
		if !derivedIsRight(t.Status) || !derivedIsLatin(t.Form) {
			continue
		}
		family := derivedFamilyName(t.Form)
		if sc.memo.mayMeet(family, lang, func() bool { return sc.stemMeets(family, lang, heads) }) {
			return true
		}
	}
	return false
}

// stemMeets is mayMeet's answer for one family name.
func (sc *derivedScratch) stemMeets(family, lang string, heads []string) bool {
	sc.buf = appendCyrillicSpelling(sc.buf[:0], family, lang)
	if utf8.RuneCount(sc.buf) < derivedMinRunes {
		return false // no candidate (cyrillicCandidates)
	}
	stem := sc.buf
	for range 2 {
		_, size := utf8.DecodeLastRune(stem)
		stem = stem[:len(stem)-size]
	}
	// The first head not below the stem is the one it begins, if any.
	// (The conversions in comparisons do not allocate.)
	i, _ := slices.BinarySearchFunc(heads, stem, func(h string, stem []byte) int {
		switch {
		case h < string(stem):
			return -1
		case h > string(stem):
			return 1
		}
		return 0
	})
	return i < len(heads) && len(heads[i]) >= len(stem) && heads[i][:len(stem)] == string(stem)
}
