package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The romanization compares a name's words without its particles and
// separators, so "Ursula Von Der Leyen", "Frank Walter Steinmeier" and
// "Mohammed Bin Salman" fold to right forms. How the glossary writes the
// particles (von der, bin, de), the hyphens (Frank-Walter) and the capitals
// inside a word (DeSantis) is part of the name's spelling: a run whose
// words are right must also have the form's shape where it lines up with
// the whole form, or with the family name and the particles before it. The
// first token is compared without its case: a sentence starts with a
// capital ("Von der Leyen said"), and so do all-capital runs.

// nameToken is a word of a name as written: its text, whether it is a
// particle, and whether a hyphen joins it to the token before.
type nameToken struct {
	text       string
	start, end int // byte offsets in the name
	particle   bool
	hyphen     bool
}

// nameTokens splits a name as nextNameWord does, keeping particles and the
// separators.
func nameTokens(s string) []nameToken {
	var toks []nameToken
	prevEnd := -1
	for start, end := nextNameWord(s, 0); start < end; start, end = nextNameWord(s, end) {
		hyphen := prevEnd >= 0 && strings.ContainsAny(s[prevEnd:start], "-‐‑")
		toks = append(toks, nameToken{text: s[start:end], start: start, end: end, particle: isParticleWord(s[start:end]), hyphen: hyphen})
		prevEnd = end
	}
	return toks
}

// isParticleWord reports whether appendRawNameWords leaves w out.
func isParticleWord(w string) bool {
	if len(w) > maxParticleBytes && hasFoldingLetter(w) {
		return false
	}
	var buf [64]byte
	f := appendFoldedTranslit(buf[:0], w, SchemeBGN)
	return len(f) == 0 || particles[string(f)]
}

// familyPart is the tokens of the family name with the particles before
// it: "von der Leyen" of "Ursula von der Leyen".
func familyPart(toks []nameToken) []nameToken {
	last := len(toks) - 1
	for last >= 0 && toks[last].particle {
		last--
	}
	if last < 0 {
		return nil
	}
	start := last
	for start > 0 && toks[start-1].particle {
		start--
	}
	return toks[start : last+1]
}

// sameShape reports whether the run's tokens have the shape of want:
// particles where want has them and written alike, the same hyphens, and
// the capitals inside words where want has them.
func sameShape(run, want []nameToken) bool {
	if len(run) != len(want) {
		return false
	}
	caps := !allCapitals(run)
	for i, r := range run {
		w := want[i]
		if r.particle != w.particle || i > 0 && r.hyphen != w.hyphen {
			return false
		}
		ignoreFirst := i == 0 || !caps
		if r.particle && !sameLetters(r.text, w.text, ignoreFirst) {
			return false
		}
		if !r.particle && caps && !sameInnerCase(r.text, w.text) {
			return false
		}
	}
	return true
}

// sameLetters compares two particles, with their capitals unless
// ignoreCase.
func sameLetters(a, b string, ignoreCase bool) bool {
	if ignoreCase {
		return strings.EqualFold(latinFold(a), latinFold(b))
	}
	return a == b
}

// sameInnerCase reports whether the letters after the first are capitals
// in a where they are in b, over the letters they share (endings differ).
func sameInnerCase(a, b string) bool {
	_, i := utf8.DecodeRuneInString(a)
	_, j := utf8.DecodeRuneInString(b)
	for i < len(a) && j < len(b) {
		ra, n := utf8.DecodeRuneInString(a[i:])
		rb, m := utf8.DecodeRuneInString(b[j:])
		if unicode.IsUpper(ra) != unicode.IsUpper(rb) {
			return false
		}
		i, j = i+n, j+m
	}
	return true
}

func hasParticle(toks []nameToken) bool {
	for _, t := range toks {
		if t.particle {
			return true
		}
	}
	return false
}

func withoutParticles(toks []nameToken) []nameToken {
	var out []nameToken
	for _, t := range toks {
		if !t.particle {
			out = append(out, t)
		}
	}
	return out
}

func allCapitals(toks []nameToken) bool {
	for _, t := range toks {
		for _, r := range t.text {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// shapeOf returns the part of form that run lines up with for its shape:
// the whole form when the run has as many words, the family part for a
// lone family name; nil when the run lines up otherwise (the order of
// lists, a given name alone, first and last of three).
func shapeOf(form []nameToken, words int) []nameToken {
	n := 0
	for _, t := range form {
		if !t.particle {
			n++
		}
	}
	switch {
	case words == n:
		return form
	case words == 1:
		return familyPart(form)
	}
	return nil
}

// shapeSuggestion is what run should be when its words are right for e in
// lang but its shape is not: the form's text over the part the run lines
// up with. It is "" when some form has the run's shape, or when the words
// themselves are wrong (the other suggestions apply).
func shapeSuggestion(e entryRef, lang, run string, words int) string {
	toks := nameTokens(trimPossessive(run))
	suggestion, preferred := "", false
	for _, t := range e.Terms() {
		if t.Lang != lang || (t.Status != Preferred && t.Status != Admitted) {
			continue
		}
		form := nameTokens(t.Form)
		part := shapeOf(form, words)
		if words == 1 && !hasParticle(toks) {
			// A lone family name without its particles: they may stand
			// before it in lowercase, outside the run ("ван Гога").
			part = withoutParticles(part)
		}
		// A particle where the form has none says nothing of its shape:
		// "Van Yi" is more likely a mangled Wang than a Dutch Yi.
		if part == nil || !sameWords(part, toks) || hasParticle(toks) && !hasParticle(part) {
			continue
		}
		if sameShape(toks, part) {
			return ""
		}
		if suggestion == "" || t.Status == Preferred && !preferred {
			suggestion, preferred = tokensText(t.Form, part), t.Status == Preferred
		}
	}
	return suggestion
}

// sameWords reports whether the words (not the particles) of a and b fold
// alike, in order.
func sameWords(a, b []nameToken) bool {
	i, j := 0, 0
	for {
		for i < len(a) && a[i].particle {
			i++
		}
		for j < len(b) && b[j].particle {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if FoldName(a[i].text) != FoldName(b[j].text) {
			return false
		}
		i, j = i+1, j+1
	}
}

// tokensText is the text of form from the first to the last token of part.
func tokensText(form string, part []nameToken) string {
	return form[part[0].start:part[len(part)-1].end]
}
