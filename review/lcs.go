package review

import (
	"context"
	"sort"
)

// MaxDiffSteps bounds the work of one CommonSubsequence call in Myers's
// algorithm (diagonal steps and snake moves, a few nanoseconds each). An
// input that needs more (two long texts with little in common) is aligned
// by its unique elements instead, in O(n log n), so the cost of a diff is
// bounded by its size whatever the texts are.
const MaxDiffSteps = 16 << 20

// ctxEvery is how many steps pass between two looks at the context.
const ctxEvery = 1 << 16

// CommonSubsequence returns index pairs (i, j), increasing in both, with
// a[i] == b[j]: a longest common subsequence, found with Myers's O((n+m)D)
// algorithm in linear space (the middle snake, divide and conquer), after
// the common prefix and suffix are taken off. When that would take more than
// MaxDiffSteps the pairs are the elements that occur once in a and once in b,
// the longest increasing run of them (patience diff), each extended by its
// equal neighbours: not always longest, always in order. Elements are
// compared as numbers (CommonStrings numbers texts). It stops with ctx's error
// when ctx ends.
func CommonSubsequence(ctx context.Context, a, b []int) ([][2]int, error) {
	s := &lcsRun{ctx: ctx, a: a, b: b, left: MaxDiffSteps}
	err := s.compare(0, len(a), 0, len(b))
	if _, spent := err.(budgetError); spent {
		s.pairs = s.pairs[:0]
		err = s.patience(0, len(a), 0, len(b))
	}
	if err != nil {
		return nil, err
	}
	return s.pairs, nil
}

// CommonStrings is CommonSubsequence of two sequences of texts: each
// distinct text is numbered once, in the order met.
func CommonStrings(ctx context.Context, a, b []string) ([][2]int, error) {
	ids := map[string]int{}
	intern := func(texts []string) []int {
		out := make([]int, len(texts))
		for i, t := range texts {
			id, ok := ids[t]
			if !ok {
				id = len(ids)
				ids[t] = id
			}
			out[i] = id
		}
		return out
	}
	return CommonSubsequence(ctx, intern(a), intern(b))
}

// budgetError is compare's error when MaxDiffSteps are spent.
type budgetError struct{}

func (budgetError) Error() string { return "diff budget spent" }

type lcsRun struct {
	ctx    context.Context
	a, b   []int
	left   int // steps left
	ticks  int // steps since the context was last looked at
	pairs  [][2]int
	vf, vb []int
}

// spend counts n steps against the budget and looks at the context now and
// then.
func (s *lcsRun) spend(n int) error {
	s.left -= n
	if s.left < 0 {
		return budgetError{}
	}
	s.ticks += n
	if s.ticks >= ctxEvery {
		s.ticks = 0
		return s.ctx.Err()
	}
	return nil
}

// trim pairs the common prefix and returns the bounds without it and
// without the common suffix, whose pairs the caller adds after the middle.
func (s *lcsRun) trim(a0, a1, b0, b1 int) (int, int, int, int) {
	for a0 < a1 && b0 < b1 && s.a[a0] == s.b[b0] {
		s.pairs = append(s.pairs, [2]int{a0, b0})
		a0, b0 = a0+1, b0+1
	}
	for a1 > a0 && b1 > b0 && s.a[a1-1] == s.b[b1-1] {
		a1, b1 = a1-1, b1-1
	}
	return a0, a1, b0, b1
}

// suffix pairs a[a1:e1] with b[b1:...], the common suffix trim took off.
func (s *lcsRun) suffix(a1, e1, b1 int) {
	for k := 0; a1+k < e1; k++ {
		s.pairs = append(s.pairs, [2]int{a1 + k, b1 + k})
	}
}

func (s *lcsRun) compare(a0, a1, b0, b1 int) error {
	e1 := a1
	a0, a1, b0, b1 = s.trim(a0, a1, b0, b1)
	if a0 < a1 && b0 < b1 {
		x, y, u, v, err := s.middleSnake(a0, a1, b0, b1)
		if err != nil {
			return err
		}
		if (x == a1 && y == b1) || (u == a0 && v == b0) {
			// A split that leaves the whole problem on one side would
			// recurse for ever; trim (both ends differ, so D ≥ 2) makes it
			// unreachable, and this guards it: the region stays unpaired.
			s.suffix(a1, e1, b1)
			return nil
		}
		if err := s.compare(a0, x, b0, y); err != nil {
			return err
		}
		for k := 0; x+k < u; k++ {
			s.pairs = append(s.pairs, [2]int{x + k, y + k})
		}
		if err := s.compare(u, a1, v, b1); err != nil {
			return err
		}
	}
	s.suffix(a1, e1, b1)
	return nil
}

