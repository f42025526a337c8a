package review

import (
	"lector/detect"
)

// The segment page pairs the glossary names of a segment's source with
// those of its machine translation: each side's names carry the entry's
// key (data-entry), so that a reader sees "Куком" and "the cook" as one.

// sourcePieces cuts a segment's source text at its names.
func sourcePieces(text string, names []detect.NameSpan) []Piece {
	return withNames([]Piece{{Text: text}}, names)
}

// withNames cuts pieces (consecutive, covering one text from offset 0)
// further at the names' edges and gives the pieces inside a name its key.
// A flagged piece is not cut (its mark and tooltip are one): it takes the
// key of a name inside it whole.
func withNames(pieces []Piece, names []detect.NameSpan) []Piece {
	if len(names) == 0 {
		return pieces
	}
	var out []Piece
	at := 0
	for _, p := range pieces {
		start, end := at, at+len(p.Text)
		at = end
		if len(p.Flags) > 0 {
			for _, n := range names {
				if n.Start < end && start < n.End {
					p.Name = n.Key
					break
				}
			}
			out = append(out, p)
			continue
		}
		cut := start
		for _, n := range names {
			if n.End <= cut || n.Start >= end {
				continue
			}
			a, b := max(n.Start, cut), min(n.End, end)
			if a > cut {
				out = append(out, Piece{Text: p.Text[cut-start : a-start], Flags: p.Flags})
			}
			out = append(out, Piece{Text: p.Text[a-start : b-start], Flags: p.Flags, Name: n.Key})
			cut = b
		}
		if cut < end {
			out = append(out, Piece{Text: p.Text[cut-start:], Flags: p.Flags})
		}
	}
	return out
}

// pairNames marks the names a segment's source and its machine translation
// share, on both sides of the page.
func (h *Handlers) pairNames(page *segmentPage) {
	s, a := page.Segment, page.Article
	if h.Checker == nil || s.SourceText == nil || a.SourceLang == nil {
		return
	}
	target, src := h.Checker.alignedNames(s.MTText, a.Lang, *s.SourceText, *a.SourceLang)
	page.Pieces = withNames(page.Pieces, target)
	page.SourcePieces = sourcePieces(*s.SourceText, src)
}
