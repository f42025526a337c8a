package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The given name translated as a word (fuzzy_given_standin.go) is as often
// beside a family name MT left misspelled in plain Latin letters as beside
// one left in the source's script: Serbian "Vole Šojinka" (Wole Soyinka)
// comes out "Like Šojinka", Vole read as the verb voleti (like), and the
// family name is found by the ordinary fuzzy match. Every hit of the text is
// widened the same way, but for one thing: in a headline written in title
// case ("Talks With Sholts") every word is capitalised, so the word before
// the stand-in must not be capitalised too. A name that starts with a title,
// an ordinary word ("Pope Francis"), has no given name to stand in for.

// widenStandInAll widens the hits of hits that suggest a family name alone
// over a capitalised ordinary word before them that follows no capitalised
// word and stands for no title.
func (f *Fuzzy) widenStandInAll(text, lang string, hits []Hit) {
	f.widenStandInGiven(text, lang, hits, func(start int, full string) bool {
		return !capitalBefore(text, start) && !titledName(full, lang)
	})
}

// titledName reports whether full starts with an ordinary word of lang,
// a title rather than a given name ("Pope Francis", "King Charles"): no
// word stands in for it.
func titledName(full, lang string) bool {
	first, _, _ := strings.Cut(full, " ")
	return isOrdinaryWord(lang, strings.ToLower(first))
}

// capitalBefore reports whether the word right before byte i, in the same
// sentence, starts with a capital.
func capitalBefore(text string, i int) bool {
	word, gap, _ := wordBefore(text, i)
	if word == "" || endsSentence(gap) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}
