package names

import "unicode/utf8"

// Comparing a word with a slot is the inner loop of every lookup: a
// Cyrillic term word stands for five romanizations of five case forms, and a
// large glossary yields dozens of candidate entries per run. So the variants
// are compared as they are generated, from one set of edit-distance rows
// whose common prefixes are reused (the case forms of a word share its
// head), and a scheme whose head is already too far from the word is
// skipped with all its forms. The outcome is the comparison with every
// variant; only the work differs.

// maxEditLen is the longest string editRows compares; longer ones are no
// names (Damerau gives up at the same length).
const maxEditLen = 62

// editRows computes bounded optimal-string-alignment distances (as Damerau)
// between prefixes of strings and prefixes of one word, reusing the rows of
// the prefix a string shares with the previous one. Row i, column j holds
// the distance between the first i bytes of the string and the first j of
// the word, capped at bound+1. Row minima never decrease down the rows, so
// the minimum of row i bounds the distance of every string with that prefix
// (prefixBound); bitRows computes the distances themselves.
type editRows struct {
	w     string
	bound int
	last  [maxEditLen]byte // the string whose rows are valid
	n     int              // rows 0..n are valid for last[:n]
	rows  [maxEditLen + 1][maxEditLen + 1]uint8
	mins  [maxEditLen + 1]uint8
}

func (r *editRows) reset(w string, bound int) {
	r.w, r.bound, r.n = w, bound, 0
	for j := 0; j <= len(w) && j <= maxEditLen; j++ {
		r.rows[0][j] = uint8(min(j, bound+1))
	}
	r.mins[0] = 0
}

