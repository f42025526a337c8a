package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Machine translation leaves a name it does not know in the source's
// script: "Donald Трамп", "Илон Маск", "Wang Ји" in English output of a
// Macedonian text. A capitalised word in Cyrillic in a text whose language
// is written in Latin script is no word of that language: it is a name
// carried over untranslated. It is matched exactly against the right forms
// of the glossary in every language written in Cyrillic (Serbian and
// Macedonian letters fold as Russian transcribes them, so Џинпинг meets a
// Russian or a Macedonian form alike), and the suggestion is the entry's
// form in the text's language, in its script: never a form in another
// script.
//
// An original spelling given in parentheses after the name ("Alexei
// Navalny (Алексей Навальный)") is a gloss, not an error, and is left alone.

// foreignScriptNames returns the hits of capitalised Cyrillic runs in a
// text of a language written in Latin script, in text order.
// glossed are the spans of runs given in parentheses, which no rule flags.
func (f *Fuzzy) foreignScriptNames(text, lang string, toks []fzToken, ctx docContext) (hits []Hit, glossed []runSpan) {
	if lang == "" || isCyrillicLang(lang) || !f.hasGajForms() && !holdsForeignLetters(text) {
		return nil, nil
	}
	for i := 0; i < len(toks); i++ {
		if !isCyrillicName(text, toks[i]) && !isCyrillicParticle(text, toks[i]) {
			continue
		}
		j, words := cyrillicRunEnd(text, toks, i)
		switch {
		case words == 0:
		case glossedInParentheses(text, toks[i].start):
			glossed = append(glossed, runSpan{start: toks[i].start, end: toks[j-1].end})
		default:
			hits = f.appendForeignRun(hits, text, lang, toks, i, j, ctx, foreignScript{f.cyrillicRightEntries, true})
		}
		i = j - 1
	}
	hits = f.appendGajRuns(hits, text, lang, toks, ctx)
	f.widenStandInGiven(text, lang, hits, nil) // fuzzy_given_standin.go
	return hits, glossed
}

// appendGajRuns appends the hits of runs of capitalised Latin words that
// spell the glossary's Serbian or Macedonian forms (fuzzy_gaj_latin.go).
func (f *Fuzzy) appendGajRuns(hits []Hit, text, lang string, toks []fzToken, ctx docContext) []Hit {
	serbian := f.hasGajForms()
	if !serbian && !isEnglish(lang) {
		return hits
	}
	for i := 0; i < len(toks); i++ {
		// Without the glossary's Serbian forms only a word with Gaj's
		// letters can start a run: most capitalised words go at once.
		if !isGajName(text, toks[i]) || !serbian && !strings.ContainsAny(text[toks[i].start:toks[i].end], gajLetters) {
			continue
		}
		j := i + 1
		for j < len(toks) && j-i < maxRunWords && toks[j].joinPrev && isGajName(text, toks[j]) {
			j++
		}
		hits = f.appendForeignRun(hits, text, lang, toks, i, j, ctx, foreignScript{f.gajEntries, false})
		i = j - 1
	}
	return hits
}

// holdsForeignLetters reports a byte that can start a Cyrillic letter
// (0xD0-0xD4) or one of Gaj's (č ć š ž đ: 0xC4, 0xC5). Without the
// glossary's Serbian forms a run of this pass starts only on such a letter,
// and most English and German news has none: one scan of the bytes then
// spares the two passes over the tokens.
func holdsForeignLetters(text string) bool {
	for i := 0; i < len(text); i++ {
		if b := text[i]; b == 0xC4 || b == 0xC5 || b >= 0xD0 && b <= 0xD4 {
			return true
		}
	}
	return false
}

// isGajName reports a capitalised Latin word no exact match covers.
func isGajName(text string, t fzToken) bool {
	return t.capital && t.known < 0 && text[t.start] < 0xD0
}

// cyrillicRunEnd returns the end of the run of Cyrillic names and
// particles that starts at toks[i], and its words that are no particles.
// Particles ("фон дер Лајен") belong to the run; a run of particles alone
// names nobody.
func cyrillicRunEnd(text string, toks []fzToken, i int) (end, words int) {
	j := i
	for ; j < len(toks) && (j == i || toks[j].joinPrev) && words < maxRunWords; j++ {
		if isCyrillicParticle(text, toks[j]) {
			continue
		}
		if !isCyrillicName(text, toks[j]) {
			break
		}
		words++
	}
	return j, words
}

// isCyrillicParticle reports a particle written in Cyrillic: "фон", "дер".
func isCyrillicParticle(text string, t fzToken) bool {
	w := text[t.start:t.end]
	return w[0] >= 0xD0 && w[0] <= 0xD4 && IsCyrillic(w) && isParticleWord(w)
}

// isCyrillicName reports a capitalised token whose first letter is
// Cyrillic. A Cyrillic letter starts with a lead byte 0xD0-0xD4; most
// tokens of a Latin text are ruled out on their first byte.
func isCyrillicName(text string, t fzToken) bool {
	if !t.capital || text[t.start] < 0xD0 || text[t.start] > 0xD4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[t.start:])
	return unicode.Is(unicode.Cyrillic, r)
}

// glossedInParentheses reports a run that opens a parenthesis: the
// original spelling given beside the name.
func glossedInParentheses(text string, start int) bool {
	return strings.HasSuffix(strings.TrimRight(text[:start], " \u00a0"), "(")
}

// withForeignScript adds the hits of Cyrillic runs to hits, less the hits
// inside a gloss: a hit of the
// other rules inside one of them is replaced (its suggestion may be a form
// in another script, or a part of the name), one around it is kept unless
// it suggests a Cyrillic form.
func withForeignScript(hits, foreign []Hit, glossed []runSpan) []Hit {
	hits = slices.DeleteFunc(hits, func(h Hit) bool {
		return slices.ContainsFunc(glossed, func(g runSpan) bool { return g.start <= h.Start && h.End <= g.end })
	})
	var keep []Hit
	for _, m := range foreign {
		if !containsHitAround(hits, m) {
			keep = append(keep, m)
		}
	}
	hits = slices.DeleteFunc(hits, func(h Hit) bool {
		return slices.ContainsFunc(keep, func(m Hit) bool { return h.Start < m.End && m.Start < h.End })
	})
	hits = append(hits, keep...)
	slices.SortFunc(hits, func(a, b Hit) int { return a.Start - b.Start })
	return hits
}

// containsHitAround reports a hit of hits strictly wider than m that
// suggests a Latin form.
func containsHitAround(hits []Hit, m Hit) bool {
	for _, h := range hits {
		if h.Start <= m.Start && m.End <= h.End && h.End-h.Start > m.End-m.Start && !IsCyrillic(h.Suggestion) {
			return true
		}
	}
	return false
}

// withoutScriptSwap drops the hits that would replace a Latin run of a
// text written in Latin script by a Cyrillic form. Such a suggestion comes
// from an entry with no form in the text's language (Entry.Preferred's
// fallback): "Biden" in an English text is near the romanization of a
// glossary's "Джо Байдэн", but with no English form to compare, nothing
// says the English spelling is wrong, and a reviewer cannot use the
// suggestion.
func withoutScriptSwap(text, lang string, hits []Hit) []Hit {
	if isCyrillicLang(lang) {
		return hits
	}
	return slices.DeleteFunc(hits, func(h Hit) bool {
		return IsCyrillic(h.Suggestion) && !IsCyrillic(text[h.Start:h.End])
	})
}
