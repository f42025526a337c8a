package detect

import "slices"

// NameSpan is a glossary name in a text: its byte offsets and the key of
// the entry it names.
type NameSpan struct {
	Start, End int
	Key        string
}

// AlignedNames returns the glossary names of source, the source of one
// segment, in whatever case it writes them, and the names of text, the
// segment's translation, that name the same entries, right forms and wrong
// ones alike: what a reviewer's eye pairs across the two sides. A name of
// either side that the other does not hold is left out.
func (c *Checker) AlignedNames(text, lang, source, sourceLang string) (target, src []NameSpan) {
	sm := c.sourceMentions(source, sourceLang)
	tm := c.targetMentions(text, lang)
	for _, s := range sm {
		for _, t := range tm {
			if sharesKey(s, t) {
				src = append(src, NameSpan{Start: s.start, End: s.end, Key: sharedKey(s, t)})
				break
			}
		}
	}
	for _, t := range tm {
		for _, s := range sm {
			if sharesKey(t, s) {
				target = append(target, NameSpan{Start: t.start, End: t.end, Key: sharedKey(t, s)})
				break
			}
		}
	}
	sortSpans(src)
	sortSpans(target)
	return target, src
}

// sharedKey is the first of a's keys that b names too.
func sharedKey(a, b mention) string {
	for _, k := range a.keys {
		if b.names(k) {
			return k
		}
	}
	return ""
}

func sortSpans(s []NameSpan) {
	slices.SortFunc(s, func(a, b NameSpan) int { return a.Start - b.Start })
}
