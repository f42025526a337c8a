package publish

import (
	"fmt"
	"time"

	"lector/review"
	"lector/xliff"
)

// XLIFF mapping, both ways (README "Exports and XLIFF" explains why):
//
//   - one <unit> per paragraph, one <segment> per segment, so paragraphs and
//     segments survive the round trip without resegmenting;
//   - with a source for every segment, <source> is the source text in the
//     source language and <target> the current text; without one (most
//     articles are machine translations whose source nobody stored), the
//     machine translation is the <source> and the current text the <target>,
//     both in the article's language (srcLang = trgLang), so a reviewing tool
//     sees what changed and an import restores both texts;
//   - states: clean, flagged, rejected → initial (nobody has a text to show
//     for them yet); in_progress, corrected → translated (a translator is on
//     it or has written a correction not yet approved); approved → reviewed,
//     and final in a published version. subState "lector:<state>" keeps the
//     exact state for tools that care, "lector:<state>;file=<state>" when the
//     segment was imported from a file that gave it a state (information
//     only: an import never takes it as a review);
//   - the names and terms flagged in a unit's segments go into the unit's
//     <gls:glossary>: <gls:term> the form found, <gls:translation> the form
//     the glossary prefers, or a <gls:definition> naming the check when the
//     glossary has no form to offer;
//   - the comments on a unit's segments are its <notes>, one <note
//     category="comment"> each, its id and text naming the segment
//     ("s3-c1"; "s3, author, time: text"); an import reads them back into
//     the threads (review/import_xliff_notes.go).

// xliffState maps a segment state to XLIFF 2.
func xliffState(state string, published bool) string {
	switch state {
	case review.StateInProgress, review.StateCorrected:
		return xliff.Translated
	case review.StateApproved:
		if published {
			return xliff.Final
		}
		return xliff.Reviewed
	}
	return xliff.Initial
}

// bilingual reports whether every segment has a source to write.
func (ex *Export) bilingual() bool {
	if ex.SourceLang == nil || len(ex.Segments) == 0 {
		return false
	}
	for _, s := range ex.Segments {
		if s.SourceText == nil || *s.SourceText == "" {
			return false
		}
	}
	return true
}

func (ex *Export) xliff() *xliff.Document {
	doc := &xliff.Document{SrcLang: ex.Lang, TrgLang: ex.Lang, Title: ex.Title}
	bi := ex.bilingual()
	if bi {
		doc.SrcLang = *ex.SourceLang
	}
	for i, p := range ex.paragraphs() {
		u := xliff.Unit{ID: fmt.Sprintf("p%d", i+1)}
		seen := map[xliff.GlossEntry]bool{}
		for _, s := range p {
			seg := xliff.Segment{ID: fmt.Sprintf("s%d", s.Position+1), Source: s.MTText, Target: s.Text, HasTarget: true,
				State: xliffState(s.State, ex.Version != nil), SubState: "lector:" + s.State}
			if s.FileState != nil {
				seg.SubState += ";file=" + *s.FileState
			}
			if bi {
				seg.Source = *s.SourceText
			}
			u.Segments = append(u.Segments, seg)
			for j, c := range s.Comments {
				u.Notes = append(u.Notes, xliff.Note{ID: fmt.Sprintf("%s-c%d", seg.ID, j+1), Category: "comment",
					Text: fmt.Sprintf("%s, %s, %s: %s", seg.ID, c.Author, c.At.Format(time.RFC3339), c.Body)})
			}
			for _, n := range s.Names {
				g := xliff.GlossEntry{Term: n.Text, Translation: n.Suggestion}
				if g.Translation == "" {
					g.Translation = n.Entry
				}
				if g.Translation == "" {
					g.Definition = n.Check
				}
				if !seen[g] {
					seen[g] = true
					u.Glossary = append(u.Glossary, g)
				}
			}
		}
		doc.Units = append(doc.Units, u)
	}
	return doc
}
