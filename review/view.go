package review

import (
	"slices"
	"sort"
)

// Piece is a run of segment text covered by the same set of flags (none for
// plain text), so overlapping flags render as one highlighted run.
type Piece struct {
	Text  string
	Flags []Flag
	// Name is the glossary entry key of a name the segment's source holds
	// too (the segment page pairs them); "" elsewhere.
	Name string
}

// SegmentView is a segment ready for the article page.
type SegmentView struct {
	Segment
	Pieces []Piece
	// BreakFlags are flags on the break after the segment (a paragraph split
	// inside a sentence or a number).
	BreakFlags []Flag
	// NextRevision is the revision of the segment after it (0: none or not
	// loaded), for the one-click join of a broken paragraph.
	NextRevision int
}

// FlagKinds lists the kinds of the segment's open flags, each once, in
// the order they first occur (the grid's flags column).
func (v SegmentView) FlagKinds() []string {
	var out []string
	for _, f := range v.Flags {
		if !slices.Contains(out, f.Kind) {
			out = append(out, f.Kind)
		}
	}
	return out
}

// ParagraphView groups the segments of one paragraph.
type ParagraphView struct {
	Number   int
	Segments []SegmentView
}

// Paragraphs groups segments (in position order) into paragraphs and cuts
// each segment's text into pieces at flag boundaries.
func Paragraphs(segs []Segment) []ParagraphView {
	var out []ParagraphView
	for _, s := range segs {
		if len(out) == 0 || out[len(out)-1].Number != s.Paragraph {
			out = append(out, ParagraphView{Number: s.Paragraph})
		}
		p := &out[len(out)-1]
		p.Segments = append(p.Segments, viewOf(s))
	}
	return out
}

// viewOf marks the segment's flags in its current text: those whose
// offsets point into it (the MT text nobody changed, or the approved text
// an approval checked again, so that a name an approval left open stays
// marked). Flags on the break after the segment are listed apart.
func viewOf(s Segment) SegmentView {
	v := SegmentView{Segment: s}
	var inText []Flag
	for _, f := range s.Flags {
		if f.OffsetsIn != OffsetsApproved && f.StartOffset >= len(s.MTText) {
			v.BreakFlags = append(v.BreakFlags, f)
			continue
		}
		if _, ok := offsetsText(&s, &f); ok {
			inText = append(inText, f)
		}
	}
	if len(inText) == 0 {
		v.Pieces = []Piece{{Text: s.CurrentText}}
		return v
	}
	v.Pieces = pieces(s.CurrentText, inText)
	return v
}

// pieces cuts text at every flag boundary and gives each piece the flags
// that cover it; neighbouring pieces with the same flags are merged.
func pieces(text string, flags []Flag) []Piece {
	cuts := []int{0, len(text)}
	for _, f := range flags {
		cuts = append(cuts, f.StartOffset, f.EndOffset)
	}
	sort.Ints(cuts)
	var out []Piece
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		var cover []Flag
		for _, f := range flags {
			if f.StartOffset <= a && b <= f.EndOffset {
				cover = append(cover, f)
			}
		}
		if n := len(out); n > 0 && sameFlags(out[n-1].Flags, cover) {
			out[n-1].Text += text[a:b]
			continue
		}
		out = append(out, Piece{Text: text[a:b], Flags: cover})
	}
	return out
}

func sameFlags(a, b []Flag) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].StartOffset != b[i].StartOffset {
			return false
		}
	}
	return true
}
