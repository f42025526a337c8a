package names

import (
	"cmp"
	"slices"
	"strings"
	"sync"
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

// derivedMinRunes keeps short family names out: Си, Ын and Ким would give
// "si", "in" and "kim", which are too common to stand for anybody.
const derivedMinRunes = 3

// derivedTargetLang is the Latin-script target language whose ordinary
// words we know: isCommonWord holds English words only.
const derivedTargetLang = "en"

// WithDerivedFalseFriends returns entries with synthetic case-insensitive
// false-friend terms added: for every entry with a Russian or Ukrainian right
// form, the Latin transliterations (every scheme, nominative and oblique
// cases, folded to lower-case ASCII) of its family name that are ordinary
// English words and no word of the entry's right forms. A form the glossary
// already lists in English, for any entry, or that is a word of any English
// right form, is never added, nor is one that two entries derive. Entries
// is not modified; entries that gain no term are shared.
//
// Cost: a few allocation-free transliterations per Cyrillic name (see
// derivedStemMayMatch); the slower checks run only for the rare entries that
// yield a candidate.
func WithDerivedFalseFriends(entries []Entry) []Entry {
	candidates := map[int][]derivedForm{} // entry index → its candidates
	owners := map[string]int{}            // form → entries deriving it
	var buf []byte
	for i := range entries {
		var found []derivedForm
		found, buf = derivedCandidates(&entries[i], buf)
		if len(found) > 0 {
			candidates[i] = found
			for _, f := range found {
				owners[f.form]++
			}
		}
	}
	if len(candidates) == 0 {
		return entries
	}
	listed := derivedListed(entries, owners)
	out := append([]Entry(nil), entries...)
	for i, found := range candidates {
		e := &entries[i]
		var terms []Term
		for _, f := range found {
			if owners[f.form] == 1 && !listed[f.form] && derivedHasRightForm(e, derivedTargetLang) && !derivedIsRightWord(e, f.form) {
				terms = append(terms, f.term())
			}
		}
		if len(terms) == 0 {
			continue
		}
		slices.SortFunc(terms, func(a, b Term) int { return cmp.Compare(a.Form, b.Form) }) // the matcher's ties follow term order
		terms = append(terms, derivedFamilyTerms(e, terms)...)
		out[i].Terms = append(append([]Term(nil), e.Terms...), terms...)
	}
	return out
}

// derivedForm is one synthetic false friend, folded.
type derivedForm struct{ form string }

func (f derivedForm) term() Term {
	return Term{Lang: derivedTargetLang, Form: f.form, Status: FalseFriend, CaseSensitive: false, Derived: true}
}

// derivedCandidates lists the transliterations of the entry's Cyrillic
// family names that are ordinary English words, without duplicates; buf is
// scratch space, returned for reuse.
func derivedCandidates(e *Entry, buf []byte) ([]derivedForm, []byte) {
	var out []derivedForm
	var families []string
	for _, t := range e.Terms {
		schemes := derivedSchemes(t.Lang)
		if schemes == nil || !derivedIsRight(t.Status) || !IsCyrillic(t.Form) {
			continue
		}
		family := derivedFamilyName(t.Form)
		if utf8.RuneCountInString(family) < derivedMinRunes || slices.Contains(families, t.Lang+family) {
			continue
		}
		families = append(families, t.Lang+family)
		var words []string // the family name and its cases, once a scheme may match
		for _, s := range schemes {
			var may bool
			if may, buf = derivedStemMayMatch(family, s, buf); !may {
				continue
			}
			if words == nil {
				words = append([]string{family}, CaseForms(family, t.Lang)...)
			}
			for _, word := range words {
				buf = appendFoldedTranslit(buf[:0], word, s)
				if !isCommonWord(string(buf)) { // the conversion does not allocate
					continue
				}
				if !slices.ContainsFunc(out, func(f derivedForm) bool { return f.form == string(buf) }) {
					out = append(out, derivedForm{form: string(buf)})
				}
			}
		}
	}
	return out, buf
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

// derivedIsRightWord reports whether form is a word of one of the entry's
// right forms, in any language: "Mask" is no false friend of an entry
// written Mask.
func derivedIsRightWord(e *Entry, form string) bool {
	for _, t := range e.Terms {
		if derivedIsRight(t.Status) && derivedHasWordFold(t.Form, form) {
			return true
		}
	}
	return false
}

// derivedListed reports, for each candidate form, whether the glossary
// already lists it as an English term or as a word of an English right form
// of any entry: a synthetic term never competes with a listed one or with
// another entry's name. It scans the glossary once, looking each word up.
func derivedListed(entries []Entry, candidates map[string]int) map[string]bool {
	listed := map[string]bool{}
	var buf []byte
	for i := range entries {
		for _, t := range entries[i].Terms {
			if t.Lang != derivedTargetLang {
				continue
			}
			right := derivedIsRight(t.Status)
			derivedEachWord(t.Form, func(word string, whole bool) {
				if !right && !whole {
					return // a wrong form blocks only when it is the candidate itself
				}
				buf = derivedAppendLower(buf[:0], word)
				if _, ok := candidates[string(buf)]; ok {
					listed[string(buf)] = true
				}
			})
		}
	}
	return listed
}

// derivedEachWord calls f with each word of s, and whether it is all of s.
func derivedEachWord(s string, f func(word string, whole bool)) {
	for rest := s; rest != ""; {
		start := strings.IndexFunc(rest, func(r rune) bool { return !derivedIsSeparator(r) })
		if start < 0 {
			return
		}
		rest = rest[start:]
		end := strings.IndexFunc(rest, derivedIsSeparator)
		if end < 0 {
			end = len(rest)
		}
		f(rest[:end], len(rest[:end]) == len(s))
		rest = rest[end:]
	}
}

// derivedAppendLower appends word in lower case; ASCII without allocating.
func derivedAppendLower(dst []byte, word string) []byte {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return append(dst[:0], strings.ToLower(word)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// derivedHasWordFold reports whether one of the words of s equals word
// under case folding.
func derivedHasWordFold(s, word string) bool {
	found := false
	derivedEachWord(s, func(w string, _ bool) { found = found || strings.EqualFold(w, word) })
	return found
}

func derivedHasRightForm(e *Entry, lang string) bool {
	for _, t := range e.Terms {
		if t.Lang == lang && derivedIsRight(t.Status) {
			return true
		}
	}
	return false
}

// derivedFamilyName is the family name of a Russian or Ukrainian name as
// written, its last word: Илон Маск → Маск.
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

// derivedCommonPrefixes holds every prefix of every common word, built once
// on first use and never modified afterwards.
var derivedCommonPrefixes = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for w := range commonWords() {
		for i := 1; i <= len(w); i++ {
			set[w[:i]] = true
		}
	}
	return set
})

// derivedStemMayMatch is a cheap filter: every form of family (CaseForms
// drops at most two letters) starts with the family minus its last three
// letters followed by more letters, so if that stem's transliteration does
// not begin some common word, no form's does. The stem is transliterated
// alone, which gives the same letters as in context except GOST's ц, which
// looks ahead; a stem ending in ц is not filtered.
func derivedStemMayMatch(family string, s Scheme, buf []byte) (bool, []byte) {
	stem := family
	for range 3 {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	last, _ := utf8.DecodeLastRuneInString(stem)
	if stem == "" || cyrillicLower(last) == 'ц' {
		return true, buf
	}
	buf = appendFoldedTranslit(buf[:0], stem, s)
	return derivedCommonPrefixes()[string(buf)], buf
}
