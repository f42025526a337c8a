package names

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
	SchemeGerman                  // German press, Duden rules: Jelzin, Chruschtschow (shape_western.go)
	SchemeFrench                  // French press: Eltsine, Khrouchtchev
	SchemeGermanUk                // German press from Ukrainian spelling: Selenskyj, Mychajlo
	SchemeFrenchUk                // French press from Ukrainian spelling: Mykhaïlo, Zaloujny
)

// schemeNames label the schemes in tests and reports.
var schemeNames = [...]string{"BGN/PCGN", "GOST 7.79 B", "ISO 9", "passport ICAO", "Ukrainian national", "scholarly",
	"German", "French", "German (Ukrainian)", "French (Ukrainian)"}

func (s Scheme) String() string { return schemeNames[s] }

// ruSchemes and ukSchemes are the schemes that are applied to terms of each
// language; Ukrainian names also get the Russian-style schemes because
// Russian-language pipelines transliterate them that way.
var (
	ruSchemes = []Scheme{SchemeBGN, SchemeGOST, SchemeISO9, SchemePassport, SchemeScholarly}
	ukSchemes = []Scheme{SchemeUkrNat, SchemeBGN, SchemeGOST, SchemeISO9, SchemeScholarly}
)

// ruPressSchemes and ukPressSchemes are the German and French press
// conventions. They are applied to the nominative only: the press of those
// languages writes a name in its own grammar, never in a Russian case form
// ("Chruschtschows", not "Chruschtschowa").
var (
	ruPressSchemes = []Scheme{SchemeGerman, SchemeFrench}
	ukPressSchemes = []Scheme{SchemeGermanUk, SchemeFrenchUk}
)

// letterRule romanizes one lowercase Cyrillic letter. Initial is used at the
// start of a word (and, for BGN, after a vowel or a sign), where iotated
// vowels keep their y-: Е → Ye in BGN, Є → Ye in Ukrainian national.
type letterRule struct{ plain, initial string }

func isCyrillicVowelOrSign(r rune) bool {
	return strings.ContainsRune("аеёиоуыэюяіїєьъйʼ'’", r)
}

// Transliterate romanizes Cyrillic letters in s by scheme; other characters
// are copied unchanged. Capitalization follows the source letter (Щ → Shch,
// and ЩУКИН → SHCHUKIN in an all-capitals word).
func Transliterate(s string, scheme Scheme) string {
	if isWesternScheme(scheme) {
		return transliterateWestern(s, scheme)
	}
	table := &schemeArrays[scheme]
	b := make([]byte, 0, len(s)+len(s)/4)
	prev := rune(0) // previous Cyrillic letter, lowercased; 0 at a word start
	wordUpper, inWord := false, false
	for i, r := range s {
		letter := unicode.IsLetter(r)
		if letter && !inWord {
			wordUpper = isAllUpperWord(s[i:])
		}
		inWord = letter
		lower := unicode.ToLower(r)
		var rule letterRule
		if lower >= cyrBase && lower < cyrBase+cyrSpan {
			rule = table[lower-cyrBase]
		}
		if rule.plain == "" && rule.initial == "" && !isDroppedSign(lower, scheme) {
			if scheme == SchemeUkrNat && isApostrophe(r) {
				// The national system omits the apostrophe: Знам'янка → Znamianka.
				prev = '\''
				continue
			}
			b = utf8.AppendRune(b, r)
			if !letter {
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
			b = appendCapitalized(b, out, wordUpper)
		} else {
			b = append(b, out...)
		}
		prev = lower
	}
	return string(b)
}

// isDroppedSign reports letters a scheme writes as nothing (ь in the passport
// and Ukrainian schemes), which are still letters of the word.
func isDroppedSign(lower rune, scheme Scheme) bool {
	return (lower == 'ь' || lower == 'ъ') && (scheme == SchemePassport || scheme == SchemeUkrNat)
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
	return string(appendCapitalized(nil, s, allUpper))
}

// appendCapitalized appends s with its first letter, or all letters, upper.
func appendCapitalized(b []byte, s string, allUpper bool) []byte {
	for i, r := range s {
		if i == 0 || allUpper {
			r = unicode.ToUpper(r)
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// isAllUpperWord reports whether the word at the start of s is written in
// capitals (ЩУКИН → SHCHUKIN rather than ShchUKIN); one letter is not.
func isAllUpperWord(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n > 1
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
