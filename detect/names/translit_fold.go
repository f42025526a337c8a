package names

import (
	"unicode"
	"unicode/utf8"
)

// foldedRule is a letterRule already folded (lowercase ASCII, no marks), so
// that variants can be generated in the space they are compared in without
// a second pass.
type foldedRule struct {
	plain, initial string
	set            bool
}

// foldedArrays is schemeArrays folded, built once at package initialization
// and read-only afterwards.
var foldedArrays = func() (out [len(schemeTables)][cyrSpan]foldedRule) {
	for s, table := range schemeTables {
		for r, rule := range table {
			out[s][r-cyrBase] = foldedRule{foldLatin(rule.plain), foldLatin(rule.initial), true}
		}
	}
	return out
}()

// appendFoldedTranslit appends FoldName(Transliterate(word, scheme)) for one
// word to dst, in one pass and without intermediate strings. It is the hot
// path of variant generation.
func appendFoldedTranslit(dst []byte, word string, scheme Scheme) []byte {
	if isWesternScheme(scheme) {
		return appendFoldedWestern(dst, word, scheme)
	}
	table := &foldedArrays[scheme]
	prev := rune(0)
	for i, r := range word {
		lower := cyrillicLower(r)
		if lower < cyrBase || lower >= cyrBase+cyrSpan || !table[lower-cyrBase].set {
			switch {
			case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
				dst = append(dst, byte(r))
			case r >= 'A' && r <= 'Z':
				dst = append(dst, byte(r+'a'-'A'))
			case isNameMark(r):
				if scheme == SchemeUkrNat {
					prev = '\''
				}
				continue
			case unicode.IsLetter(r):
				dst = append(dst, asciiFoldRune(r)...)
			}
			prev = 0
			continue
		}
		rule := table[lower-cyrBase]
		out := rule.plain
		switch {
		case rule.initial != "" && useInitial(scheme, prev):
			out = rule.initial
		case scheme == SchemeUkrNat && lower == 'г' && prev == 'з':
			out = "gh"
		case scheme == SchemeGOST && lower == 'ц':
			out = gostTs(word[i+utf8.RuneLen(r):])
		}
		dst = append(dst, out...)
		prev = lower
	}
	return dst
}

// cyrillicLower lowercases the basic Cyrillic block without table lookups.
func cyrillicLower(r rune) rune {
	switch {
	case r >= 'А' && r <= 'Я':
		return r + 0x20
	case r >= 'Ѐ' && r <= 'Џ':
		return r + 0x50
	case r == 'Ґ':
		return 'ґ'
	}
	return r
}
