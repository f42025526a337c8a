package publish

import (
	"context"
	"fmt"
	"slices"

	"lector/review"
)

// DiffSegment is one aligned piece of two versions: one segment on each
// side where the live segment is the same, or, where segments were merged,
// split or replaced, the paragraphs around them. Concatenating the equal
// and delete ops gives the from text; equal and insert ops the to text.
type DiffSegment struct {
	Position      int             `json:"position"` // the first to-side position (from-side when the to side has none)
	Paragraph     int             `json:"paragraph"`
	FromPositions []int           `json:"from_positions"`
	ToPositions   []int           `json:"to_positions"`
	SegmentIDs    []int64         `json:"segment_ids"` // live segments involved, for links
	Changed       bool            `json:"changed"`
	Ops           []review.DiffOp `json:"ops"`
	Corrections   []CorrectionRef `json:"corrections"`
}

// Sides of a correction in a diff.
const (
	SideTo   = "to"   // the correction gave the to text
	SideFrom = "from" // the correction gave the from text, which the to side no longer has
)

// CorrectionRef is the provenance of a changed span: the correction, who
// wrote it and who approved it.
type CorrectionRef struct {
	ID       int64   `json:"id"`
	Segment  *int64  `json:"segment"`
	Side     string  `json:"side"`
	Author   *Person `json:"author"`
	Approver *Person `json:"approver"`
}

// AlignVersions diffs two versions' segments word by word. Segments are
// paired by live segment id in order (a longest common subsequence of the
// ids); the unpaired runs between pairs (merged, split or re-cut segments)
// are compared paragraph by paragraph, equal paragraphs paired, the rest
// diffed as one text. Every alignment is review.CommonSubsequence, linear
// in space and bounded in work, so the whole is about linear in the
// versions' size. Corrections carry ids only; names are filled by the
// caller. It stops with ctx's error when ctx ends.
func AlignVersions(ctx context.Context, from, to []review.VersionSegment) ([]DiffSegment, error) {
	out := []DiffSegment{}
	// Segments without a live id (deleted since) pair with nothing: each
	// gets a number of its own below zero, never an id.
	key := func(segs []review.VersionSegment, side int) []int {
		ks := make([]int, len(segs))
		for i, s := range segs {
			if s.SegmentID != nil {
				ks[i] = int(*s.SegmentID)
			} else {
				ks[i] = -2*i - 1 - side
			}
		}
		return ks
	}
	pairs, err := review.CommonSubsequence(ctx, key(from, 0), key(to, 1))
	if err != nil {
		return nil, err
	}
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(from), len(to)}) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		region, err := alignRegion(ctx, from[i:p[0]], to[j:p[1]])
		if err != nil {
			return nil, err
		}
		out = append(out, region...)
		if p[0] < len(from) {
			d, err := block(ctx, from[p[0]:p[0]+1], to[p[1]:p[1]+1])
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
		i, j = p[0]+1, p[1]+1
	}
	return out, nil
}

// alignRegion compares unpaired segments by paragraph text.
func alignRegion(ctx context.Context, from, to []review.VersionSegment) ([]DiffSegment, error) {
	if len(from) == 0 && len(to) == 0 {
		return nil, nil
	}
	fp, tp := paragraphsOf(from), paragraphsOf(to)
	texts := func(paras [][]review.VersionSegment) []string {
		out := make([]string, len(paras))
		for i, p := range paras {
			out[i] = review.JoinSegments(p)
		}
		return out
	}
	pairs, err := review.CommonStrings(ctx, texts(fp), texts(tp))
	if err != nil {
		return nil, err
	}
	var out []DiffSegment
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(fp), len(tp)}) {
		if i < p[0] || j < p[1] {
			d, err := block(ctx, slices.Concat(fp[i:p[0]]...), slices.Concat(tp[j:p[1]]...))
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
		if p[0] < len(fp) {
			d, err := block(ctx, fp[p[0]], tp[p[1]])
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
		i, j = p[0]+1, p[1]+1
	}
	return out, nil
}

// paragraphsOf cuts segments (in order) into runs of one paragraph.
func paragraphsOf(segs []review.VersionSegment) [][]review.VersionSegment {
	var out [][]review.VersionSegment
	for k, s := range segs {
		if k == 0 || s.Paragraph != segs[k-1].Paragraph {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

// block diffs from against to as one piece.
func block(ctx context.Context, from, to []review.VersionSegment) (DiffSegment, error) {
	d := DiffSegment{FromPositions: []int{}, ToPositions: []int{}, SegmentIDs: []int64{}, Corrections: []CorrectionRef{}}
	seen := map[int64]bool{}
	for _, side := range [][]review.VersionSegment{to, from} {
		for _, s := range side {
			if s.SegmentID != nil && !seen[*s.SegmentID] {
				seen[*s.SegmentID] = true
				d.SegmentIDs = append(d.SegmentIDs, *s.SegmentID)
			}
		}
	}
	for _, s := range from {
		d.FromPositions = append(d.FromPositions, s.Position)
	}
	for _, s := range to {
		d.ToPositions = append(d.ToPositions, s.Position)
	}
	first := to
	if len(first) == 0 {
		first = from
	}
	if len(first) > 0 {
		d.Position, d.Paragraph = first[0].Position, first[0].Paragraph
	}
	a, b := review.JoinSegments(from), review.JoinSegments(to)
	switch {
	case a == b && a != "": // most pieces of most diffs: no tokens, no table
		d.Ops = []review.DiffOp{{Op: review.OpEqual, Text: a}}
	case a != b:
		var err error
		if d.Ops, err = review.WordDiffContext(ctx, a, b); err != nil {
			return d, err
		}
	}
	if d.Ops == nil {
		d.Ops = []review.DiffOp{}
	}
	d.Changed = a != b
	if d.Changed {
		d.Corrections = append(refs(to, from, SideTo), refs(from, to, SideFrom)...)
	}
	return d, nil
}

// refs are the corrections behind side's texts that other does not share.
func refs(side, other []review.VersionSegment, name string) []CorrectionRef {
	out := []CorrectionRef{}
	shared := map[int64]bool{}
	for _, o := range other {
		if o.CorrectionID != nil {
			shared[*o.CorrectionID] = true
		}
	}
	for _, s := range side {
		if s.CorrectionID == nil || shared[*s.CorrectionID] {
			continue
		}
		r := CorrectionRef{ID: *s.CorrectionID, Segment: s.SegmentID, Side: name}
		if s.AuthorID != nil {
			r.Author = &Person{ID: *s.AuthorID}
		}
		if s.ApproverID != nil {
			r.Approver = &Person{ID: *s.ApproverID}
		}
		out = append(out, r)
	}
	return out
}

// Link is the page of the segment a changed piece belongs to (the first
// correction's, else the first live segment's), empty when there is none.
func (d DiffSegment) Link() string {
	for _, c := range d.Corrections {
		if c.Segment != nil {
			return fmt.Sprintf("/segments/%d", *c.Segment)
		}
	}
	if len(d.SegmentIDs) > 0 {
		return fmt.Sprintf("/segments/%d", d.SegmentIDs[0])
	}
	return ""
}

// AuthorName and ApproverName show the people of a correction; a dash for
// an account since deleted.
func (c CorrectionRef) AuthorName() string { return nameOf(c.Author) }

func (c CorrectionRef) ApproverName() string { return nameOf(c.Approver) }

func nameOf(p *Person) string {
	if p == nil || p.Name == "" {
		return "—"
	}
	return p.Name
}
