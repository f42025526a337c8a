package names

import (
	"strings"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// German writes a noun after the definite article and closes its compounds
// without a hyphen: "aus dem Freiland" (frei + Land), "der Weinberg". A
// word-list lexicon lists the common compounds, never all of them, so a
// closed compound near a person's family name ("Freiland" for Freeland)
// passed for a mangled name. After a definite article a single word for a
// person that splits into a word of the language and a noun (listed only
// capitalised) is a noun phrase. Names stay names after the article ("die
// Tschaputowa") because a name splits into no two German words, and places,
// which take the article, are not judged.

// minCompoundPart is the shortest part of a closed compound read: two
// letters split nearly any word ("Ma" + "rin").
const minCompoundPart = 3

// withoutGermanCompoundNouns drops the single-word person hits that follow a
// definite article and are closed German compounds.
func withoutGermanCompoundNouns(text, lang string, hits []Hit) []Hit {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return hits
	}
	lex := lexicon.For(lang)
	if lex.Lang() == "" {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		if h.Check == CheckFuzzy && h.EntryType == "person" && !strings.ContainsAny(h.Text, " \u00a0") &&
			afterGermanArticle(text, h.Start) && isGermanCompound(lex, h.Text) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// afterGermanArticle reports whether the word at start follows a definite
// article after one space.
func afterGermanArticle(text string, start int) bool {
	if start < 2 || text[start-1] != ' ' {
		return false
	}
	ws := wordStartBefore(text, start-1)
	return germanDefiniteArticles[strings.ToLower(text[ws:start-1])]
}

// isGermanCompound reports whether word is a word of the lexicon followed by
// a noun of it (capitalised in the lexicon, not listed in lower case), each
// at least minCompoundPart letters; a linking s after the first part is
// allowed ("Arbeitsamt").
func isGermanCompound(lex *lexicon.Lexicon, word string) bool {
	for i := range word {
		if i == 0 || utf8.RuneCountInString(word[:i]) < minCompoundPart {
			continue
		}
		head, tail := word[:i], word[i:]
		if utf8.RuneCountInString(tail) < minCompoundPart {
			break
		}
		r, n := utf8.DecodeRuneInString(tail)
		noun := strings.ToUpper(string(r)) + tail[n:]
		if !lex.Has(noun) || lex.Common(noun) {
			continue
		}
		if lex.Has(head) || (strings.HasSuffix(head, "s") && lex.Has(head[:len(head)-1])) {
			return true
		}
	}
	return false
}
