package review

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/typography"
)

// JoinOffer reports whether the article page offers the one-click join:
// the break after the segment is flagged as a broken paragraph and the
// next segment is known.
func (v SegmentView) JoinOffer() bool {
	return v.NextRevision > 0 && hasBrokenBreak(&v.Segment)
}

// Repairable reports whether the segment page offers merge and split: the
// segment is not waiting for review (no pending correction or dismissal)
// and nobody else holds its lease (the store checks again, with the row
// locked). A corrected and approved text is repaired like any other.
func (d *SegmentDetail) Repairable() bool {
	s := &d.Segment
	leased := s.State == StateInProgress && !d.HeldByMe && leaseLive(s)
	for _, x := range d.Dismissals {
		if x.Status == DismissalPending {
			return false
		}
	}
	return !leased && s.State != StateCorrected && d.Pending == nil
}

// JoinOffer reports whether the break after the segment is flagged as a
// broken paragraph, which makes joining it with the next one the page's
// first offer.
func (d *SegmentDetail) JoinOffer() bool { return d.Next != nil && hasBrokenBreak(&d.Segment) }

func hasBrokenBreak(s *Segment) bool {
	for _, f := range s.Flags {
		if f.Status == FlagOpen && f.Check == typography.CheckBrokenParagraph && f.StartOffset >= len(s.MTText) {
			return true
		}
	}
	return false
}

// SplitPoint is a place the segment page offers to split at: the start of
// a word, with the words around it.
type SplitPoint struct {
	Offset        int
	Before, After string
}

// maxSplitPoints bounds the split menu of a very long segment.
const maxSplitPoints = 300

// SplitPoints lists the word starts of the current text after the first
// word, each with up to three words either side.
func (d *SegmentDetail) SplitPoints() []SplitPoint {
	text := d.Segment.CurrentText
	var out []SplitPoint
	for i, r := range text {
		if i == 0 || unicode.IsSpace(r) {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(prev) {
			continue
		}
		out = append(out, SplitPoint{Offset: i, Before: lastWords(text[:i], 3), After: firstWords(text[i:], 3)})
		if len(out) == maxSplitPoints {
			break
		}
	}
	return out
}

func lastWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[max(len(w)-n, 0):], " ")
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	return strings.Join(w[:min(n, len(w))], " ")
}
