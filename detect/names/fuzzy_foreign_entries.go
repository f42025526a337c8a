package names

import (
	"slices"
	"strings"
)

// The lookup of a run in another script (fuzzy_foreign_script.go): which
// entries have the run's words as right forms, in which slots of the name,
// and the hit that names the entry in the text's language.

// nameSlots says which words of a name a run stands for.
type nameSlots uint8

const (
	slotGiven  nameSlots = 1 << iota // the first word of a name of several
	slotFamily                       // the last word
	slotWhole                        // the whole form
)

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
	ctx.add(idx, f.entry(idx).Key())
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
		s := formSlots(f.entry(int32(el&entryMask)), l, folded)
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
	e := f.entry(idx)
	if hasLatinForm(e, lang) {
		return idx, true
	}
	for _, el := range f.entriesWithKey(e.Key()) {
		if o := int32(el & entryMask); f.entry(o).Key() == e.Key() && hasLatinForm(f.entry(o), lang) {
			return o, true
		}
	}
	return 0, false
}

// formSlots says which words of e's right forms in l folded is (hash
// collisions give none).
func formSlots(e entryRef, l, folded string) nameSlots {
	var s nameSlots
	for _, t := range e.Terms() {
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
	e := f.entry(idx)
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
		EntryKey:   e.Key(),
		EntryType:  e.Type(),
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
