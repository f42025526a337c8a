package glossary

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Derived false friends. Machine translation from Russian writes a family
// name the way it is transliterated, and some transliterations are ordinary
// words of the target language: Маск → "Mask", read back as the noun "mask".
// The fuzzy matcher rightly refuses ordinary words, so a glossary that lists
// only right forms would miss every "mask" of the seed article. Deriving
// these forms from the Cyrillic names and adding them as false friends hands
// each occurrence to the matcher's context scoring, which flags "the mask
// said" and leaves "wore a mask" alone.

// DerivedSource marks the terms WithDerivedFalseFriends adds.
const DerivedSource = "derived from transliteration"

// derivedMinRunes keeps short family names out: Си, Ын and Ким would give
// "si", "in" and "kim", which are too common to stand for anybody.
const derivedMinRunes = 3

// derivedTargetLangs are the Latin-script target languages whose ordinary
// words we know (isCommonWord holds English words only).
func derivedTargetLangs() []string { return []string{"en"} }

// WithDerivedFalseFriends returns entries with synthetic case-insensitive
// false-friend terms added: for every entry with a Russian or Ukrainian right
// form, the Latin transliterations (every scheme, nominative and oblique
// cases) of its family name that are ordinary words of a target language
// and no right form of the entry. A form the glossary already lists in that
// language, for any entry, is never added, nor is one that two entries
// derive. Entries is not modified; entries that gain no term are shared.
func WithDerivedFalseFriends(entries []Entry) []Entry {
	listed := derivedListedForms(entries)
	derived := make([]map[string]derivedForm, len(entries)) // entry → folded → form
	owners := map[string]int{}                              // lang+folded → entries deriving it
	for i := range entries {
		derived[i] = derivedForms(&entries[i], listed)
		for key := range derived[i] {
			owners[key]++
		}
	}
	out := entries
	copied := false
	for i := range entries {
		var terms []Term
		for key, f := range derived[i] {
			if owners[key] == 1 {
				terms = append(terms, f.term())
			}
		}
		if len(terms) == 0 {
			continue
		}
		if !copied {
			out = append([]Entry(nil), entries...)
			copied = true
		}
		derivedSortByForm(terms) // maps iterate at random; the matcher's ties follow term order
		terms = append(terms, derivedFamilyTerms(&entries[i], terms)...)
		out[i].Terms = append(append([]Term(nil), entries[i].Terms...), terms...)
	}
	return out
}

// derivedForm is one synthetic false friend: its language, its spelling in
// lower case, and the Cyrillic word it came from, for the note.
type derivedForm struct {
	lang, form, source string
	scheme             Scheme
}

func (f derivedForm) term() Term {
	return Term{Lang: f.lang, Form: f.form, Status: FalseFriend, CaseSensitive: false,
		Note: f.source + " transliterated (" + f.scheme.String() + ")", Source: DerivedSource}
}

// derivedForms lists the false friends one entry yields, keyed by language
// and folded form.
func derivedForms(e *Entry, listed map[string]bool) map[string]derivedForm {
	right := derivedRightWords(e)
	var out map[string]derivedForm
	for _, t := range e.Terms {
		schemes := derivedSchemes(t.Lang)
		if schemes == nil || !derivedIsRight(t.Status) || !IsCyrillic(t.Form) {
			continue
		}
		family := derivedFamilyName(t.Form)
		if utf8.RuneCountInString(family) < derivedMinRunes {
			continue
		}
		for _, word := range append([]string{family}, CaseForms(family, t.Lang)...) {
			for _, s := range schemes {
				latin := strings.ToLower(Transliterate(word, s))
				for _, lang := range derivedTargetLangs() {
					key := lang + "\x00" + latin
					if !derivedHasRightForm(e, lang) || right[latin] || listed[key] || !isCommonWord(latin) {
						continue
					}
					if out == nil {
						out = map[string]derivedForm{}
					}
					if _, seen := out[key]; !seen {
						out[key] = derivedForm{lang: lang, form: latin, source: word, scheme: s}
					}
				}
			}
		}
	}
	return out
}

func derivedSchemes(lang string) []Scheme {
	switch lang {
	case "ru":
		return ruSchemes
	case "uk":
		return ukSchemes
	}
	return nil
}

func derivedIsRight(s Status) bool { return s == Preferred || s == Admitted }

// derivedRightWords holds every word of the entry's right forms, lower case,
// in every language: "Mask" is no false friend of an entry written Mask.
func derivedRightWords(e *Entry) map[string]bool {
	words := map[string]bool{}
	for _, t := range e.Terms {
		if derivedIsRight(t.Status) {
			for _, w := range strings.FieldsFunc(t.Form, derivedIsSeparator) {
				words[strings.ToLower(w)] = true
			}
		}
	}
	return words
}

// derivedListedForms holds every term of the glossary, and every word of its
// right forms, by language and lower case, so that a synthetic term never
// competes with a listed one or with another entry's name.
func derivedListedForms(entries []Entry) map[string]bool {
	listed := map[string]bool{}
	for i := range entries {
		for _, t := range entries[i].Terms {
			listed[t.Lang+"\x00"+strings.ToLower(t.Form)] = true
			if derivedIsRight(t.Status) {
				for _, w := range strings.FieldsFunc(t.Form, derivedIsSeparator) {
					listed[t.Lang+"\x00"+strings.ToLower(w)] = true
				}
			}
		}
	}
	return listed
}

func derivedHasRightForm(e *Entry, lang string) bool {
	for _, t := range e.Terms {
		if t.Lang == lang && derivedIsRight(t.Status) {
			return true
		}
	}
	return false
}

// lastWord is the family name of a Russian or Ukrainian name as written:
// Илон Маск → Маск.
func derivedFamilyName(form string) string {
	words := strings.FieldsFunc(form, derivedIsSeparator)
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

func derivedIsSeparator(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '\'' && r != '’' && r != 'ʼ' && r != '-'
}

func derivedSortByForm(terms []Term) {
	slices.SortFunc(terms, func(a, b Term) int { return cmp.Compare(a.Lang+"\x00"+a.Form, b.Lang+"\x00"+b.Form) })
}

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
		out = append(out, Term{Lang: ff.Lang, Form: latin[len(latin)-1], Status: Admitted, CaseSensitive: true,
			Note: "family name of the preferred form", Source: DerivedSource})
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
