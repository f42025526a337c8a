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

// nameSlots says which words of a name a run stands for.
type nameSlots uint8

const (
	slotGiven  nameSlots = 1 << iota // the first word of a name of several
	slotFamily                       // the last word
	slotWhole                        // the whole form
)

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
	f.widenStandInGiven(text, lang, hits) // fuzzy_given_standin.go
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

// foreignScript is how the words of a run in another script are looked up:
// a given name alone in Cyrillic is a name left untranslated, one in Latin
// letters may be the text's language's spelling of another person's.
type foreignScript struct {
	lookup     func(word, lang string) map[int32]nameSlots
	givenAlone bool
}

// appendForeignRun appends the hit of the Cyrillic tokens toks[i:j], which
// name one entry together or, failing that, each their own.
func (f *Fuzzy) appendForeignRun(hits []Hit, text, lang string, toks []fzToken, i, j int, ctx docContext, script foreignScript) []Hit {
	var common []int32
	var slots map[int32]nameSlots
	first := true
	for k := i; k < j; k++ {
		if isCyrillicParticle(text, toks[k]) {
			continue
		}
		found := script.lookup(text[toks[k].start:toks[k].end], lang)
		if len(found) == 0 {
			common = nil
			break
		}
		if slots == nil {
			slots = make(map[int32]nameSlots)
		}
		var next []int32
		for idx, s := range found {
			if first || slices.Contains(common, idx) {
				next = append(next, idx)
				slots[idx] |= s
			}
		}
		common, first = next, false
		if len(common) == 0 {
			break
		}
	}
	if len(common) == 0 {
		for k := i; k < j && j-i > 1; k++ {
			if !isCyrillicParticle(text, toks[k]) {
				hits = f.appendForeignRun(hits, text, lang, toks, k, k+1, ctx, script)
			}
		}
		return hits
	}
	slices.Sort(common)
	idx := f.pick(common, f.mentioned(ctx))
	h, s := f.foreignHit(text, lang, toks, i, j, idx, slots[idx])
	if s == slotGiven && !script.givenAlone {
		return hits
	}
	ctx.add(idx, f.entries[idx].Key)
	return append(hits, h)
}

// cyrillicRightEntries returns the entries of which word is a right form,
// or the given or family name of one, in a language written in Cyrillic,
// with the slots it fills; only entries with a form in lang, in Latin
// script, to suggest.
func (f *Fuzzy) cyrillicRightEntries(word, lang string) map[int32]nameSlots {
	folded := FoldName(trimPossessive(word))
	if folded == "" {
		return nil
	}
	var found map[int32]nameSlots
	// The languages isCyrillicLang names: a glossary's Cyrillic forms are
	// in them.
	// A hyphenated family name is indexed by its last part, a hyphenated
	// place by the whole.
	keys := []string{folded}
	if last := folded[strings.LastIndexByte(folded, ' ')+1:]; last != folded {
		keys = append(keys, last)
	}
	for _, l := range [...]string{"ru", "uk", "be", "bg", "sr", "mk", "kk"} {
		found = f.addFormSlots(found, f.rightEntriesOf(l, keys), l, folded, lang)
	}
	return found
}

// addFormSlots adds to found the entries of els (index elements of right
// forms in l) of which folded is a form or a part of one, with the slots it
// fills; each as the entry of its key that has a form in lang.
func (f *Fuzzy) addFormSlots(found map[int32]nameSlots, els []uint64, l, folded, lang string) map[int32]nameSlots {
	for _, el := range els {
		s := formSlots(&f.entries[el&entryMask], l, folded)
		idx, ok := f.withLatinForm(int32(el&entryMask), lang)
		if s == 0 || !ok {
			continue
		}
		if found == nil {
			found = make(map[int32]nameSlots)
		}
		found[idx] |= s
	}
	return found
}

