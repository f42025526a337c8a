package names

import (
	"slices"
	"strings"
)

// Particles the glossary does not write, in Russian, Ukrainian and English
// text. MT
// translates a particle it takes for a word (German von, through Russian
// фон, "background", as Ukrainian тло), spells it another language's way
// (дэр for дер), puts one language's particle for another's (фон for ван
// in Людвиг ван Бетховен) or writes two as one word (Вандер for Ван дер).
// A particle that is a word of the text's language never joins a run
// (joinsName), so the words of the name around it are judged alone and
// found right. This pass reads the particles before a family name of an
// entry whose form has particles, and flags them when they are not the
// form's: either the name's given name stands before them, or one of them
// is the form's particle in the same place, or every one is a particle.
// English MT from Serbian translates van (out) the same way: "Aleksander out
// der Belen" for Alexander Van der Bellen. German is left out: its von, der
// and den are its own words, and a name beside them is no evidence.

// wrongParticles returns a hit for each name of the text whose particles
// are not its entry's.
func (f *Fuzzy) wrongParticles(text, lang string, toks []fzToken) []Hit {
	cyrillic := isCyrillicLang(lang)
	if !cyrillic && !isEnglish(lang) {
		return nil
	}
	var hits []Hit
	for j := 1; j < len(toks); j++ {
		if !toks[j].capital || !toks[j].joinPrev || IsCyrillic(text[toks[j].start:toks[j].end]) != cyrillic {
			continue
		}
		// The particles are the last words before the family name: "По
		// словам тло дер Ляйен".
		for i := j - 1; i >= particlesBeforeFamily(text, toks, j); i-- {
			if h, ok := f.wrongParticle(text, lang, toks, i, j); ok {
				hits = append(hits, h)
				break
			}
		}
	}
	return hits
}

// particlesBeforeFamily is the index of the first of the tokens before
// toks[j] that may be its particles: up to maxParticles lowercase words
// (the first capitalised when it opens a sentence: "Тло дер Ляйен
// заявила"), one of them a particle, or one capitalised word that is two
// particles run together. It is j when there are none.
func particlesBeforeFamily(text string, toks []fzToken, j int) int {
	i, any := j, false
	for i > 0 && j-i < maxParticles && toks[i].joinPrev && toks[i-1].known < 0 {
		if toks[i-1].capital && !sentenceInitial(text, toks[i-1].start) {
			break
		}
		i--
		any = any || isParticleWord(text[toks[i].start:toks[i].end])
		if toks[i].capital {
			break
		}
	}
	switch {
	case any:
		return i
	case i == j && toks[j-1].capital && toks[j-1].known < 0 && len(splitJoinedParticles(text[toks[j-1].start:toks[j-1].end])) == 2:
		return j - 1
	}
	return j
}

// splitJoinedParticles splits a word that is two particles written as one
// ("Вандер") into the two; nil for any other word.
func splitJoinedParticles(w string) []string {
	for i := range w {
		if i > 0 && isParticleWord(w[:i]) && isParticleWord(w[i:]) && IsCyrillic(w[:i]) {
			return []string{w[:i], w[i:]}
		}
	}
	return nil
}

// wrongParticle judges the particles toks[i:j] before the family name
// toks[j], with the given name before them when there is one.
func (f *Fuzzy) wrongParticle(text, lang string, toks []fzToken, i, j int) (Hit, bool) {
	family := text[toks[j].start:toks[j].end]
	given := ""
	if i > 0 && toks[i].joinPrev && toks[i-1].capital {
		given = text[toks[i-1].start:toks[i-1].end]
	}
	r := runResult{}
	if given != "" {
		r = f.matchRunAs(given+" "+family, lang, false, 0, false, true)
	}
	if r.verdict != verdictRight && r.verdict != verdictHit {
		given = ""
		r = f.matchRunAs(family, lang, false, confGenerated, false, true)
	}
	if r.verdict != verdictRight && r.verdict != verdictHit {
		return Hit{}, false
	}
	var got []string
	for _, t := range toks[i:j] {
		got = append(got, text[t.start:t.end])
	}
	for _, idx := range r.entries {
		form := f.entry(idx).Preferred(lang)
		part := familyPart(nameTokens(form))
		n := 0
		for n < len(part) && part[n].particle {
			n++
		}
		if n == 0 || !particlesDiffer(got, part[:n], given != "") {
			continue
		}
		particles := tokensText(form, part[:n])
		onlyParticles := r.verdict == verdictRight ||
			given != "" && f.matchRunAs(given+" "+particles+" "+family, lang, false, 0, false, true).verdict == verdictRight
		switch {
		case onlyParticles:
			h := f.hitFor(idx, family, lang, 1, confGenerated)
			h.Start, h.End, h.Text = toks[i].start, toks[j-1].end, text[toks[i].start:toks[j-1].end]
			h.Suggestion = particles
			if given == "" {
				h.Suggestion = capitalLike(particles, h.Text) // a sentence's capital
			}
			return h, true
		case given != "" && f.matchRunAs(family, lang, false, 0, false, true).verdict == verdictRight:
			// Only the given name is wrong besides, and a near miss of it
			// tells no case to suggest it in ("Урсулай"): the particles
			// alone would correct half the name, unless the run read the
			// Belarusian way is a right form (Урсулай, Урсулой).
			return f.belarusianParticleRun(text, lang, toks[i-1].start, toks[j].end, idx)
		}
		start, words := toks[i].start, 1
		if given != "" {
			start, words = toks[i-1].start, 2
		}
		h := f.hitFor(idx, text[start:toks[j].end], lang, words, confGenerated)
		h.Start, h.End = h.Start+start, h.End+start
		return h, true
	}
	return Hit{}, false
}

// particlesDiffer reports whether the particles got are not the form's
// (want) and are still the name's: the form's particles written as one
// word ("Вандер"), or as many words as the form's, not all of them right,
// with the name's given name before them (anchored), or one of them the
// form's particle in its place, or each a particle.
func particlesDiffer(got []string, want []nameToken, anchored bool) bool {
	if len(got) == 1 && len(want) > 1 {
		var joined strings.Builder
		for _, t := range want {
			joined.WriteString(t.text)
		}
		return cyrFold(got[0]) == cyrFold(joined.String())
	}
	if len(got) != len(want) {
		return false
	}
	same, someSame, allParticles := true, false, true
	for k, w := range got {
		eq := cyrFold(w) == cyrFold(want[k].text)
		same = same && eq
		someSame = someSame || eq
		allParticles = allParticles && isParticleWord(w)
	}
	return !same && (anchored || someSame || allParticles)
}

// overrideHits puts the hits of more in place of the hits they overlap, in
// text order: a name read with its particles is one hit. A hit that holds
// one of more whole already judged the name with its particles, and stays.
func overrideHits(hits, more []Hit) []Hit {
	more = slices.DeleteFunc(more, func(m Hit) bool {
		return slices.ContainsFunc(hits, func(h Hit) bool { return h.Start <= m.Start && m.End <= h.End })
	})
	hits = slices.DeleteFunc(hits, func(h Hit) bool {
		return slices.ContainsFunc(more, func(m Hit) bool { return h.Start < m.End && m.Start < h.End })
	})
	hits = append(hits, more...)
	slices.SortFunc(hits, func(a, b Hit) int { return a.Start - b.Start })
	return hits
}
