package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German and French press romanizations. German texts write Russian names by
// the Duden rules (Jelzin, Chruschtschow, Gorbatschow: в → w, ж → sch,
// ч → tsch, щ → schtsch, й/я/ю → j, ja, ju, ц → z, с → ss between vowels),
// French ones by the conventions of the French press (Eltsine, Khrouchtchev,
// Gorbatchev: у → ou, ш → ch, ч → tch, щ → chtch, ж → j, г → gu before e/i,
// й → ï after a vowel, -ин → -ine). Both reach English text through
// translation and copy; both also have a Ukrainian form (и → y, г → h).
// They depend on neighbouring letters, so they are rules, not tables.

// westernSchemes says which rules a scheme uses.
func westernRules(scheme Scheme) (french, ukrainian bool) {
	return scheme == SchemeFrench || scheme == SchemeFrenchUk, scheme == SchemeGermanUk || scheme == SchemeFrenchUk
}

func isWesternScheme(scheme Scheme) bool { return scheme >= SchemeGerman && scheme <= SchemeFrenchUk }

// cyrVowels are the Cyrillic vowels after which й, е, я, ю are iotated.
const cyrVowels = "аеёиоуыэюяіїє"

// westernWord romanizes one lowercase Cyrillic word (other runes are copied).
func westernWord(dst []byte, word []rune, scheme Scheme) []byte {
	french, uk := westernRules(scheme)
	at := func(i int) rune {
		if i < 0 || i >= len(word) {
			return 0
		}
		return word[i]
	}
	for i, r := range word {
		prev, next := at(i-1), at(i+1)
		afterVowel := prev != 0 && strings.ContainsRune(cyrVowels, prev)
		iotated := prev == 0 || afterVowel || prev == 'ь' || prev == 'ъ' || prev == '\''
		last := next == 0 || !unicode.IsLetter(next)
		var out string
		switch r {
		case 'в':
			out = pick(french, "v", "w")
		case 'г':
			switch {
			case uk:
				out = "h"
			case french && strings.ContainsRune("еиыэіє", next):
				out = "gu"
			default:
				out = "g"
			}
		case 'ґ':
			out = "g"
		case 'е', 'є':
			switch {
			case r == 'е' && uk, !iotated:
				out = "e"
			case french && prev == 0 && r == 'е':
				out = "e" // Evgueni, Eltsine
			default:
				out = iotatedVowel(french, afterVowel, "ïe", "ie", "je")
			}
		case 'ё':
			out = "o"
			if !strings.ContainsRune("жчшщ", prev) {
				out = iotatedVowel(french, afterVowel, "ïo", "io", "jo")
			}
		case 'ж':
			out = pick(french, "j", "sch")
		case 'з':
			out = pick(french, "z", "s")
		case 'и':
			switch {
			case uk:
				out = "y"
			case french && afterVowel:
				out = "ï"
			default:
				out = "i"
			}
		case 'і':
			out = "i"
		case 'ї':
			out = pick(french, "ï", "ji")
		case 'й':
			switch {
			case last && !uk && (prev == 'и' || prev == 'ы'):
				out = "" // Juri, Dostojewski; Iouri, Zaloujny
			case last && uk && prev == 'и':
				out = pick(french, "", "j") // Syrskyj; Syrsky
			case french && afterVowel:
				out = "ï"
			case french:
				out = "i"
			case afterVowel && !uk && !strings.ContainsRune(cyrVowels, next):
				out = "i" // Nikolai, Tschaikowski, Alexei
			default:
				out = "j"
			}
		case 'к':
			out = "k"
			if next == 'с' {
				out = "x" // Alexander, Alexeï
			}
		case 'с':
			switch {
			case prev == 'к':
				out = ""
			case afterVowel && strings.ContainsRune(cyrVowels, next):
				out = "ss"
			default:
				out = "s"
			}
		case 'у':
			out = pick(french, "ou", "u")
		case 'х':
			out = pick(french, "kh", "ch")
		case 'ц':
			out = pick(french, "ts", "z")
		case 'ч':
			out = pick(french, "tch", "tsch")
		case 'ш':
			out = pick(french, "ch", "sch")
		case 'щ':
			out = pick(french, "chtch", "schtsch")
		case 'ъ':
			out = ""
		case 'ь':
			out = ""
			if !french && strings.ContainsRune("оиеі", next) {
				out = "j" // Iljitsch
			}
		case 'ы':
			out = "y"
		case 'э':
			out = "e"
		case 'ю':
			out = iotatedVowel(french, afterVowel, "ïou", "iou", "ju")
		case 'я':
			out = iotatedVowel(french, afterVowel, "ïa", "ia", "ja")
		case 'н':
			out = "n"
			if french && last && (prev == 'и' || prev == 'ы') && !uk {
				out = "ne" // Poutine, Soljenitsyne
			}
		case '\'', '’', 'ʼ':
			out = ""
		default:
			if r >= cyrBase && r < cyrBase+cyrSpan && schemeArrays[SchemeBGN][r-cyrBase].plain != "" {
				out = schemeArrays[SchemeBGN][r-cyrBase].plain
			} else {
				dst = utf8.AppendRune(dst, r)
				continue
			}
		}
		dst = append(dst, out...)
	}
	return dst
}

// iotatedVowel picks the spelling of an iotated vowel: French writes ï after
// a vowel (frAfterVowel) and i elsewhere (fr), German j (de).
func iotatedVowel(french, afterVowel bool, frAfterVowel, fr, de string) string {
	switch {
	case french && afterVowel:
		return frAfterVowel
	case french:
		return fr
	default:
		return de
	}
}

func pick(french bool, fr, de string) string {
	if french {
		return fr
	}
	return de
}

// transliterateWestern is Transliterate for the German and French schemes:
// word by word, capitalised like the source word.
func transliterateWestern(s string, scheme Scheme) string {
	var b []byte
	var word []rune
	var scratch []byte
	flush := func(start int) {
		if len(word) == 0 {
			return
		}
		src := s[start:]
		upper := isAllUpperWord(src)
		title := unicode.IsUpper(word[0])
		for i := range word {
			word[i] = unicode.ToLower(word[i])
		}
		scratch = westernWord(scratch[:0], word, scheme)
		if title || upper {
			b = appendCapitalized(b, string(scratch), upper)
		} else {
			b = append(b, scratch...)
		}
		word = word[:0]
	}
	start := 0
	for i, r := range s {
		if unicode.IsLetter(r) || isApostrophe(r) && len(word) > 0 {
			if len(word) == 0 {
				start = i
			}
			word = append(word, r)
			continue
		}
		flush(start)
		b = utf8.AppendRune(b, r)
	}
	flush(start)
	return string(b)
}

// appendFoldedWestern is appendFoldedTranslit for the German and French
// schemes.
func appendFoldedWestern(dst []byte, word string, scheme Scheme) []byte {
	var buf [32]rune
	runes := buf[:0]
	for _, r := range word {
		runes = append(runes, cyrillicLower(unicode.ToLower(r)))
	}
	var out [96]byte
	return append(dst, foldLatin(string(westernWord(out[:0], runes, scheme)))...)
}
