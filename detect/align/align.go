// Package align lines up the sentences of a source text with those of its
// translation: paragraphs first, then the sentences inside each pair of
// paragraphs, one to one, one to two, two to one, or left unmatched (a
// sentence the translation dropped or invented). It is the length-based
// dynamic program of Gale and Church (1993), with anchors: numbers, the
// question and exclamation marks and quotes a sentence ends or is built
// with, and whatever the caller knows is the same on both sides (the
// glossary entries a sentence names). It is pure and imports nothing of
// Lector's: a Unit is a plain sentence with its paragraph and anchors.
package align

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Unit is one sentence of a text. Paragraph numbers the paragraphs from 0
// (units of one paragraph are consecutive); Text is what the lengths and the
// built-in anchors are read from; Keys are anchors the caller found, equal
// on both sides when the sentences say the same thing (glossary entry keys).
type Unit struct {
	Paragraph int
	Text      string
	Keys      []string
}

// Bead is one step of an alignment: source units and target units (indexes
// into the inputs, ascending) that translate each other. One side is empty
// for a sentence with no counterpart. Cost is the step's cost in the
// program (lower is surer); a 1:1 pair of unlike sentences costs more.
type Bead struct {
	Source []int
	Target []int
	Cost   float64
}

// Unmatched reports whether one side of the bead is empty.
func (b Bead) Unmatched() bool { return len(b.Source) == 0 || len(b.Target) == 0 }

// Align lines up src with tgt. Every unit of both sides is in exactly one
// bead, in order. Paragraphs are aligned first, so a sentence never pairs
// across a paragraph the other side keeps apart; when the paragraphs do not
// line up (a translation that joined them all), the sentences of the whole
// texts are aligned directly.
func Align(src, tgt []Unit) []Bead {
	if len(src) == 0 || len(tgt) == 0 {
		return unmatched(indexes(0, len(src)), indexes(0, len(tgt)))
	}
	first := lengthRatio(src, tgt)
	if first > 0.4 && first < 2.5 {
		// Latin, Cyrillic and Greek scripts say the same in about as many
		// letters; the whole texts' ratio is biased by what one side dropped.
		first = 1
	}
	return alignAll(src, tgt, pairedRatio(src, tgt, alignAll(src, tgt, first), first))
}

// AlignRatio is Align with the target's length per letter of source given,
// for a few sentences cut from a longer pair, whose own ratio says little:
// the ratio of the sentences the rest of the pair holds is better.
func AlignRatio(src, tgt []Unit, ratio float64) []Bead {
	if len(src) == 0 || len(tgt) == 0 {
		return unmatched(indexes(0, len(src)), indexes(0, len(tgt)))
	}
	return alignAll(src, tgt, math.Min(4, math.Max(0.25, ratio)))
}

// alignAll is Align with the length ratio given.
func alignAll(src, tgt []Unit, ratio float64) []Bead {
	sp, tp := paragraphs(src), paragraphs(tgt)
	if len(sp) < 2 && len(tp) < 2 {
		return alignUnits(src, tgt, indexes(0, len(src)), indexes(0, len(tgt)), ratio)
	}
	pbeads := program(paragraphUnits(src, sp), paragraphUnits(tgt, tp), ratio)
	if !lineUp(pbeads, len(sp)+len(tp)) {
		return alignUnits(src, tgt, indexes(0, len(src)), indexes(0, len(tgt)), ratio)
	}
	var out []Bead
	for _, pb := range pbeads {
		var si, ti []int
		for _, p := range pb.Source {
			si = append(si, indexes(sp[p][0], sp[p][1])...)
		}
		for _, p := range pb.Target {
			ti = append(ti, indexes(tp[p][0], tp[p][1])...)
		}
		if pb.Unmatched() {
			out = append(out, unmatched(si, ti)...)
			continue
		}
		out = append(out, alignUnits(src, tgt, si, ti, ratio)...)
	}
	return out
}

// lineUp reports whether the paragraphs mostly pair one to one: when more
// than a quarter of them are in other beads, the translation has its own
// paragraphs and only the sentences can be aligned.
func lineUp(beads []Bead, paragraphs int) bool {
	odd := 0
	for _, b := range beads {
		if len(b.Source) != 1 || len(b.Target) != 1 {
			odd += len(b.Source) + len(b.Target)
		}
	}
	return 4*odd <= paragraphs
}

