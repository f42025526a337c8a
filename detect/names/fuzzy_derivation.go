package names

import (
	"strings"

	"lector/detect/lexicon"
)

// A name's derived words are words of the language, not mangled forms of
// the name: "Serbian" is Serbia's adjective, "Argentine" Argentina's,
// "Trumpian" Trump's. Their spelling is one a dictionary holds, and their
// stem is the name's stem; a romanization slip yields neither. English
// lists these adjectives capitalised, so the ordinary-word test (lower
// case) lets them through, and with the place named in the text they read
// as a one-letter slip of it.

// derivationSuffixes are the endings that make adjectives, demonyms and
// followers' nouns of a name in English: Serbia-n, Brazil-ian, Chin-ese,
// Israel-i, Argentin-e, Putin-ist, Thatcher-ite, Trump-ian.
var derivationSuffixes = [...]string{"n", "an", "ian", "ean", "ese", "i", "e", "ic", "ish", "ist", "ite", "ism"}

// isDerivedWord reports whether run, a single word of a text in lang, is a
// word of the language derived from a right form of e in lang: the form's
// stem (the whole word, or less one or two final letters, as Argentina
// loses its a and Belgium its um) followed by a derivation suffix. The
// run must be a word the lexicon holds; a language without one judges
// nothing.
func isDerivedWord(run, lang string, e entryRef) bool {
	l := lexicon.For(lang)
	run = trimPossessive(run)
	if l.Lang() == "" || !l.Has(run) {
		return false
	}
	word := FoldName(run)
	for _, t := range e.Terms() {
		if t.Lang != lang || (t.Status != Preferred && t.Status != Admitted) {
			continue
		}
		words := nameWords(FoldName(t.Form))
		if len(words) == 0 {
			continue
		}
		if derivesFrom(word, words[len(words)-1]) {
			return true
		}
	}
	return false
}

// derivesFrom reports whether word is stem+suffix, stem being name or name
// less its last one or two letters, and at least four letters long.
func derivesFrom(word, name string) bool {
	for cut := 0; cut <= 2 && len(name)-cut >= 4; cut++ {
		rest, ok := strings.CutPrefix(word, name[:len(name)-cut])
		if !ok || rest == "" {
			continue
		}
		for _, s := range derivationSuffixes {
			if rest == s {
				return true
			}
		}
	}
	return false
}
