package names

import "strings"

// A lowercase word near one part of a hyphenated name is no mangled form of
// it: MT that keeps a double family name (Окасио-Кортес, Кара-Мурза) or a
// compound place (Лос-Анджелес) keeps its capitals, and a word it lowercases
// it translates whole. A lowercase "кортесы" (the Spanish parliament) or
// "мурза" (a Tatar title) is that word, not the name's second half.

// withoutLowerHyphenParts drops the lowercase hits whose suggestion is a
// hyphenated name the hit's text writes without its hyphen.
func withoutLowerHyphenParts(hits []Hit) []Hit {
	out := hits[:0]
	for _, h := range hits {
		if strings.Contains(h.Suggestion, "-") && !strings.ContainsAny(h.Text, "- ") {
			continue
		}
		out = append(out, h)
	}
	return out
}
