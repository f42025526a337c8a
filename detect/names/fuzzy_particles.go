package names

import (
	"slices"
	"strings"
)

// Particles in a run of a name's words: lowercase particles between and
// before the capitalised words belong to the name ("Ursula fon der Lajen"),
// unless they are words of the text's language; they do not count as the
// name's words.

// maxParticles is the most particles a name has in a row (de los, van
// der, al-).
const maxParticles = 3

// runEnd returns the end of the run of capitalised tokens (and right forms)
// starting at i, taking in the lowercase particles between two of them:
// "Ursula fon der Lajen" is one name.
func runEnd(text, lang string, toks []fzToken, i int) int {
	end := i + 1
	for end < len(toks) && toks[end].joinPrev {
		if toks[end].capital || toks[end].known >= 0 {
			end++
			continue
		}
		p := end
		for p < len(toks) && p-end < maxParticles && toks[p].joinPrev && joinsName(text, lang, toks[p]) {
			p++
		}
		if p == end || p == len(toks) || !toks[p].joinPrev || !toks[p].capital {
			break
		}
		end = p + 1
	}
	return end
}

// particlesBefore returns where the run starting at token i starts with
// the particles before it: "fon der Lajen" is a name, particles and all.
// When a particle that is a word of the language stands before them ("фон
// дэр" in Russian, where фон is a word), none is taken: half a name's
// particles would make a wrong suggestion.
func particlesBefore(text, lang string, toks []fzToken, i int) int {
	start := i
	for start > 0 && i-start < maxParticles && toks[start].joinPrev && joinsName(text, lang, toks[start-1]) {
		start--
	}
	if start > 0 && toks[start].joinPrev && isLowerParticle(text, toks[start-1]) {
		return i
	}
	return start
}

// isLowerParticle reports whether a token is a name particle in lowercase.
func isLowerParticle(text string, t fzToken) bool {
	return !t.capital && t.known < 0 && t.end-t.start <= maxParticleBytes && isParticleWord(text[t.start:t.end])
}

// joinsName reports whether a lowercase particle may join the capitalised
// words around it into one name: not when it is a word of the text's
// language, as "von", "der" and "de" are in German and "да" in Russian,
// where it joins two names far more often than it stands inside one.
//
// English takes particles from every language into its names, and its
// lexicon lists them as words ("da", "de"), its frequent words too ("bin",
// "van", "den", "la"): none of them stands in English between two
// capitalised words but inside a name ("Mohammed bin Salman", "Robin van
// Persie"), so in English every particle joins (runEnd asks for a capital
// after it).
func joinsName(text, lang string, t fzToken) bool {
	if !isLowerParticle(text, t) {
		return false
	}
	w := text[t.start:t.end]
	if isEnglish(lang) {
		return true
	}
	return !isLanguageWord(lang, w)
}

// nameWordCount is the number of tokens that are not particles, in any
// case: "Von der Leyen" at a sentence's start is one word of a name.
func nameWordCount(text string, toks []fzToken) int {
	n := 0
	for _, t := range toks {
		if t.known >= 0 || t.capital && !(t.end-t.start <= maxParticleBytes && isParticleWord(text[t.start:t.end])) {
			n++
		}
	}
	return n
}

// windowEnd is the end of the tokens from s that hold at most maxRunWords
// words besides the particles, within the run ending at end. A particle
// with a capital is a particle too, as nameWordCount counts it: "Luiz
// Inácio Lula Da Silva" is one window of four words.
func windowEnd(text string, toks []fzToken, s, end int) int {
	words, i := 0, s
	for i < end {
		if nameWordCount(text, toks[i:i+1]) == 1 {
			if words == maxRunWords {
				break
			}
			words++
		}
		i++
	}
	return i
}

// rightAroundParticles reports whether a run joined across particles is a
// hit only for its words before them: its particles are the entry's and
// the family name after them is right ("Лулою да Сілвою", a right case form
// of Лула да Сілва that the whole name's given name does not line up
// with). Then the run is no name of its own, and its parts are judged
// alone.
//
// A particle with a capital counts as one ("Lula Da Silva"): Check then
// flags the run for its particle's case alone (particleCaseSlip). A
// particle spelled otherwise ("Фон дэр Ляйен") is no right particle, and
// the run a wrong form of the whole name.
func (f *Fuzzy) rightAroundParticles(text, lang string, toks []fzToken, r runResult) bool {
	isParticle := func(t fzToken) bool { return t.known < 0 && nameWordCount(text, []fzToken{t}) == 0 }
	last := -1
	for i, t := range toks {
		if isParticle(t) {
			last = i
		}
	}
	if last < 0 || last == len(toks)-1 {
		return false
	}
	family := f.matchRun(text[toks[last+1].start:toks[len(toks)-1].end], lang, false, 0, false)
	if family.verdict != verdictRight {
		return false
	}
	var particles []string
	for _, t := range toks[:last+1] {
		if isParticle(t) {
			particles = append(particles, strings.ToLower(text[t.start:t.end]))
		}
	}
	words := nameWordCount(text, toks)
	for _, idx := range r.entries {
		var want []string
		slots := 0
		for _, t := range nameTokens(f.entry(idx).Preferred(lang)) {
			if t.particle {
				want = append(want, strings.ToLower(t.text))
			} else {
				slots++
			}
		}
		// A run with every word of the name lines up with all of it: its
		// given names are the name's, and the hit is the whole name's
		// ("Luiz Inacio Lula da Silva", the accent lost).
		if slices.Equal(particles, want) && words != slots {
			return true
		}
	}
	return false
}

// startsName reports whether the first of toks, a short word that may lead
// a sentence ("Da", "Да"), is a particle of the name the next word starts:
// "Да Винчи" is Леонардо да Винчи's family name, particle and all.
func (f *Fuzzy) startsName(text, lang string, toks []fzToken) bool {
	if len(toks) < 2 || !isParticleWord(text[toks[0].start:toks[0].end]) {
		return false
	}
	r := f.match(text[toks[0].start:toks[1].end], lang, false, 0)
	return r.verdict == verdictRight && len(r.entries) > 0
}
