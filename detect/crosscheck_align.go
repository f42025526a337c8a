package detect

import (
	"strings"

	"lector/detect/align"
	"lector/detect/finding"
)

// alignmentFindings reports what the alignment left unmatched, as problems
// of the alignment and never of the names in those sentences: a target
// sentence the source does not have, and a source sentence the target
// lacks (flagged on the target sentence before the gap, or after it when
// the gap opens the text, the sentences left out in its Source).
func (p *pair) alignmentFindings() []finding.Finding {
	var out []finding.Finding
	for k, b := range p.beads {
		switch {
		case len(b.Source) == 0:
			for _, u := range b.Target {
				s := p.spans[u]
				out = append(out, finding.Finding{Kind: finding.KindSegmentation, Check: CheckSentenceNotInSource,
					Start: s.Start, End: s.End, Text: s.Text, Confidence: confidenceAlignment})
			}
		case len(b.Target) == 0:
			u, ok := p.targetBeside(k)
			if !ok {
				continue
			}
			s := p.spans[u]
			left := p.sourceOf(b)
			if n := len(out); n > 0 && out[n-1].Check == CheckSourceSentenceMissing && out[n-1].Start == s.Start {
				// Several source sentences missing at one place: one flag.
				out[n-1].Source += " " + left
				continue
			}
			out = append(out, finding.Finding{Kind: finding.KindSegmentation, Check: CheckSourceSentenceMissing,
				Start: s.Start, End: s.End, Text: s.Text, Source: left, Confidence: confidenceAlignment})
		}
	}
	return out
}

// targetBeside is the target span before bead k's place, or after it when
// nothing comes before; false when the target has no span at all.
func (p *pair) targetBeside(k int) (int, bool) {
	for j := k - 1; j >= 0; j-- {
		if t := p.beads[j].Target; len(t) > 0 {
			return t[len(t)-1], true
		}
	}
	for j := k + 1; j < len(p.beads); j++ {
		if t := p.beads[j].Target; len(t) > 0 {
			return t[0], true
		}
	}
	return 0, false
}

// sourceOf is the text of bead b's source sentences, apart by a space.
func (p *pair) sourceOf(b align.Bead) string {
	parts := make([]string, len(b.Source))
	for i, u := range b.Source {
		parts[i] = p.srcSpans[u].Text
	}
	return strings.Join(parts, " ")
}
