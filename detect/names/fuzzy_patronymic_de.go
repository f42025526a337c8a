package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German MT from English keeps a Russian patronymic in its English
// romanization while the rule that finds the wrong name puts the German
// given and family name around it: "Vladimir Vladimirovich Putin" became
// "Wladimir Vladimirovich Putin", half a correction. German writes the
// patronymic by Duden's transliteration (Wladimirowitsch, Sergejewitsch,
// Michailowitsch, Nikolajewna); germanPatronymics rewrites the English
// patronymic of each person hit's suggestion in a German text that way.

// germanPatronymics rewrites the English-romanized patronymic in the
// suggestions of the person hits of a German text.
func germanPatronymics(lang string, hits []Hit) {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return
	}
	for i := range hits {
		h := &hits[i]
		words := strings.Fields(h.Suggestion)
		if h.Check != CheckFuzzy || h.EntryType != "person" || len(words) != 3 || !englishPatronymic(words[1]) {
			continue
		}
		words[1] = dudenFromEnglish(words[1])
		h.Suggestion = strings.Join(words, " ")
	}
}

// englishPatronymic reports a patronymic in English romanization: a
// patronymic ending, and v, kh, zh or a final ch where Duden writes w, ch,
// sch, tsch.
func englishPatronymic(w string) bool {
	lower := strings.ToLower(w)
	return isPatronymic(FoldName(w)) && !strings.Contains(lower, "sch") &&
		(strings.ContainsAny(lower, "v") || strings.Contains(lower, "kh") || strings.Contains(lower, "zh") || strings.HasSuffix(lower, "ich"))
}

// dudenFromEnglish rewrites an English (BGN/PCGN) romanization of a Russian
// word as Duden transliterates it, keeping its first capital: shch schtsch,
// kh ch, zh sch, sh sch, ch tsch, ts z, z s, v w; y is j before a vowel
// and at the start, i after a vowel before a consonant or at the end.
func dudenFromEnglish(w string) string {
	lower := []rune(strings.ToLower(w))
	var b strings.Builder
	at := func(i int, s string) bool { return strings.HasPrefix(string(lower[i:]), s) }
	for i := 0; i < len(lower); i++ {
		switch r := lower[i]; {
		case at(i, "shch"):
			b.WriteString("schtsch")
			i += 3
		case at(i, "kh"):
			b.WriteString("ch")
			i++
		case at(i, "zh"), at(i, "sh"):
			b.WriteString("sch")
			i++
		case at(i, "ch"):
			b.WriteString("tsch")
			i++
		case at(i, "ts"):
			b.WriteString("z")
			i++
		case r == 'z':
			b.WriteByte('s')
		case r == 'v':
			b.WriteByte('w')
		case r == 'y' && i > 0 && isVowelRune(lower[i-1]) && (i+1 == len(lower) || !isVowelRune(lower[i+1])):
			b.WriteByte('i')
		case r == 'y':
			b.WriteByte('j')
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if first, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(first) {
		r, n := utf8.DecodeRuneInString(out)
		out = string(unicode.ToUpper(r)) + out[n:]
	}
	return out
}

func isVowelRune(r rune) bool { return strings.ContainsRune("aeiouy", r) }