// extend makes the rows valid for s[:upto] and returns how many rows are
// valid, stopping early at a row whose minimum exceeds the bound.
func (r *editRows) extend(s []byte, upto int) int {
	cp := 0
	for cp < r.n && cp < upto && r.last[cp] == s[cp] {
		cp++
	}
	r.n = cp
	if r.mins[cp] > uint8(r.bound) {
		return cp
	}
	w, limit := r.w, uint8(r.bound+1)
	for i := cp + 1; i <= upto; i++ {
		c := s[i-1]
		r.last[i-1] = c
		prev, cur := &r.rows[i-1], &r.rows[i]
		cur[0] = uint8(min(i, r.bound+1))
		rowMin := cur[0]
		for j := 1; j <= len(w); j++ {
			cost := uint8(1)
			if c == w[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && c == w[j-2] && s[i-2] == w[j-1] {
				d = min(d, r.rows[i-2][j-2]+1)
			}
			d = min(d, limit)
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		r.mins[i] = rowMin
		r.n = i
		if rowMin > uint8(r.bound) {
			return i
		}
	}
	return upto
}

// prefixBound is a lower bound on the distance of w to every string that
// starts with p.
func (r *editRows) prefixBound(p []byte) int {
	if len(p) > maxEditLen || len(r.w) > maxEditLen {
		return 0
	}
	if n := r.extend(p, len(p)); n < len(p) {
		return r.bound + 1
	}
	return int(r.mins[len(p)])
}

// evalSlot compares w with every variant of slot i (see slot), as
// compareWord with the slot would, but without generating the variants of
// a romanization scheme whose common head is already more than maxWordDist
// from w. phon asks for a variant within maxWordDist of w with w's
// phonetic key: sounding alike is evidence only for a spelling that is
// close as well.
func (v *slotView) evalSlot(i int, w string) wordEvidence {
	ev := wordEvidence{dist: maxWordDist + 1, length: len(w)}
	v.rows.reset(w, maxWordDist)
	v.bits.reset(w, maxWordDist)
	v.arena = v.arena[:0]
	v.near = v.near[:0]
	v.sources(i)
	for _, src := range v.srcs {
		switch src.mode {
		case sourceBase:
			v.consider(&ev, v.baseWord(i), src.kind)
		case sourcePlain:
			v.considerTranslit(&ev, src.word, SchemeBGN, src.kind)
		default:
			v.evalForms(&ev, src)
		}
	}
	v.phonetic(&ev, w, true)
	return ev
}

// phonetic sets ev.phon: does a variant within maxWordDist of w (v.near)
// have w's phonetic key? A single word of five letters or more one edit from
// a variant is a hit whatever it sounds like (see decide), so the keys are
// not computed then unless always.
func (v *slotView) phonetic(ev *wordEvidence, w string, always bool) {
	if v.noPhon || ev.exact || ev.dist > maxWordDist || len(v.near) == 0 || ev.dist == 1 && len(w) >= 5 && !always {
		return
	}
	key := v.keyOf(w)
	if len(key) <= 1 {
		return
	}
	var varKeyBuf [64]byte
	for _, x := range v.near {
		if string(appendPhoneticKey(varKeyBuf[:0], string(v.text(x)))) == string(key) {
			ev.phon = true
			return
		}
	}
}

// wordKey is a word and its phonetic key.
type wordKey struct {
	word string
	key  []byte
}

// keyOf is the phonetic key of w. A run's given name and family name are
// compared with candidate after candidate in turn, so the keys of both
// are kept.
func (v *slotView) keyOf(w string) []byte {
	for i := range v.keys {
		if k := &v.keys[i]; k.word == w && k.key != nil {
			return k.key
		}
	}
	v.keys[0], v.keys[1] = v.keys[1], v.keys[0]
	k := &v.keys[0]
	k.word, k.key = w, appendPhoneticKey(k.key[:0], w)
	return k.key
}

// evalForms compares w with the romanizations of a Cyrillic word and its
// case forms. Every form starts with the word minus its last two letters
// (the case endings replace at most two), so the distance of w to that
// head's romanization bounds all of a scheme's forms at once.
func (v *slotView) evalForms(ev *wordEvidence, src wordSource) {
	head := declinableHead(src.word)
	formsReady := false
	schemes := src.schemes()
	for _, s := range schemes.all() {
		off := len(v.arena)
		v.arena = appendFoldedTranslit(v.arena, head, s)
		bound := v.rows.prefixBound(v.arena[off:])
		v.arena = v.arena[:off]
		if bound > maxWordDist {
			continue
		}
		if !formsReady {
			v.caseForms(src)
			formsReady = true
		}
		for _, form := range v.forms {
			v.considerTranslit(ev, form, s, src.kind)
		}
		if s == SchemeBGN {
			for _, form := range v.rels {
				v.considerTranslit(ev, form, s, kindRelative)
			}
		}
	}
}

// declinableHead is word without the letters a case ending may replace
// (two), and without a ц before them, whose GOST romanization depends on
// the letter that follows.
func declinableHead(word string) string {
	end := len(word)
	for range 2 {
		_, size := utf8.DecodeLastRuneInString(word[:end])
		end -= size
	}
	if r, size := utf8.DecodeLastRuneInString(word[:end]); r == 'ц' || r == 'Ц' {
		end -= size
	}
	return word[:max(end, 0)]
}

// considerTranslit compares w with the romanization of form by scheme s.
func (v *slotView) considerTranslit(ev *wordEvidence, form string, s Scheme, kind variantKind) {
	off := len(v.arena)
	v.arena = appendFoldedTranslit(v.arena, form, s)
	x := v.arena[off:]
	v.arena = v.arena[:off]
	v.consider(ev, x, kind)
}

// consider compares w (v.rows) with one variant x, which it copies into the
// arena when it is near enough for the phonetic test. x may lie in the
// arena's spare capacity.
func (v *slotView) consider(ev *wordEvidence, x []byte, kind variantKind) {
	if len(x) == 0 {
		return
	}
	d := v.bits.dist(x)
	if kind == kindRelative && d != 0 {
		return // a relative's name counts only as itself
	}
	switch {
	case d == 0:
		if !ev.exact {
			*ev = wordEvidence{exact: true, kind: kind, length: len(v.bits.w)}
		}
		ev.kind = mostLenient(ev.kind, kind)
		return
	case d > v.bits.bound:
		return
	case !ev.exact && d < ev.dist:
		ev.dist, ev.length = d, max(len(v.bits.w), len(x))
		ev.first = x[0] == v.bits.w[0]
	}
	off := len(v.arena)
	v.arena = append(v.arena, x...)
	v.near = append(v.near, slotVariant{int32(off), int32(len(v.arena)), kind})
}

// bitRows computes the same bounded distances as editRows.dist with
// Hyyrö's bit-parallel algorithm for the optimal-string-alignment distance
// (Myers' algorithm extended with transpositions): one machine word holds a
// whole column for a word of up to 63 bytes, so a string costs a few
// operations per byte. The state after each byte of the last string is kept,
// so a string sharing a prefix with it (a case form after its nominative)
// resumes there.
type bitRows struct {
	w     string
	bound int
	peq   [256]uint64 // peq[c]: positions of byte c in w
	last  [maxEditLen]byte
	n     int // states 0..n are valid for last[:n]
	vp    [maxEditLen + 1]uint64
	vn    [maxEditLen + 1]uint64
	d0    [maxEditLen + 1]uint64
	pm    [maxEditLen + 1]uint64 // peq of the byte before
	score [maxEditLen + 1]int
}

// maxBitWord is the longest word bitRows handles; longer ones are no names
// (Damerau gives up on them too).
const maxBitWord = 62

func (r *bitRows) reset(w string, bound int) {
	for i := 0; i < len(r.w) && i < maxBitWord; i++ {
		r.peq[r.w[i]] = 0
	}
	r.w, r.bound, r.n = w, bound, 0
	if len(w) > maxBitWord {
		return
	}
	for i := 0; i < len(w); i++ {
		r.peq[w[i]] |= 1 << i
	}
	r.vp[0], r.vn[0], r.d0[0], r.pm[0], r.score[0] = 1<<len(w)-1, 0, 0, 0, len(w)
}

// dist is min(Damerau(x, w), bound+1).
func (r *bitRows) dist(x []byte) int {
	m := len(r.w)
	if m > maxBitWord || len(x) > maxEditLen {
		return r.bound + 1
	}
	if d := len(x) - m; d > r.bound || -d > r.bound {
		return r.bound + 1
	}
	if m == 0 {
		return min(len(x), r.bound+1)
	}
	j := 0
	for j < r.n && j < len(x) && r.last[j] == x[j] {
		j++
	}
	top := uint64(1) << (m - 1)
	for ; j < len(x); j++ {
		pm := r.peq[x[j]]
		vp, vn, d0 := r.vp[j], r.vn[j], r.d0[j]
		tr := ((^d0 & pm) << 1) & r.pm[j]
		d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		score := r.score[j]
		if hp&top != 0 {
			score++
		} else if hn&top != 0 {
			score--
		}
		hp = hp<<1 | 1
		hn <<= 1
		r.vp[j+1], r.vn[j+1], r.d0[j+1], r.pm[j+1], r.score[j+1] = hn|^(d0|hp), d0&hp, d0, pm, score
		r.last[j] = x[j]
		r.n = j + 1
		if score-(len(x)-j-1) > r.bound {
			return r.bound + 1 // each byte left lowers the distance by one at most
		}
	}
	r.n = max(r.n, len(x))
	return min(r.score[len(x)], r.bound+1)
}
