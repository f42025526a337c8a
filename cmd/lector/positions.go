package main

import (
	"sort"
	"unicode/utf8"
)

// positions turns byte offsets into 1-based line and column (in runes).
type positions struct {
	text  string
	lines []int // byte offset where each line starts
}

func newPositions(text string) positions {
	p := positions{text: text, lines: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			p.lines = append(p.lines, i+1)
		}
	}
	return p
}

func (p positions) at(offset int) (line, col int) {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > offset }) - 1
	return i + 1, utf8.RuneCountInString(p.text[p.lines[i]:offset]) + 1
}
