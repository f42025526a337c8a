package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scheme is a Cyrillic-to-Latin romanization scheme. Machine translation and
// human translators use all of them, so every one is a source of wrong forms.
type Scheme int

const (
	SchemeBGN       Scheme = iota // BGN/PCGN 1947 (Russian), 1965 (Ukrainian)
	SchemeGOST                    // GOST 7.79-2000 system B, ASCII only
	SchemeISO9                    // ISO 9:1995, one letter per letter, diacritics
	SchemePassport                // Russian foreign passport, ICAO Doc 9303 (2013)
	SchemeUkrNat                  // Ukrainian national romanization, CMU resolution 55 (2010)
	SchemeScholarly               // scientific transliteration (ISO/R 9:1968): č, š, ju, ja
)

// schemeNames label the schemes in tests and reports.
var schemeNames = [...]string{"BGN/PCGN", "GOST 7.79 B", "ISO 9", "passport ICAO", "Ukrainian national", "scholarly"}

func (s Scheme) String() string { return schemeNames[s] }

// ruSchemes and ukSchemes are the schemes that are applied to terms of each
// language; Ukrainian names also get the Russian-style schemes because
// Russian-language pipelines transliterate them that way.
var (
	ruSchemes = []Scheme{SchemeBGN, SchemeGOST, SchemeISO9, SchemePassport, SchemeScholarly}
	ukSchemes = []Scheme{SchemeUkrNat, SchemeBGN, SchemeGOST, SchemeISO9, SchemeScholarly}
)

// letterRule romanizes one lowercase Cyrillic letter. Initial is used at the
// start of a word (and, for BGN, after a vowel or a sign), where iotated
// vowels keep their y-: Е → Ye in BGN, Є → Ye in Ukrainian national.
type letterRule struct{ plain, initial string }

func isCyrillicVowelOrSign(r rune) bool {
	return strings.ContainsRune("аеёиоуыэюяіїєьъйʼ'’", r)
}

// Transliterate romanizes Cyrillic letters in s by scheme; other characters
// are copied unchanged. Capitalization follows the source letter (Щ → Shch).
func Transliterate(s string, scheme Scheme) string {
	table := schemeTables[scheme]
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	prev := rune(0) // previous Cyrillic letter, lowercased; 0 at a word start
	for i, r := range s {
		lower := unicode.ToLower(r)
		rule, ok := table[lower]
		if !ok {
			if scheme == SchemeUkrNat && isApostrophe(r) {
				// The national system omits the apostrophe: Знам'янка → Znamianka.
				prev = '\''
				continue
			}
			b.WriteRune(r)
			if !unicode.IsLetter(r) {
				prev = 0
			}
			continue
		}
		out := rule.plain
		if rule.initial != "" && useInitial(scheme, prev) {
			out = rule.initial
		}
		if scheme == SchemeUkrNat && lower == 'г' && prev == 'з' {
			out = "gh" // зг → zgh, to keep it apart from ж (zh)
		}
		if scheme == SchemeGOST && lower == 'ц' {
			out = gostTs(s[i+utf8.RuneLen(r):])
		}
		if out != "" && r != lower {
			out = capitalize(out, isAllUpperWord(s, i))
		}
		b.WriteString(out)
		prev = lower
	}
	return b.String()
}

// useInitial reports whether an iotated vowel takes its word-initial form.
func useInitial(scheme Scheme, prev rune) bool {
	switch scheme {
	case SchemeBGN:
		return prev == 0 || isCyrillicVowelOrSign(prev)
	case SchemeUkrNat:
		return prev == 0
	}
	return false
}

// gostTs implements GOST 7.79 B's one context rule: Ц is c before и, е, ы, й
// (and і, є for Ukrainian), cz elsewhere.
func gostTs(rest string) string {
	r, _ := utf8.DecodeRuneInString(rest)
	if strings.ContainsRune("иеыйіє", unicode.ToLower(r)) {
		return "c"
	}
	return "cz"
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func capitalize(s string, allUpper bool) string {
	if allUpper {
		return strings.ToUpper(s)
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// isAllUpperWord reports whether the word around byte i is written in
// capitals (ЩУКИН → SHCHUKIN rather than ShchUKIN); single letters are not.
func isAllUpperWord(s string, i int) bool {
	start, end := i, i
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= n
	}
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	word := s[start:end]
	return utf8.RuneCountInString(word) > 1 && strings.ToUpper(word) == word
}

// IsCyrillic reports whether s contains a Cyrillic letter.
func IsCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
