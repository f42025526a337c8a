package detect

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/lexicon"
	"lector/detect/names"
)

// mention is a glossary name in one side of a pair: where, and the entries
// it may be (several people share a family name; any of them will do).
type mention struct {
	start, end int
	words      int // words of the name as written
	keys       []string
	right      bool // a right form (in the target: not flagged by itself)
	// weak: a possessive adjective of the source (путинский), which
	// explains the name in the target but does not demand it.
	weak bool
	hit  *names.Hit
}

func (m mention) names(key string) bool { return slices.Contains(m.keys, key) }

// sourceMentions finds the glossary names of a source text: its terms as
// the exact matcher finds them, and every other capitalised word that is a
// right form of an entry in some case (Маском, Зеленського, Selenskyjs).
func (c *Checker) sourceMentions(source, lang string) []mention {
	var out []mention
	for _, h := range c.exact.Find(source, lang) {
		if h.Check == names.CheckFalseFriend {
			continue // a derived false friend is a word of the source's own
		}
		out = append(out, mention{start: h.Start, end: h.End, words: len(wordsOf(h.Text)), keys: []string{h.EntryKey}, right: true})
	}
	out = sortMentions(append(out, c.inflectedMentions(source, lang, out)...))
	return sortMentions(append(out, c.adjectiveMentions(source, lang, out)...))
}

// adjectiveMentions are the possessive adjectives of glossary family names
// in a Russian or Ukrainian text, outside the given mentions.
func (c *Checker) adjectiveMentions(text, lang string, known []mention) []mention {
	base := baseLang(lang)
	if base != "ru" && base != "uk" {
		return nil
	}
	var out []mention
	for _, w := range wordsOf(text) {
		if covered(w.start, w.end, known) {
			continue
		}
		var keys []string
		for _, e := range c.fuzzy.NamedByAdjective(w.text, base) {
			keys = append(keys, e.Key)
		}
		if len(keys) > 0 {
			out = append(out, mention{start: w.start, end: w.end, words: 1, keys: keys, right: true, weak: true})
		}
	}
	return out
}

// inflectedMentions are the capitalised words of text outside the given
// mentions that name an entry in some case form.
func (c *Checker) inflectedMentions(text, lang string, known []mention) []mention {
	var out []mention
	lex := lexicon.For(baseLang(lang))
	for _, w := range wordsOf(text) {
		if !startsUpper(w.text) || covered(w.start, w.end, known) {
			continue
		}
		if sentenceInitial(text, w.start) && lex.Common(w.text) {
			continue // "Ворота открылись": the capital is the sentence's, the word a gate
		}
		var keys []string
		for _, e := range c.fuzzy.Named(w.text, lang) {
			keys = append(keys, e.Key)
		}
		if len(keys) > 0 {
			out = append(out, mention{start: w.start, end: w.end, words: 1, keys: keys, right: true})
		}
	}
	return out
}

// targetMentions finds the glossary names of the translation: right forms
// (the exact matcher's, and case forms or German genitives the fuzzy index
// reads as right), and the wrong forms every check finds, false friends at
// any confidence: with the source saying whom a sentence names, a false
// friend of that person is no longer a guess.
func (c *Checker) targetMentions(text, lang string) []mention {
	hits := c.exact.Find(text, lang)
	var out []mention
	for i := range hits {
		h := &hits[i]
		out = append(out, mention{start: h.Start, end: h.End, words: len(wordsOf(h.Text)), keys: []string{h.EntryKey},
			right: h.Check == "", hit: h})
	}
	exact := len(out)
	for _, h := range c.fuzzy.Check(text, lang, nameMentions(hits)) {
		if covered(h.Start, h.End, out[:exact]) {
			continue
		}
		out = append(out, mention{start: h.Start, end: h.End, words: len(wordsOf(h.Text)), keys: []string{h.EntryKey}, hit: &h})
	}
	out = sortMentions(out)
	return sortMentions(append(out, c.inflectedMentions(text, lang, out)...))
}

func sortMentions(ms []mention) []mention {
	slices.SortStableFunc(ms, func(a, b mention) int { return a.start - b.start })
	return ms
}

// covered reports whether start..end overlaps one of ms, which are sorted
// by start and do not overlap one another (each check keeps out of the
// spans the ones before it took): a binary search, since every word of a
// text asks.
func covered(start, end int, ms []mention) bool {
	i, _ := slices.BinarySearchFunc(ms, end, func(m mention, end int) int {
		if m.start < end {
			return -1
		}
		return 1
	})
	return i > 0 && ms[i-1].end > start
}

// word is a run of letters (with inner apostrophes) and its byte offsets.
type word struct {
	start, end int
	text       string
}

// wordsOf cuts text into words: runs of letters and marks, an apostrophe
// or a hyphen inside a word splitting nothing but a hyphen ending it.
func wordsOf(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		letter := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
		inner := start >= 0 && (r == '\'' || r == '’' || r == 'ʼ') && i+utf8.RuneLen(r) < len(text) &&
			isLetterAt(text, i+utf8.RuneLen(r))
		switch {
		case letter || inner:
			if start < 0 {
				start = i
			}
		case start >= 0:
			out = append(out, word{start, i, text[start:i]})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(text), text[start:]})
	}
	return out
}

// sentenceInitial reports whether the word at i opens a sentence: nothing
// but quotes, brackets and dashes since the text's start or a stop.
func sentenceInitial(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case strings.ContainsRune(".!?…", r):
			return true
		case unicode.IsSpace(r) || strings.ContainsRune("\"«»„“”'(–—-", r):
			i -= n
		default:
			return false
		}
	}
	return true
}

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// articleBefore extends start back over an article directly before it
// ("the cook" → the whole of it stands for Cook), in English and German.
// It reads only the word before start.
func articleBefore(text string, start int, lang string) int {
	i := start
	if i == 0 || text[i-1] != ' ' {
		return start
	}
	i--
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	if j == i {
		return start
	}
	if slices.Contains(articles(lang), strings.ToLower(text[j:i])) {
		return j
	}
	return start
}

func articles(lang string) []string {
	switch {
	case baseLang(lang) == "en":
		return []string{"the", "a", "an"}
	case isGerman(lang):
		return []string{"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
	}
	return nil
}

func isGerman(lang string) bool { return baseLang(lang) == "de" }