// alignUnits aligns the units at si in src with those at ti in tgt and
// returns beads holding indexes into src and tgt.
func alignUnits(src, tgt []Unit, si, ti []int, ratio float64) []Bead {
	a, b := make([]Unit, len(si)), make([]Unit, len(ti))
	for k, i := range si {
		a[k] = src[i]
	}
	for k, i := range ti {
		b[k] = tgt[i]
	}
	beads := program(a, b, ratio)
	for k := range beads {
		beads[k].Source = pick(si, beads[k].Source)
		beads[k].Target = pick(ti, beads[k].Target)
	}
	return beads
}

func pick(from, at []int) []int {
	out := make([]int, len(at))
	for k, i := range at {
		out[k] = from[i]
	}
	return out
}

func indexes(lo, hi int) []int {
	out := make([]int, 0, hi-lo)
	for i := lo; i < hi; i++ {
		out = append(out, i)
	}
	return out
}

func unmatched(si, ti []int) []Bead {
	var out []Bead
	for _, i := range si {
		out = append(out, Bead{Source: []int{i}, Cost: costUnmatched})
	}
	for _, i := range ti {
		out = append(out, Bead{Target: []int{i}, Cost: costUnmatched})
	}
	return out
}

// paragraphs returns each paragraph's [first, end) range of units.
func paragraphs(units []Unit) [][2]int {
	var out [][2]int
	for i, u := range units {
		if i == 0 || u.Paragraph != units[i-1].Paragraph {
			out = append(out, [2]int{i, i})
		}
		out[len(out)-1][1] = i + 1
	}
	return out
}

// paragraphUnits makes one unit of each paragraph, its sentences joined.
func paragraphUnits(units []Unit, ps [][2]int) []Unit {
	out := make([]Unit, len(ps))
	for k, p := range ps {
		out[k].Paragraph = k
		for _, u := range units[p[0]:p[1]] {
			out[k].Text += u.Text + " "
			out[k].Keys = append(out[k].Keys, u.Keys...)
		}
	}
	return out
}

// lengthRatio is the target's length in letters per letter of the source,
// over the whole texts: Russian runs shorter than its English, German
// longer, and the program must expect that of every pair.
func lengthRatio(src, tgt []Unit) float64 {
	var a, b int
	for _, u := range src {
		a += utf8.RuneCountInString(u.Text)
	}
	for _, u := range tgt {
		b += utf8.RuneCountInString(u.Text)
	}
	if a == 0 || b == 0 {
		return 1
	}
	return math.Min(4, math.Max(0.25, float64(b)/float64(a)))
}

// pairedRatio re-estimates the length ratio from the one-to-one beads of a
// first alignment: a dropped or invented sentence biases the ratio of the
// whole texts, and with it every pair, towards the wrong merge. The first
// ratio counts as prior letters, so that a few short pairs move it little.
func pairedRatio(src, tgt []Unit, beads []Bead, first float64) float64 {
	const prior = 60
	var a, b int
	for _, bd := range beads {
		if len(bd.Source) == 1 && len(bd.Target) == 1 {
			a += utf8.RuneCountInString(src[bd.Source[0]].Text)
			b += utf8.RuneCountInString(tgt[bd.Target[0]].Text)
		}
	}
	r := (float64(b) + first*prior) / (float64(a) + prior)
	return math.Min(4, math.Max(0.25, r))
}

// anchorsOf is a unit's anchors: its caller-given keys, its numbers (as
// digits: "2024", "3,5" → "3", "5"), and its question marks, exclamation
// marks and quotes, by kind.
func anchorsOf(u Unit) []string {
	out := slices.Clone(u.Keys)
	num := []rune(nil)
	flush := func() {
		if len(num) > 0 {
			out = append(out, "#"+string(num))
			num = num[:0]
		}
	}
	for _, r := range u.Text {
		switch {
		case unicode.IsDigit(r):
			num = append(num, r)
			continue
		case r == '?':
			out = append(out, "?")
		case r == '!':
			out = append(out, "!")
		case isQuote(r):
			out = append(out, `"`)
		}
		flush()
	}
	flush()
	return out
}

// isQuote is any opening or closing quotation mark: «», „“, “”, "…".
func isQuote(r rune) bool {
	switch r {
	case '"', '«', '»', '„', '“', '”', '‹', '›':
		return true
	}
	return false
}
