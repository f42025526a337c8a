// Package names finds the names of a glossary in a text and the forms that
// come close to them: an exact matcher over a million terms (Matcher), a
// fuzzy index for mangled spellings (Fuzzy), transliteration between Latin
// and Cyrillic, phonetic keys, and the false friends a name's Russian or
// Ukrainian form derives ("Трамп" read as "tramp"). It is pure: it defines
// its own plain input, Entry and Term, and knows no database.
package names

import (
	"iter"
	"slices"
)

// Status of a term within its entry and language.
type Status string

const (
	Preferred   Status = "preferred"
	Admitted    Status = "admitted"
	Deprecated  Status = "deprecated"
	FalseFriend Status = "false-friend"
)

// Entry is a concept, usually one person, place or organization, with its
// forms in many languages. Key names it in hits (Hit.EntryKey).
type Entry struct {
	Key   string
	Type  string
	Terms []Term
}

// Term is one written form of an entry in one language.
type Term struct {
	Lang          string
	Form          string
	Status        Status
	CaseSensitive bool
	// Derived marks the terms WithDerivedFalseFriends adds; a glossary's
	// own terms never have it. A derived false friend in an oblique case is
	// replaced by the name in that case ("Повара" → "Кука"), which the
	// matcher computes when it finds one (translatedSuggestion): a field
	// for it cost every term of a million-name glossary 16 bytes.
	Derived bool
}

// Preferred returns the entry's preferred form in lang, falling back to
// English and then to any preferred form, so that a suggestion always exists.
func (e *Entry) Preferred(lang string) string { return preferredIn(slices.All(e.Terms), lang) }

// preferredIn is Preferred over terms (an Entry's or an entryRef's).
func preferredIn(terms iter.Seq2[int, Term], lang string) string {
	var en, any string
	for _, t := range terms {
		if t.Status != Preferred {
			continue
		}
		switch {
		case t.Lang == lang:
			return t.Form
		case t.Lang == "en" && en == "":
			en = t.Form
		case any == "":
			any = t.Form
		}
	}
	if en != "" {
		return en
	}
	return any
}

// Valid reports whether s is one of the four statuses.
func (s Status) Valid() bool {
	switch s {
	case Preferred, Admitted, Deprecated, FalseFriend:
		return true
	}
	return false
}
