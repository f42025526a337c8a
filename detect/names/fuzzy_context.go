package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// docContext is what Check learns about the entries a text mentions.
type docContext struct {
	keys    map[string]bool // entry keys of known hits and strong hits
	entries map[int32]bool  // those entries, and every entry of a right form met
}

func (c docContext) add(idx int32, key string) {
	c.keys[key] = true
	c.entries[idx] = true
}

func (c docContext) addAll(entries []int32) {
	for _, idx := range entries {
		c.entries[idx] = true
	}
}

// mentioned reports whether the text mentions entry idx.
func (f *Fuzzy) mentioned(c docContext) func(int32) bool {
	return func(idx int32) bool { return c.entries[idx] || c.keys[f.entry(idx).Key()] }
}

// newDocContext starts from the caller's known hits: the entries they name,
// and for a right form every entry it is a right form of (a family name
// that several people share names them all; which one the exact matcher
// reported is not evidence).
func (f *Fuzzy) newDocContext(text, lang string, known []Hit) docContext {
	ctx := docContext{keys: make(map[string]bool, len(known)), entries: make(map[int32]bool, len(known))}
	// A text names the same people again and again: each key and each
	// right form's text is looked up once, and all of them together
	// (hashRanges), as the sets filled do not depend on the order.
	seen := make(map[string]bool)
	var keys []string
	var keyHashes, formHashes []uint64
	for _, k := range known {
		if !ctx.keys[k.EntryKey] {
			ctx.keys[k.EntryKey] = true
			keys = append(keys, k.EntryKey)
			keyHashes = append(keyHashes, hashString(k.EntryKey))
		}
		if k.Check != "" || k.Start < 0 || k.End > len(text) || k.Start >= k.End || seen[text[k.Start:k.End]] {
			continue
		}
		seen[text[k.Start:k.End]] = true
		words := nameWords(FoldName(trimPossessive(text[k.Start:k.End])))
		formHashes = append(formHashes, rightHash(lang, strings.Join(words, " ")))
	}
	for q, found := range hashRanges(f.byKey, keyHashes) {
		for _, e := range found {
			if idx := int32(e & entryMask); f.entry(idx).Key() == keys[q] {
				ctx.entries[idx] = true
			}
		}
	}
	for _, found := range hashRanges(f.right, formHashes) {
		for _, e := range found {
			ctx.entries[int32(e&entryMask)] = true
		}
	}
	return ctx
}

// resolve turns the pending runs into hits once the whole text is read.
// Strong runs take, of their equally good entries, one the text mentions
// (then the smallest key); their entries then count as mentioned too. Weak
// runs and lowercase tokens are compared with the mentioned entries only.
//
// A strong single word is judged after the longer runs, against the people
// they name: news names a person in full and then by family name alone, so
// "Kerenski" after "Oleksandr Kerensky" is his name a letter off, although
// it is also, letter for letter, a romanized case form of a namesake
// Oksana Kerenska's (Керенській). The mentioned person wins when the word
// is at most one edit or one sound away from them (confOneEditShort);
// further off, the exact form of another entry stands. With no one named,
// a nominative reading wins over a case form (nominativeFirst).
//
// lower indexes the lowercase tokens of toks.
func (f *Fuzzy) resolve(text, lang string, runs []pendingRun, weak []runSpan, toks []fzToken, lower []int32, ctx docContext) []Hit {
	var hits []Hit
	mentioned := f.mentioned(ctx)
	hits = f.resolveStrong(text, lang, runs, hits, ctx, func(r pendingRun) bool { return r.res.words > 1 })
	var named *Fuzzy
	mentionedAtNamed := 0
	if slices.ContainsFunc(runs, func(r pendingRun) bool { return r.res.words == 1 }) {
		named, mentionedAtNamed = f.mentionedIndex(ctx), len(ctx.entries)
	}
	for _, r := range runs {
		if r.res.words != 1 {
			continue
		}
		if idx := f.pick(r.res.entries, mentioned); !mentioned(idx) && named != nil {
			if alt := named.matchRunAs(text[r.start:r.end], lang, false, confOneEditShort, true, true); alt.verdict == verdictHit {
				r.res = alt
			}
		}
		hits = f.resolveStrong(text, lang, []pendingRun{r}, hits, ctx, func(pendingRun) bool { return true })
	}
	small := named
	if small == nil || len(ctx.entries) != mentionedAtNamed {
		small = f.mentionedIndex(ctx) // the mentioned entries only grow
	}
	if small != nil {
		memo := newRunMemo(small, lang)
		for _, r := range weak {
			hits = small.appendHit(hits, text, r.start, r.end, false, memo)
		}
		hits = append(hits, withoutLowerHyphenParts(small.checkLowercase(text, lang, toks, lower, f, memo))...) // fuzzy_lower_hyphen.go
	}
	slices.SortFunc(hits, func(a, b Hit) int { return a.Start - b.Start })
	return hits
}

