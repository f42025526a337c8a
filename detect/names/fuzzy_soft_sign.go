package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A romanization that marks the Russian soft sign with an apostrophe
// leaves it after a name's word: Лионель Месси is "Lionel' Messi" by
// BGN/PCGN. The tokenizer takes the apostrophe for punctuation, which
// cuts the run in two right forms ("Lionel", "Messi"). A word of a name
// never ends in an apostrophe before the next word of the same name (an
// English plural possessive ends a noun phrase: "the Joneses' house"), so
// two capitalised words around such an apostrophe that together, without
// it, are a right form of one entry are a wrong form of it.

// softSignNames returns the hits of the names in text that carry a soft
// sign's apostrophe between two of their words.
func (f *Fuzzy) softSignNames(text, lang string) []Hit {
	return hitsAtMarks(text, "'’ʼ", func(at int, _ rune, size int) (Hit, bool) {
		return f.softSignAt(text, lang, at, size)
	})
}

// hitsAtMarks calls hitAt at each of the marks (apostrophes) in text, in
// order, and returns the hits it finds; the scan goes on after a hit's end.
func hitsAtMarks(text, marks string, hitAt func(at int, mark rune, size int) (Hit, bool)) []Hit {
	var hits []Hit
	var lead [256]bool // the first bytes of the marks
	for _, m := range marks {
		lead[utf8.AppendRune(nil, m)[0]] = true
	}
	for i := 0; i < len(text); {
		at := indexMark(text, i, marks, &lead)
		if at < 0 {
			break
		}
		mark, size := utf8.DecodeRuneInString(text[at:])
		i = at + size
		if h, ok := hitAt(at, mark, size); ok {
			hits = append(hits, h)
			i = h.End
		}
	}
	return hits
}

// indexMark is the byte offset of the first of marks in text at or after
// from, or -1: strings.IndexAny, which for marks outside ASCII looks each
// rune of the text up in marks, at the speed of a byte loop. A mark's first
// byte (lead) never continues another rune, so a byte that is one starts a
// rune wherever strings.IndexAny would decode one.
func indexMark(text string, from int, marks string, lead *[256]bool) int {
	for i := from; i < len(text); i++ {
		if !lead[text[i]] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[i:]); strings.ContainsRune(marks, r) {
			return i
		}
	}
	return -1
}

// softSignAt is softSignNames' decision for the apostrophe at byte at.
func (f *Fuzzy) softSignAt(text, lang string, at, size int) (Hit, bool) {
	after := at + size
	if after+1 >= len(text) || text[after] != ' ' {
		return Hit{}, false
	}
	next, _ := utf8.DecodeRuneInString(text[after+1:])
	if !unicode.IsUpper(next) {
		return Hit{}, false
	}
	start := wordStartBefore(text, at)
	if first, _ := utf8.DecodeRuneInString(text[start:]); start == at || !unicode.IsUpper(first) {
		return Hit{}, false
	}
	end := scanWord(text, after+1)
	name := text[start:at] + text[after:end]
	r := f.match(name, lang, false, 0)
	if r.verdict != verdictRight || len(r.entries) == 0 || r.words < 2 {
		return Hit{}, false
	}
	end = withLastSoftSign(text, start, end)
	h := f.hitFor(f.pick(r.entries, nil), text[start:end], lang, r.words, confSpelling)
	h.Start, h.End, h.Text, h.Suggestion = start, end, text[start:end], name
	return h, true
}

// wordStartBefore is the start of the letters that end at byte i.
func wordStartBefore(text string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !fzWordRune(r) {
			break
		}
		i -= n
	}
	return i
}

// withLastSoftSign is end moved past the soft sign's apostrophe of the
// name's last word ("Lyubov' Sobol' spoke" is Любовь Соболь by the Library
// of Congress): an apostrophe right after the name and before no letter,
// where no quotation opened right before the name.
func withLastSoftSign(text string, start, end int) int {
	m, n := utf8.DecodeRuneInString(text[end:])
	if end >= len(text) || !strings.ContainsRune("'’ʼ", m) {
		return end
	}
	if r, _ := utf8.DecodeRuneInString(text[end+n:]); end+n < len(text) && unicode.IsLetter(r) {
		return end
	}
	if q, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && strings.ContainsRune("'‘’ʼ\"“", q) {
		return end
	}
	return end + n
}
