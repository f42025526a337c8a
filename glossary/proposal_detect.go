package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/names"
)

// DiffChunk is one operation of a word diff from a segment's text before a
// correction to its text after: Op is "equal", "insert" or "delete" (the
// review package's WordDiff). Equal and delete chunks concatenate to the old
// text, equal and insert chunks to the new one.
type DiffChunk struct {
	Op   string
	Text string
}

// Limits of what a correction can teach: right forms of up to learnMaxWords
// words, wrong forms of at most two words more and learnMaxBytes bytes,
// learnMaxCandidates spans of a segment looked up in the glossary.
const (
	learnMaxWords      = 4
	learnMaxBytes      = 120
	learnMaxCandidates = 400
	// learnMaxEnding is how many letters of a Cyrillic case ending may
	// follow a right form inside one word (Исааксона for Исааксон).
	learnMaxEnding = 2
)

// hunk is a run of the diff in both texts; changed when the texts differ.
type hunk struct {
	oldStart, oldEnd, newStart, newEnd int
	changed                            bool
}

// learnSpan is a span of the new text that may hold a right form: the
// words from Start to WordEnd, minus Ending (a case ending) at the end.
type learnSpan struct {
	Start, End, WordEnd int
	Words               int
}

// learnRight is one right form of an entry, as the glossary knows it.
type learnRight struct {
	EntryID       int64
	Lang          string
	Form          string
	CaseSensitive bool
}

// learned is a wrong form found in a correction: Old at OldStart..OldEnd of
// the old text was replaced by Right, a right form of EntryID.
type learned struct {
	EntryID          int64
	Lang             string
	Old, Right       string
	OldStart, OldEnd int
}

// diffHunks lays the chunks out in both texts, merging neighbouring
// inserts and deletes into one changed hunk; it returns the new text too.
func diffHunks(chunks []DiffChunk) ([]hunk, string) {
	var hs []hunk
	var b strings.Builder
	o, n := 0, 0
	for _, c := range chunks {
		changed := c.Op != "equal"
		if len(hs) == 0 || hs[len(hs)-1].changed != changed || !changed {
			hs = append(hs, hunk{oldStart: o, oldEnd: o, newStart: n, newEnd: n, changed: changed})
		}
		h := &hs[len(hs)-1]
		if c.Op != "insert" {
			o += len(c.Text)
			h.oldEnd = o
		}
		if c.Op != "delete" {
			n += len(c.Text)
			h.newEnd = n
			b.WriteString(c.Text)
		}
	}
	return hs, b.String()
}

// learnSpans returns the spans of up to maxWords words of text that touch
// a changed hunk: the candidates for the right form a correction put in
// (and, on the old side, for the wrong form it took out). A span of one Cyrillic word also comes without its last one or two
// letters, a case ending.
func learnSpans(hs []hunk, text string, maxWords int) []learnSpan {
	type word struct{ start, end int }
	var words []word
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !learnWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, n := utf8.DecodeRuneInString(text[j:])
			if !learnWordRune(r2) {
				break
			}
			j += n
		}
		words = append(words, word{i, j})
		i = j
	}
	touches := func(s, e int) bool {
		for _, h := range hs {
			if h.changed && (h.newStart < e && s < h.newEnd || h.newStart == h.newEnd && s < h.newStart && h.newStart < e) {
				return true
			}
		}
		return false
	}
	var out []learnSpan
	for i := range words {
		for k := i; k < len(words) && k-i < maxWords; k++ {
			s, e := words[i].start, words[k].end
			if !touches(s, e) {
				continue
			}
			out = append(out, learnSpan{Start: s, End: e, WordEnd: e, Words: k - i + 1})
			if last := text[words[k].start:e]; utf8.RuneCountInString(last) >= 4 && names.IsCyrillic(last) {
				cut := e
				for range learnMaxEnding {
					_, size := utf8.DecodeLastRuneInString(text[:cut])
					cut -= size
					out = append(out, learnSpan{Start: s, End: cut, WordEnd: e, Words: k - i + 1})
				}
			}
			if len(out) >= learnMaxCandidates { // a rewritten paragraph, not a fixed name
				return out[:learnMaxCandidates]
			}
		}
	}
	return out
}

