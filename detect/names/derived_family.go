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
// that form has as many words as the form in the other script the false
// friends come from (Илон Маск, Elon Musk; Al Gore, Эл Гор).
func derivedFamilyTerms(e *Entry, falseFriends []Term) []Term {
	var out []Term
	for _, ff := range falseFriends {
		if slices.ContainsFunc(out, func(t Term) bool { return t.Lang == ff.Lang }) || derivedHasOneWordForm(e, ff.Lang) {
			continue
		}
		target := strings.FieldsFunc(e.Preferred(ff.Lang), derivedIsSeparator)
		source := strings.FieldsFunc(derivedSourcePreferred(e, ff.Lang), derivedIsSeparator)
		if len(target) < 2 || len(target) != len(source) {
			continue
		}
		// The family name of the preferred form, admitted so that "Musk" alone
		// counts as a mention of the entry.
		out = append(out, Term{Lang: ff.Lang, Form: target[len(target)-1], Status: Admitted, CaseSensitive: true, Derived: true})
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

// derivedSourcePreferred is the preferred form in the other script than
// lang's: Russian, else Ukrainian, else English (the source of a
// translation, derived_bilingual.go), for a Latin-script lang; English,
// else any Latin-script form, for a Cyrillic one.
func derivedSourcePreferred(e *Entry, lang string) string {
	if !derivedIsCyrillicLang(lang) {
		for _, src := range []string{"ru", "uk", "en"} {
			for _, t := range e.Terms {
				if t.Lang == src && t.Status == Preferred {
					return t.Form
				}
			}
		}
		return ""
	}
	latin := ""
	for _, t := range e.Terms {
		if t.Status != Preferred || IsCyrillic(t.Form) {
			continue
		}
		if t.Lang == "en" {
			return t.Form
		}
		if latin == "" {
			latin = t.Form
		}
	}
	return latin
}

func derivedIsCyrillicLang(lang string) bool {
	for _, tg := range derivedTargets {
		if tg.lang == lang {
			return tg.cyrillic
		}
	}
	return false
}