// resolveStrong appends the hits of the strong runs that keep selects and
// adds their entries to the mentioned ones.
func (f *Fuzzy) resolveStrong(text, lang string, runs []pendingRun, hits []Hit, ctx docContext, keep func(pendingRun) bool) []Hit {
	mentioned := f.mentioned(ctx)
	var chosen []int32
	for _, r := range runs {
		if !keep(r) {
			continue
		}
		entries := r.res.entries
		if r.res.words == 1 && !slices.ContainsFunc(entries, mentioned) {
			entries = f.nominativeFirst(entries, text[r.start:r.end])
		}
		idx := f.pick(entries, mentioned)
		h := f.hitFor(idx, text[r.start:r.end], lang, r.res.words, r.res.conf)
		h.Start, h.End = h.Start+r.start, h.End+r.start
		if r.res.respelled != "" {
			h.Suggestion = r.res.respelled
		} else {
			f.particleInLowerCase(text, lang, &h, idx)
		}
		hits = append(hits, h)
		chosen = append(chosen, idx)
	}
	for _, idx := range chosen {
		ctx.add(idx, f.entry(idx).Key())
	}
	return hits
}

// mentionedIndex indexes the entries the text mentions (sharing f's
// records), or returns nil when there are none.
func (f *Fuzzy) mentionedIndex(ctx docContext) *Fuzzy {
	if len(ctx.entries) == 0 {
		return nil
	}
	idxs := make([]int32, 0, len(ctx.entries))
	for idx := range ctx.entries {
		idxs = append(idxs, idx)
	}
	slices.Sort(idxs)
	return f.subIndex(idxs)
}

// appendHit appends the hit text[start:end] is, if any, as a wrong form of
// one of the entries of f (the small index of mentioned entries), asking
// memo (of f).
func (f *Fuzzy) appendHit(hits []Hit, text string, start, end int, lower bool, memo *runMemo) []Hit {
	lang := memo.lang
	r := memo.match(text[start:end], lower, 0, !lower && namedByCapital(text, lang, start, end))
	if r.verdict != verdictHit {
		return hits
	}
	idx := f.pick(r.entries, nil)
	h := f.hitFor(idx, text[start:end], lang, r.words, r.conf)
	h.Start, h.End = h.Start+start, h.End+start
	if r.respelled != "" {
		h.Suggestion = r.respelled
	} else {
		f.particleInLowerCase(text, lang, &h, idx)
	}
	return append(hits, h)
}

// minLowerRunes is the shortest lowercase token compared with names.
const minLowerRunes = 5

// checkLowercase compares lowercase tokens with the entries of f, the small
// index of mentioned entries. A token that is an ordinary word, or a right
// form anywhere in the glossary (all), is left alone.
//
// A text repeats its words, and whether a word is left alone depends on the
// word alone: it is decided once per word.
func (f *Fuzzy) checkLowercase(text, lang string, toks []fzToken, lower []int32, all *Fuzzy, memo *runMemo) []Hit {
	var hits []Hit
	leftAlone := make(map[string]bool)
	for _, i := range lower {
		t := toks[i]
		word := text[t.start:t.end]
		alone, seen := leftAlone[word]
		if !seen {
			folded := FoldName(word)
			alone = utf8.RuneCountInString(word) < minLowerRunes || folded == "" || isDictionaryLike(folded) ||
				isLanguageWord(lang, word) || isLowerAdjective(lang, word) || len(all.rightEntries(lang, folded)) > 0
			leftAlone[word] = alone
		}
		if !alone {
			hits = f.appendHit(hits, text, t.start, t.end, true, memo)
		}
	}
	return hits
}

// nominativeFirst keeps, of the entries a single word matches equally well,
// those whose family name it spells in the nominative by some
// romanization (a press convention included), when there are any, even an
// entry the word matched less well: a word left untranslated is far more
// often a name as such than a case form of another. "Kerenski" is
// Керенский in the French press's spelling before it is Керенській, the
// dative of Керенська. A word that matches an entry the text mentions is
// that entry's, and is not asked.
func (f *Fuzzy) nominativeFirst(entries []int32, word string) []int32 {
	folded := FoldName(trimPossessive(word))
	var keep []int32
	var buf []byte
	for _, idx := range entries {
		if f.spellsNominative(idx, folded, &buf) {
			keep = append(keep, idx)
		}
	}
	switch {
	case len(keep) == len(entries):
		return entries
	case len(keep) > 0:
		return keep
	}
	// None of them: another entry near the word may be spelled so by a
	// press convention, which the index does not hold as a variant.
	var rv recordView
	for _, off := range f.candidates(nil, false, folded) {
		rv.parse(f.records[off:], "")
		if !slices.Contains(keep, rv.idx) && f.spellsNominative(rv.idx, folded, &buf) {
			keep = append(keep, rv.idx)
		}
	}
	if len(keep) == 0 {
		return entries
	}
	return keep
}

// spellsNominative reports whether folded is the family name of one of
// entry idx's right forms, folded or romanized by a scheme of its
// language or a press convention.
func (f *Fuzzy) spellsNominative(idx int32, folded string, buf *[]byte) bool {
	for _, t := range f.entry(idx).Terms() {
		if !isRight(t.Status) {
			continue
		}
		family := derivedFamilyName(t.Form)
		if !IsCyrillic(family) {
			if foldLatin(family) == folded {
				return true
			}
			continue
		}
		schemes, press := ruSchemes, ruPressSchemes
		if t.Lang == "uk" {
			schemes, press = ukSchemes, ukPressSchemes
		}
		for _, list := range [2][]Scheme{schemes, press} {
			for _, sc := range list {
				*buf = appendFoldedTranslit((*buf)[:0], family, sc)
				if string(*buf) == folded {
					return true
				}
			}
		}
	}
	return false
}
