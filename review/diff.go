package review

import (
	"context"
	"unicode"
	"unicode/utf8"
)

// Diff operations.
const (
	OpEqual  = "equal"
	OpInsert = "insert"
	OpDelete = "delete"
)

// DiffOp is a run of text that both texts share, or that only the new
// (insert) or the old (delete) one has.
type DiffOp struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// WordDiff returns the word-level differences from a to b: both are cut
// into words, runs of white space and single punctuation marks, and a
// longest common subsequence of those tokens is kept (CommonSubsequence:
// linear space, bounded work). Concatenating the equal and delete ops gives
// a; equal and insert ops give b.
func WordDiff(a, b string) []DiffOp {
	ops, _ := WordDiffContext(context.Background(), a, b)
	return ops
}

// WordDiffContext is WordDiff that stops with ctx's error when ctx ends.
// Its cost is linear in the texts' length times the tokens that differ,
// bounded by MaxDiffSteps, and each op's text is one slice of a or b: runs
// are never built by concatenation.
func WordDiffContext(ctx context.Context, a, b string) ([]DiffOp, error) {
	x, y := tokenSpans(a), tokenSpans(b)
	texts := func(s string, spans [][2]int) []string {
		out := make([]string, len(spans))
		for i, sp := range spans {
			out[i] = s[sp[0]:sp[1]]
		}
		return out
	}
	pairs, err := CommonStrings(ctx, texts(a, x), texts(b, y))
	if err != nil {
		return nil, err
	}
	var ops []DiffOp
	// A run of one op is contiguous in its text (an equal run in a, whose
	// text b has too), so it is a slice from its first token's start.
	op, text, from, to := "", "", 0, 0
	flush := func() {
		if to > from {
			ops = append(ops, DiffOp{Op: op, Text: text[from:to]})
		}
	}
	emit := func(o, t string, sp [2]int) {
		if o != op || to != sp[0] {
			flush()
			op, text, from = o, t, sp[0]
		}
		to = sp[1]
	}
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(x), len(y)}) {
		for ; i < p[0]; i++ {
			emit(OpDelete, a, x[i])
		}
		for ; j < p[1]; j++ {
			emit(OpInsert, b, y[j])
		}
		if p[0] < len(x) {
			emit(OpEqual, a, x[p[0]])
			i, j = p[0]+1, p[1]+1
		}
	}
	flush()
	return ops, nil
}

// tokenSpans cuts s into words (letters, digits, marks and inner
// apostrophes), runs of white space, and single other characters, as byte
// ranges of s.
func tokenSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case isWordRune(r):
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				j += n
			}
		case unicode.IsSpace(r):
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n
			}
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