// middleSnake finds the middle snake of an optimal edit path from (a0, b0)
// to (a1, b1) by searching from both ends at once: the snake from (x, y) to
// (u, v).
func (s *lcsRun) middleSnake(a0, a1, b0, b1 int) (x, y, u, v int, err error) {
	n, m := a1-a0, b1-b0
	dmax := (n + m + 1) / 2
	off := dmax + 1
	size := 2*dmax + 3
	if cap(s.vf) < size {
		s.vf, s.vb = make([]int, size), make([]int, size)
	}
	vf, vb := s.vf[:size], s.vb[:size]
	vf[off+1], vb[off+1] = 0, 0
	delta := n - m
	odd := delta&1 != 0
	for d := 0; d <= dmax; d++ {
		if err := s.spend(2 * (2*d + 1)); err != nil {
			return 0, 0, 0, 0, err
		}
		for k := -d; k <= d; k += 2 {
			px := reach(vf, off, k, d)
			py := px - k
			sx, sy := px, py
			for px < n && py < m && s.a[a0+px] == s.b[b0+py] {
				px, py = px+1, py+1
			}
			if err := s.spend(px - sx); err != nil {
				return 0, 0, 0, 0, err
			}
			vf[off+k] = px
			if odd && k >= delta-(d-1) && k <= delta+(d-1) && vf[off+k]+vb[off+delta-k] >= n {
				return a0 + sx, b0 + sy, a0 + px, b0 + py, nil
			}
		}
		for k := -d; k <= d; k += 2 {
			px := reach(vb, off, k, d)
			py := px - k
			sx, sy := px, py
			for px < n && py < m && s.a[a1-1-px] == s.b[b1-1-py] {
				px, py = px+1, py+1
			}
			if err := s.spend(px - sx); err != nil {
				return 0, 0, 0, 0, err
			}
			vb[off+k] = px
			if !odd && delta-k >= -d && delta-k <= d && vb[off+k]+vf[off+delta-k] >= n {
				return a1 - px, b1 - py, a1 - sx, b1 - sy, nil
			}
		}
	}
	// Unreachable: the two searches meet by d = dmax.
	return a0, b0, a0, b0, nil
}

// reach is the x at which a d-path of one search enters diagonal k, before
// its snake: a step on from the further of the (d-1)-paths on the
// diagonals beside it, whose ends v (offset by off) holds.
func reach(v []int, off, k, d int) int {
	if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
		return v[off+k+1]
	}
	return v[off+k-1] + 1
}

// patience pairs the elements that occur exactly once in a[a0:a1] and once
// in b[b0:b1] along the longest increasing run of their places in b, and
// extends each pair by the equal elements around it.
func (s *lcsRun) patience(a0, a1, b0, b1 int) error {
	type seen struct{ na, nb, ia, ib int }
	count := map[int]*seen{}
	for i := a0; i < a1; i++ {
		c := count[s.a[i]]
		if c == nil {
			c = &seen{}
			count[s.a[i]] = c
		}
		c.na++
		c.ia = i
	}
	for j := b0; j < b1; j++ {
		if c := count[s.b[j]]; c != nil {
			c.nb++
			c.ib = j
		}
	}
	var cand [][2]int
	for i := a0; i < a1; i++ {
		if c := count[s.a[i]]; c.na == 1 && c.nb == 1 {
			cand = append(cand, [2]int{i, c.ib})
		}
	}
	if err := s.ctx.Err(); err != nil {
		return err
	}
	anchors := increasing(cand)
	// Each gap between anchors: its common prefix and suffix.
	pa, pb := a0, b0
	for _, p := range append(anchors, [2]int{a1, b1}) {
		e1 := p[0]
		_, ga1, _, gb1 := s.trim(pa, p[0], pb, p[1])
		s.suffix(ga1, e1, gb1)
		if p[0] < a1 {
			s.pairs = append(s.pairs, p)
		}
		pa, pb = p[0]+1, p[1]+1
	}
	return s.ctx.Err()
}

// increasing returns the longest run of pairs, in the given order (by
// their first index), whose second indexes increase: patience sorting,
// O(n log n).
func increasing(cand [][2]int) [][2]int {
	if len(cand) == 0 {
		return nil
	}
	tails := []int{}               // tails[l]: index in cand of the smallest end of a run of length l+1
	prev := make([]int, len(cand)) // the element before cand[i] in its run
	for i, c := range cand {
		l := sort.Search(len(tails), func(t int) bool { return cand[tails[t]][1] >= c[1] })
		if l > 0 {
			prev[i] = tails[l-1]
		} else {
			prev[i] = -1
		}
		if l == len(tails) {
			tails = append(tails, i)
		} else {
			tails[l] = i
		}
	}
	out := make([][2]int, len(tails))
	for i, k := len(tails)-1, tails[len(tails)-1]; i >= 0; i, k = i-1, prev[k] {
		out[i] = cand[k]
	}
	return out
}
