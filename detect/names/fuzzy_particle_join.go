package names

import (
	"strings"
	"unicode/utf8"
)

// In German "von", "der" and "da" are words, and a capitalised run does not
// join across them (joinsName): "Musik von Beethoven" is two names, or a
// noun and a name. A name whose particles are such words is then cut in
// two, and a wrong form of it ("Ludwig von Beethoven" for Ludwig van
// Beethoven, "Luiz Inacio Lula da Silva" with its accent lost) is missed.
// So the words on both sides of such a particle are read again together,
// and they are one wrong name when they are a hit for an entry whose name
// has particles: a name without any is never joined across a word of the
// language.

// particleWordNames returns the hits of the names joined across particles
// that are words of lang.
func (f *Fuzzy) particleWordNames(text, lang string, toks []fzToken) []Hit {
	if isEnglish(lang) || isCyrillicLang(lang) {
		return nil // English joins every particle but its frequent words; Cyrillic has its own
	}
	var hits []Hit
	for i := 0; i < len(toks); i++ {
		if !toks[i].capital {
			continue
		}
		p := i + 1
		for p < len(toks) && p-i-1 < maxParticles && toks[p].joinPrev && isLowerParticle(text, toks[p]) && !joinsName(text, lang, toks[p]) {
			p++
		}
		if p == i+1 || p >= len(toks) || !toks[p].joinPrev || !toks[p].capital {
			continue
		}
		if !f.rightWord(text, lang, toks[i]) && !f.rightWord(text, lang, toks[p]) {
			continue // "Ministerium der Finanzen": German is full of these
		}
		if h, ok := f.joinedAcross(text, lang, toks, i, p); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

// joinedAcross tries the names that end with token p and start at token i
// or up to two capitalised words before it, longest first.
func (f *Fuzzy) joinedAcross(text, lang string, toks []fzToken, i, p int) (Hit, bool) {
	first := i
	for first > 0 && i-first < maxRunWords-2 && toks[first].joinPrev && toks[first-1].capital {
		first--
	}
	for s := first; s <= i; s++ {
		run := text[toks[s].start:toks[p].end]
		r := f.match(run, lang, false, 0)
		if r.verdict != verdictHit {
			continue
		}
		idx := f.pick(r.entries, nil)
		if !f.hasParticles(idx) {
			continue
		}
		h := f.hitFor(idx, run, lang, r.words, r.conf)
		h.Start, h.End = h.Start+toks[s].start, h.End+toks[s].start
		if r.respelled != "" {
			h.Suggestion = r.respelled
		} else {
			f.particleInLowerCase(text, lang, &h, idx)
		}
		return h, true
	}
	return Hit{}, false
}

// rightWord reports whether token t is a right form of lang or a right
// given or family name alone: a name split at its particles keeps one of
// them right ("Vincent von Gogh", "Ursula von der Lajen").
func (f *Fuzzy) rightWord(text, lang string, t fzToken) bool {
	return t.known >= 0 || len(f.rightEntries(lang, FoldName(text[t.start:t.end]))) > 0
}

// hasParticles reports whether a right form of entry idx has a particle
// between its words.
func (f *Fuzzy) hasParticles(idx int32) bool {
	for _, t := range f.entry(idx).Terms() {
		if t.Status != Preferred && t.Status != Admitted {
			continue
		}
		toks := nameTokens(t.Form)
		for j := 1; j+1 < len(toks); j++ {
			if toks[j].particle {
				if r, _ := utf8.DecodeRuneInString(toks[j].text); strings.ToLower(string(r)) == string(r) {
					return true
				}
			}
		}
	}
	return false
}
