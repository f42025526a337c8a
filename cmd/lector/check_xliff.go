package main

import (
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"lector/detect"
	"lector/detect/align"
	"lector/detect/segment"
	"lector/review"
	"lector/xliff"
)

// xliffCheck is an XLIFF file as `lector check` reads it: the translated
// segments' targets joined into one text as an article joins them (a
// space inside a unit, a blank line between units), their sources joined
// the same way, each segment its own span on both sides and aligned with
// itself, and the line in the file where each segment starts.
type xliffCheck struct {
	text, lang, source, sourceLang string
	spans, srcSpans                []segment.Span
	lines                          []int
}

// readXLIFFCheck reads path; lang is the target language when the file
// names none. A file whose source and target languages are the same (how
// Lector writes an article without a source) has no source to check
// against.
func readXLIFFCheck(path, lang string) (*xliffCheck, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("%s: %v", path, err)
	}
	defer f.Close()
	doc, err := xliff.Parse(f)
	if err != nil {
		return nil, usagef("%s: %v", path, err)
	}
	x := &xliffCheck{lang: doc.TrgLang, sourceLang: doc.SrcLang}
	if x.lang == "" {
		x.lang = lang
	}
	mono := x.sourceLang == x.lang
	var text, source strings.Builder
	para, last := -1, 0
	for i, u := range doc.Units {
		for _, s := range u.Segments {
			target := strings.TrimSpace(s.Target)
			if !s.HasTarget || target == "" {
				continue // untranslated: nothing to check
			}
			sep := " "
			if len(x.spans) == 0 {
				sep = ""
			} else if i != last {
				sep = "\n\n"
			}
			if len(x.spans) == 0 || i != last {
				para++
			}
			last = i
			text.WriteString(sep)
			source.WriteString(sep)
			x.spans = append(x.spans, segment.Span{Paragraph: para, Index: len(x.spans), Start: text.Len(), End: text.Len() + len(target), Text: target})
			text.WriteString(target)
			src := strings.TrimSpace(s.Source)
			x.srcSpans = append(x.srcSpans, segment.Span{Paragraph: para, Index: len(x.srcSpans), Start: source.Len(), End: source.Len() + len(src), Text: src})
			source.WriteString(src)
			x.lines = append(x.lines, s.Line)
		}
	}
	if text.Len() > review.MaxTextBytes || source.Len() > review.MaxTextBytes {
		return nil, usagef("%s: larger than the limit of %d bytes", path, review.MaxTextBytes)
	}
	x.text = text.String()
	if !mono {
		x.source = source.String()
	}
	return x, nil
}

// check runs every check over the targets, and the source-aware checks
// segment by segment when the file has a source.
func (x *xliffCheck) check(engine *detect.Checker) []detect.Checked {
	if x.source == "" {
		return engine.CheckSpans(x.text, x.lang, x.spans)
	}
	beads := make([]align.Bead, len(x.spans))
	for i := range beads {
		beads[i] = align.Bead{Source: []int{i}, Target: []int{i}}
	}
	return engine.CheckPairSpans(x.text, x.lang, x.spans, x.source, x.sourceLang, x.srcSpans, beads)
}

// at is a finding's place in the file: the line its segment starts on and
// its column (in runes) within the segment's target.
func (x *xliffCheck) at(offset int) (line, col int) {
	i := sort.Search(len(x.spans), func(i int) bool { return x.spans[i].End > offset })
	if i == len(x.spans) {
		i = len(x.spans) - 1
	}
	s := x.spans[i]
	return x.lines[i], utf8.RuneCountInString(x.text[s.Start:max(s.Start, offset)]) + 1
}
