package names

import (
	"slices"
	"strings"
)

// derivedFamilyTerms gives an entry that gains false friends its family name
// alone as an admitted form in each of their languages, when the glossary
// lists only the full name (Elon Musk): the false friend then has a one-word
// suggestion ("mask" → "Musk", not "Elon Musk"), and the bare "Musk" of the
// text counts as a mention of the entry, which the context scoring needs.
// The family name is the last word of the preferred form, taken only when
// that form has as many words as the Cyrillic one (Илон Маск, Elon Musk).
func derivedFamilyTerms(e *Entry, falseFriends []Term) []Term {
	var out []Term
	for _, ff := range falseFriends {
		if slices.ContainsFunc(out, func(t Term) bool { return t.Lang == ff.Lang }) || derivedHasOneWordForm(e, ff.Lang) {
			continue
		}
		latin := strings.FieldsFunc(e.Preferred(ff.Lang), derivedIsSeparator)
		cyrillic := strings.FieldsFunc(derivedCyrillicPreferred(e), derivedIsSeparator)
		if len(latin) < 2 || len(latin) != len(cyrillic) {
			continue
		}
		// The family name of the preferred form, admitted so that "Musk" alone
		// counts as a mention of the entry.
		out = append(out, Term{Lang: ff.Lang, Form: latin[len(latin)-1], Status: Admitted, CaseSensitive: true, Derived: true})
	}
	return out
}

func derivedHasOneWordForm(e *Entry, lang string) bool {
	for _, t := range e.Terms {
		if t.Lang == lang && derivedIsRight(t.Status) && len(strings.FieldsFunc(t.Form, derivedIsSeparator)) == 1 {
			return true
		}
	}
	return false
}

func derivedCyrillicPreferred(e *Entry) string {
	for _, lang := range []string{"ru", "uk"} {
		for _, t := range e.Terms {
			if t.Lang == lang && t.Status == Preferred {
				return t.Form
			}
		}
	}
	return ""
}
