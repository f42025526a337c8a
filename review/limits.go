package review

import (
	"lector/apperr"
	"lector/detect/segment"
)

// The limits of an article, the one place that defines them. Every way in
// (POST /api/v1/articles with JSON or an XLIFF body, `lector article
// import` of a text or an XLIFF file, the upload page /articles/new) goes
// through CreateArticle or ImportArticle, which enforce them
// with 413 too_large and a message naming the limit. The XLIFF reader's own
// bound (xliff.MaxSegments, checked while parsing) is the same number; a
// test holds them equal.
// Every size under them is one that publishing, reading, exporting,
// diffing, repairing and rescanning handle (benchmarks at 100,000 segments
// in BENCHMARKS.md); docs/operations.md lists them for operators.
const (
	// MaxArticleSegments bounds the segments of one article.
	MaxArticleSegments = 100_000
	// MaxTextBytes bounds an article's text, and its source text: the
	// segmenter's limit.
	MaxTextBytes = segment.MaxTextBytes
	// MaxSegmentBytes bounds one segment's text, as an article stores it
	// and as a correction writes it: a sentence, a heading.
	MaxSegmentBytes = 8 << 10
)

// tooManySegments is the error for an article of n segments.
func tooManySegments(n int) error {
	return apperr.New(apperr.TooLarge, "error.article_too_many_segments",
		map[string]any{"Count": n, "Limit": MaxArticleSegments})
}

// segmentTooLarge is the error for segment number position (from 1, as
// people count) of size bytes.
func segmentTooLarge(position, size int) error {
	return apperr.New(apperr.TooLarge, "error.segment_too_large",
		map[string]any{"Position": position, "Size": size, "Limit": MaxSegmentBytes})
}

// checkSegmentLimits enforces MaxArticleSegments and MaxSegmentBytes on the
// n segments of an article, segment i of size(i) bytes (its longest text),
// before anything costly is done with them.
func checkSegmentLimits(n int, size func(i int) int) error {
	if n > MaxArticleSegments {
		return tooManySegments(n)
	}
	for i := range n {
		if size := size(i); size > MaxSegmentBytes {
			return segmentTooLarge(i+1, size)
		}
	}
	return nil
}