// learnWordRune is a letter, digit or mark: what WordDiff counts as a word.
func learnWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// detectLearned finds the wrong forms a correction replaced: the longest
// right forms (rights, looked up for the spans of learnSpans) that the new
// text holds where the diff changed it, and the old text that stood in their
// place, trimmed of punctuation and possessives. known reports forms the
// glossary already has for an entry (or as anyone's right form); those, and
// old texts too unlike the right form to be a misspelling of it, teach
// nothing.
func detectLearned(chunks []DiffChunk, rights map[string][]learnRight, known func(entryID int64, form string) bool) []learned {
	hs, text := diffHunks(chunks)
	old := oldText(chunks)
	type hit struct {
		span  learnSpan
		right learnRight
	}
	var hits []hit
	for _, sp := range learnSpans(hs, text, learnMaxWords) {
		cand := text[sp.Start:sp.End]
		for _, r := range rights[strings.ToLower(cand)] {
			if !r.CaseSensitive || r.Form == cand {
				hits = append(hits, hit{sp, r})
			}
		}
	}
	// The right form that covers most of the change wins, and of those the
	// shortest, then the leftmost: "Isaxon" → "Isaacson" in "Walter Isaxon"
	// teaches "Isaxon", not "Walter Isaxon"; "Ilon Musk" → "Elon Musk"
	// teaches "Ilon Musk", "Elon" being no form of its own.
	cover := func(sp learnSpan) int {
		n := 0
		for _, h := range hs {
			if !h.changed {
				continue
			}
			if h.newStart == h.newEnd && sp.Start < h.newStart && h.newStart < sp.WordEnd {
				n++
			}
			n += max(0, min(h.newEnd, sp.WordEnd)-max(h.newStart, sp.Start))
		}
		return n
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i].span, hits[j].span
		if ca, cb := cover(a), cover(b); ca != cb {
			return ca > cb
		}
		if la, lb := a.WordEnd-a.Start, b.WordEnd-b.Start; la != lb {
			return la < lb
		}
		if a.End != b.End {
			return a.End > b.End // the whole word before one without its ending
		}
		return a.Start < b.Start
	})
	var taken []learnSpan
	var out []learned
	for _, h := range hits {
		overlaps := false
		for _, t := range taken {
			if h.span.Start < t.WordEnd && t.Start < h.span.WordEnd {
				overlaps = true
			}
		}
		if overlaps {
			continue
		}
		taken = append(taken, h.span)
		s, e, ok := oldSpan(hs, h.span.Start, h.span.WordEnd)
		if !ok {
			continue
		}
		if ending := text[h.span.End:h.span.WordEnd]; ending != "" && strings.HasSuffix(strings.ToLower(old[s:e]), strings.ToLower(ending)) {
			e -= len(ending)
		}
		s, e = trimForm(old, s, e)
		form := old[s:e]
		if !plausibleWrong(form, h.right.Form, h.span.Words) || known(h.right.EntryID, form) {
			continue
		}
		l := learned{EntryID: h.right.EntryID, Lang: h.right.Lang, Old: form, Right: h.right.Form, OldStart: s, OldEnd: e}
		if !containsLearned(out, l) {
			out = append(out, l)
		}
	}
	return out
}

func containsLearned(list []learned, l learned) bool {
	for _, x := range list {
		if x.EntryID == l.EntryID && x.Lang == l.Lang && x.Old == l.Old {
			return true
		}
	}
	return false
}

func oldText(chunks []DiffChunk) string {
	var b strings.Builder
	for _, c := range chunks {
		if c.Op != "insert" {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}

// oldSpan maps the span s..e of the new text to the old one: offsets in an
// unchanged hunk move with it, offsets in a changed hunk widen to the whole
// hunk. ok is false when the span changed nothing (a pure insertion).
func oldSpan(hs []hunk, s, e int) (int, int, bool) {
	os, oe := -1, -1
	changed := false
	for _, h := range hs {
		if h.newEnd < s || h.newStart > e || (h.newEnd == s && h.newStart < s) || (h.newStart == e && h.newEnd > e) {
			continue
		}
		if !h.changed {
			if os < 0 {
				os = h.oldStart + max(s-h.newStart, 0)
			}
			oe = h.oldStart + min(e, h.newEnd) - h.newStart
			continue
		}
		// A pure deletion right at either edge is not part of the span.
		if h.newStart == h.newEnd && (h.newStart == s || h.newStart == e) {
			continue
		}
		changed = changed || h.oldEnd > h.oldStart
		if os < 0 {
			os = h.oldStart
		}
		oe = h.oldEnd
	}
	return os, oe, changed && os >= 0 && oe > os
}

// trimForm narrows s..e of text to the name in it: no white space or
// punctuation at either end, no English possessive.
func trimForm(text string, s, e int) (int, int) {
	for {
		t := text[s:e]
		switch {
		case t == "":
			return s, e
		case strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s"):
			_, size := utf8.DecodeLastRuneInString(t[:len(t)-1])
			e -= size + 1
			continue
		}
		first, fs := utf8.DecodeRuneInString(t)
		last, ls := utf8.DecodeLastRuneInString(t)
		switch {
		case !learnWordRune(first):
			s += fs
		case !learnWordRune(last):
			e -= ls
		default:
			return s, e
		}
	}
}

// plausibleWrong reports whether form may be a misspelling of right, which
// has rightWords words: a short one-line name, no more than two words
// longer, that differs from right beyond case and marks but not by more
// than half of its letters.
func plausibleWrong(form, right string, rightWords int) bool {
	if form == "" || len(form) > learnMaxBytes || strings.ContainsAny(form, "\n\r\t") ||
		len(strings.Fields(form)) > rightWords+2 {
		return false
	}
	a, b := names.FoldName(form), names.FoldName(right)
	if a == "" || a == b {
		return false
	}
	limit := max(len(a), len(b)) / 2
	return names.Damerau(a, b, limit) <= limit
}

// oldSide mirrors hunks so that learnSpans runs over the old text.
func oldSide(hs []hunk) []hunk {
	out := make([]hunk, len(hs))
	for i, h := range hs {
		out[i] = hunk{oldStart: h.newStart, oldEnd: h.newEnd, newStart: h.oldStart, newEnd: h.oldEnd, changed: h.changed}
	}
	return out
}
