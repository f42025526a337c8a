package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// A near match of a glossary person beside a given name that is not the
// person's is someone else: "Maria Callas" is no mangled Kaja Kallas, and
// "Coco Gauff" holds no Tim Cook. MT mangles a given name by its spelling
// (Kaja → Kaya, Jan for Ian), by its form in another language (Vladimir for
// Volodymyr: the entry's own Russian form), or puts an ordinary word for it
// (Like for Wole); it does not put another proper name of the language,
// three letters or more from every form of the entry's. withoutOtherPerson
// extends withoutOtherGiven (right family names, Cyrillic) to near family
// names and every language, and adds the one-word case: a near family name
// followed by a capitalised word that is no word of the language and no
// word of the entry is the given name of a two-word name that is not the
// entry's.

// withoutOtherPerson drops the fuzzy hits of hits that name another person.
func (f *Fuzzy) withoutOtherPerson(text, lang string, hits []Hit) []Hit {
	lex := lexicon.For(lang)
	if lex.Lang() == "" {
		return hits
	}
	return slices.DeleteFunc(hits, func(h Hit) bool {
		if h.Check != CheckFuzzy || h.EntryType != "person" {
			return false
		}
		e, ok := f.entryWithKey(h.EntryKey)
		if !ok {
			return false
		}
		words := strings.Fields(h.Text)
		switch {
		case len(words) == 2 && len(strings.Fields(h.Suggestion)) == 2:
			// The suggestion must be given name and family name: not "da
			// Vinci", not "López Obrador" (two family names).
			if want := strings.Fields(h.Suggestion)[0]; isParticleWord(want) || !isGivenNameOf(e, want, lang) {
				return false
			}
			return isProperName(lex, words[0]) && !isGivenNameOf(e, words[0], lang)
		case len(words) == 1 && len(strings.Fields(h.Entry)) >= 2:
			return f.beforeAnotherName(text, lex, h, e) || f.isWomanRelative(text, lang, lex, h, e) // fuzzy_woman_relative.go
		}
		return false
	})
}

// beforeAnotherName reports whether the one-word hit h is followed, after
// one space, by a capitalised word that is no word of the language, no
// right form of the glossary, no word of the entry e and no particle: the
// hit is the given name of a name the glossary does not hold.
func (f *Fuzzy) beforeAnotherName(text string, lex *lexicon.Lexicon, h Hit, e entryRef) bool {
	if h.End >= len(text) || text[h.End] != ' ' || nameOrHeadlineBefore(text, lex, h.Start) {
		return false
	}
	next, _, _ := wordAfter(text, h.End)
	r, _ := utf8.DecodeRuneInString(next)
	if next == "" || !unicode.IsUpper(r) || isAllUpperWord(next) || isParticleWord(next) {
		return false
	}
	if lex.Has(next) || len(f.rightEntries(lex.Lang(), FoldName(next))) > 0 {
		return false // "Nawrocky Foundation", "Nawrocky Poland": a word or a known name
	}
	return !isWordOf(e, next)
}

// nameOrHeadlineBefore reports whether the word before byte i, in the same
// sentence, is capitalised and either an ordinary word (a title-case
// headline: "Talks With Sholts Today") or no word of the language (a
// longer name): then a capitalised word after the hit tells nothing. A
// proper adjective ("the American Coco Gauff") does not count.
func nameOrHeadlineBefore(text string, lex *lexicon.Lexicon, i int) bool {
	if !capitalBefore(text, i) {
		return false
	}
	prev, _, _ := wordBefore(text, i)
	return lex.Common(prev) || !lex.Has(prev)
}

// isProperName reports whether w is listed only capitalised: a proper name
// of the language, not an ordinary word standing in for a given name.
// German capitalises every noun, so there it is never sure. A common given
// name (shape_given.go) is one even where the word list has a homograph.
func isProperName(lex *lexicon.Lexicon, w string) bool {
	if lex.Lang() == "de" || !lex.Has(w) {
		return false
	}
	return !lex.Common(w) || isGivenName(FoldName(w)) // "maria" is also the plural of mare
}

// isGivenNameOf reports whether w is within two edits of the first word of
// one of e's forms, read in w's script, or is a case form of it.
func isGivenNameOf(e entryRef, w, lang string) bool {
	return e.AnyTerm(func(t Term) bool {
		given, rest, ok := strings.Cut(t.Form, " ")
		if !ok || rest == "" {
			return false
		}
		if casesOf(given, w, lang, roleGiven, genderUnknown) != 0 {
			return true
		}
		return nearInScript(given, w, 3)
	})
}

// isWordOf reports whether w is within two edits of a word of one of e's
// forms, read in w's script.
func isWordOf(e entryRef, w string) bool {
	return e.AnyTerm(func(t Term) bool {
		return slices.ContainsFunc(strings.Fields(t.Form), func(x string) bool { return nearInScript(x, w, 3) })
	})
}

// nearInScript reports whether word x of a form is fewer than max edits from
// w, both folded, x romanized (BGN/PCGN) when w is Latin and x is not; a
// Latin x is not compared with a Cyrillic w.
func nearInScript(x, w string, max float64) bool {
	xl, wl := isLatinWord(x), isLatinWord(w)
	var a, b string
	switch {
	case xl && wl:
		a, b = FoldName(x), FoldName(w)
	case wl:
		a, b = string(appendFoldedTranslit(nil, x, SchemeBGN)), FoldName(w)
	case !xl:
		a, b = strings.ToLower(x), strings.ToLower(w)
	default:
		return false
	}
	return spellingDistance([]rune(a), []rune(b)) < max
}

// isLatinWord reports whether w's first letter is Latin.
func isLatinWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Latin, r)
		}
	}
	return false
}

// entryWithKey returns the entry whose key is key.
func (f *Fuzzy) entryWithKey(key string) (entryRef, bool) {
	for _, ix := range f.entriesWithKey(key) {
		if e := f.entry(int32(ix & entryMask)); e.Key() == key {
			return e, true
		}
	}
	return entryRef{}, false
}
