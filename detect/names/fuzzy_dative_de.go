package names

import "strings"

// A German place name that is a plural takes the plural article and, in
// the dative, the plural's -n: "die Niederlande", "in den Niederlanden";
// "die Emirate", "aus den Emiraten". A mangled plural after "den"
// ("in den Niderlandy") is suggested in the dative. Only a one-word form in
// -e is read so: a masculine place takes "den" in the accusative and no
// ending ("in den Iran", "in den Niger"), and none of those ends in -e.

// inGermanDativePlural adds the dative plural's -n to the suggestion of
// each place hit of a German text that follows "den" and whose suggestion
// is one word in -e.
func inGermanDativePlural(text, lang string, hits []Hit) {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return
	}
	for i := range hits {
		h := &hits[i]
		if h.Check != CheckFuzzy || h.EntryType != "place" || !strings.HasSuffix(h.Suggestion, "e") ||
			strings.ContainsAny(h.Suggestion, " -") {
			continue
		}
		if prev, gap, _ := wordBefore(text, h.Start); prev == "den" && strings.TrimSpace(gap) == "" {
			h.Suggestion += "n"
		}
	}
}