// rightEntriesOf is rightEntries of each of keys, in turn.
func (f *Fuzzy) rightEntriesOf(lang string, keys []string) []uint64 {
	if len(keys) == 1 {
		return f.rightEntries(lang, keys[0])
	}
	var all []uint64
	for _, k := range keys {
		all = append(all, f.rightEntries(lang, k)...)
	}
	return all
}

// withLatinForm returns idx if the entry has a form in lang in Latin
// script, or else another entry of the same key that has: glossaries loaded
// side by side may give one person's forms in two entries.
func (f *Fuzzy) withLatinForm(idx int32, lang string) (int32, bool) {
	e := &f.entries[idx]
	if hasLatinForm(e, lang) {
		return idx, true
	}
	for _, el := range f.entriesWithKey(e.Key) {
		if o := int32(el & entryMask); f.entries[o].Key == e.Key && hasLatinForm(&f.entries[o], lang) {
			return o, true
		}
	}
	return 0, false
}

// formSlots says which words of e's right forms in l folded is (hash
// collisions give none).
func formSlots(e *Entry, l, folded string) nameSlots {
	var s nameSlots
	for _, t := range e.Terms {
		if t.Lang != l || !isRight(t.Status) {
			continue
		}
		switch form := FoldName(t.Form); {
		case form == folded && strings.Contains(form, " "):
			s |= slotWhole
		case form == folded:
			// A form of one word ("Мерц" admitted beside "Фридрих
			// Мерц") is what the family name alone is in lang.
			s |= slotFamily
		case strings.HasSuffix(form, " "+folded):
			s |= slotFamily
		case strings.HasPrefix(form, folded+" "):
			s |= slotGiven
		}
	}
	return s
}

// foreignHit is the hit of toks[i:j] as entry idx, widened over the
// entry's Latin given name before it or family name after it ("Wang Ји",
// "Џо Biden"), with the entry's form in lang for the words it covers, and
// the slots it covers.
func (f *Fuzzy) foreignHit(text, lang string, toks []fzToken, i, j int, idx int32, slots nameSlots) (Hit, nameSlots) {
	e := &f.entries[idx]
	form := e.Preferred(lang)
	words := strings.Fields(form)
	if len(words) > 1 && slots&slotWhole == 0 {
		if slots&slotGiven == 0 && i > 0 && toks[i].joinPrev && latinWordIs(text, toks[i-1], words[0]) {
			i--
			slots |= slotGiven
		}
		if slots&slotFamily == 0 && j < len(toks) && toks[j].joinPrev && latinWordIs(text, toks[j], words[len(words)-1]) {
			j++
			slots |= slotFamily
		}
	}
	sugg := form
	switch {
	case slots&slotWhole != 0, slots&slotGiven != 0 && slots&slotFamily != 0:
	case slots&slotFamily != 0:
		sugg = withParticles(suggestionFor(e, lang, 1), form, foldedParticles(text, toks[i:j]), 1)
	default:
		sugg = words[0]
	}
	start, end := toks[i].start, toks[j-1].end
	return Hit{
		Start:      start,
		End:        end,
		Text:       text[start:end],
		Status:     Deprecated,
		Check:      CheckFuzzy,
		Suggestion: sugg,
		Entry:      form,
		EntryKey:   e.Key,
		EntryType:  e.Type,
		Confidence: confForeign,
	}, slots
}

// foldedParticles is the run toks with its Cyrillic particles romanized,
// for withParticles to read ("фон дер Лајен": "fon der Lajen").
func foldedParticles(text string, toks []fzToken) string {
	var b strings.Builder
	for _, t := range toks {
		w := text[t.start:t.end]
		if isCyrillicParticle(text, t) {
			w = Transliterate(w, SchemeBGN)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// latinWordIs reports a capitalised token that is word, folded.
func latinWordIs(text string, t fzToken, word string) bool {
	return t.capital && FoldName(text[t.start:t.end]) == FoldName(word)
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
