package review

import (
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

// MaxDiffCells bounds an LCS table (a word diff here, the alignment of two
// versions in publish); longer inputs diff as one replacement.
const MaxDiffCells = 4 << 20

// WordDiff returns the word-level differences from a to b: both are cut
// into words, runs of white space and single punctuation marks, and the
// longest common subsequence of those tokens is kept. Concatenating the
// equal and delete ops gives a; equal and insert ops give b.
func WordDiff(a, b string) []DiffOp {
	x, y := tokens(a), tokens(b)
	// Common prefix and suffix cost nothing and shrink the table.
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var ops []DiffOp
	add := func(op, text string) {
		if text == "" {
			return
		}
		if n := len(ops); n > 0 && ops[n-1].Op == op {
			ops[n-1].Text += text
			return
		}
		ops = append(ops, DiffOp{Op: op, Text: text})
	}
	for _, t := range x[:pre] {
		add(OpEqual, t)
	}
	mx, my := x[pre:len(x)-suf], y[pre:len(y)-suf]
	n, m := len(mx), len(my)
	if n*m > MaxDiffCells {
		for _, t := range mx {
			add(OpDelete, t)
		}
		for _, t := range my {
			add(OpInsert, t)
		}
	} else {
		// lcs[i][j] is the LCS length of mx[i:] and my[j:].
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if mx[i] == my[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && mx[i] == my[j]:
				add(OpEqual, mx[i])
				i, j = i+1, j+1
			case j < m && (i == n || lcs[i][j+1] > lcs[i+1][j]):
				add(OpInsert, my[j])
				j++
			default:
				add(OpDelete, mx[i])
				i++
			}
		}
	}
	for _, t := range x[len(x)-suf:] {
		add(OpEqual, t)
	}
	return ops
}

// tokens cuts s into words (letters, digits, marks and inner apostrophes),
// runs of white space, and single other characters.
func tokens(s string) []string {
	var out []string
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
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
