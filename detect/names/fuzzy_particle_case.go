package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A particle's case belongs to the name: "Charles de Gaulle", "Ursula von
// der Leyen", "Шарль де Голль" write it in lower case, "Alexander Van der
// Bellen" writes its Van in capitals and its der not. A run whose letters
// are right but whose particle is capitalised where the glossary writes it
// in lower case ("Шарлю Де Голлю", "Van Der Bellen") is a wrong form, unless
// the particle starts a sentence. Suggestions follow the same rule: a
// lower-case particle keeps its lower case in mid-sentence ("the curator
// said that da Vinci").

// particleCaseSlip returns run text[start:end], a right form of entries in
// lang, with its particles in the glossary's case, and whether any was
// not. A capitalised particle that starts a sentence is right.
func (f *Fuzzy) particleCaseSlip(text, lang string, start, end int, entries []int32) (string, bool) {
	return f.inGlossaryParticleCase(text[start:end], lang, entries, sentenceInitial(text, start))
}

// inGlossaryParticleCase returns run with each particle in the case every
// right form of entries in lang writes it, and whether that changed
// anything; keepFirst keeps a capitalised first particle.
func (f *Fuzzy) inGlossaryParticleCase(run, lang string, entries []int32, keepFirst bool) (string, bool) {
	toks := nameTokens(run)
	if !hasParticle(toks) {
		return "", false
	}
	lower, capital := f.particleCases(lang, entries)
	var b strings.Builder
	last := 0
	for i, t := range toks {
		first, size := utf8.DecodeRuneInString(t.text)
		key := strings.ToLower(t.text)
		want := first
		switch {
		case !t.particle:
		case unicode.IsUpper(first) && lower[key] && !capital[key] && !(i == 0 && keepFirst):
			want = unicode.ToLower(first)
		case unicode.IsLower(first) && capital[key] && !lower[key]:
			want = unicode.ToUpper(first)
		}
		if want != first {
			b.WriteString(run[last:t.start])
			b.WriteRune(want)
			last = t.start + size
		}
	}
	if last == 0 {
		return "", false
	}
	b.WriteString(run[last:])
	return b.String(), true
}

// particleCases returns the particles (in lower case) that right forms of
// entries in lang write in lower case, and those they write capitalised.
func (f *Fuzzy) particleCases(lang string, entries []int32) (lower, capital map[string]bool) {
	lower, capital = map[string]bool{}, map[string]bool{}
	for _, idx := range entries {
		for _, t := range f.entry(idx).Terms() {
			if t.Lang != lang || (t.Status != Preferred && t.Status != Admitted) {
				continue
			}
			for _, tok := range nameTokens(t.Form) {
				if !tok.particle {
					continue
				}
				if first, _ := utf8.DecodeRuneInString(tok.text); unicode.IsUpper(first) {
					capital[strings.ToLower(tok.text)] = true
				} else {
					lower[strings.ToLower(tok.text)] = true
				}
			}
		}
	}
	return lower, capital
}

// particleInLowerCase lowers the first particle of a hit's suggestion in
// mid-sentence when the glossary writes it in lower case ("Da Vinchi" after
// "said that" is "da Vinci").
func (f *Fuzzy) particleInLowerCase(text, lang string, h *Hit, idx int32) {
	toks := nameTokens(h.Suggestion)
	if len(toks) == 0 || !toks[0].particle || sentenceInitial(text, h.Start) {
		return
	}
	first, size := utf8.DecodeRuneInString(toks[0].text)
	lower, capital := f.particleCases(lang, []int32{idx})
	if key := strings.ToLower(toks[0].text); !unicode.IsUpper(first) || !lower[key] || capital[key] {
		return
	}
	h.Suggestion = h.Suggestion[:toks[0].start] + string(unicode.ToLower(first)) + h.Suggestion[toks[0].start+size:]
}

// sentenceInitial reports whether text[i:] starts a sentence, a line or a
// quotation, where every word is capitalised.
func sentenceInitial(text string, i int) bool {
	word, gap, _ := wordBefore(text, i)
	return word == "" || endsSentence(gap)
}
