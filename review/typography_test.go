package review

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraphSpansForTest stands in for Split, which is written elsewhere: one
// span per paragraph (paragraphs are separated by blank lines), trimmed.
func paragraphSpansForTest(text string) []Span {
	var spans []Span
	start, end := -1, -1 // the paragraph being collected
	flush := func() {
		if start >= 0 {
			spans = append(spans, Span{Paragraph: len(spans), Index: len(spans), Start: start, End: end, Text: text[start:end]})
		}
		start, end = -1, -1
	}
	for lineStart := 0; lineStart < len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		if trimmed := strings.TrimLeftFunc(line, unicode.IsSpace); trimmed == "" {
			flush()
		} else {
			if start < 0 {
				start = lineStart + len(line) - len(trimmed)
			}
			end = lineStart + len(strings.TrimRightFunc(line, unicode.IsSpace))
		}
		lineStart = lineEnd + 1
	}
	flush()
	return spans
}

var _ = utf8.RuneError
