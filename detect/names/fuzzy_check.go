package names

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// maxRunWords is the longest name Check tries: given, middle, family name
// and one more ("Luiz Inácio Lula da Silva" loses its particle).
const maxRunWords = 4

// token is one word of the text with byte offsets; possessive 's is outside.
type fzToken struct {
	start, end int
	known      int32 // index of the right-form known hit covering it, or -1
	capital    bool
	joinPrev   bool // separated from the previous token by spaces only
}

// Check scans text in lang for capitalised runs of one to four words and for
// lowercase tokens that are not ordinary words, skipping every byte range in
// known (the exact matcher's hits), and returns a CheckFuzzy hit for each run
// that is a wrong form of a glossary name, in text order. Offsets are byte
// offsets in text.
//
// A known right form (Check == "") is not reported again, but it may end a
// run: in "Taler Carlson" the exact matcher finds the right family name
// "Carlson", and only together with it is "Taler" a mangled given name.
//
// Weak evidence needs the document's support: a lowercase token ("bammer")
// or a single word that is not an exact romanization is compared only with
// the entries the text mentions (a known hit, a right form, or a strong
// hit). In a large glossary nearly every ordinary word ("Russia",
// "nuclear") is within two edits of some name; the names an article is
// about recur. Comparing with the mentioned entries alone, through a small
// index built per call, also makes it cheap, and an unrelated entry that
// happens to be closer can never hide the mentioned one.
func (f *Fuzzy) Check(text, lang string, known []Hit) []Hit {
	buf, _ := f.buffers.Get().(*checkBuffers)
	if buf == nil {
		buf = new(checkBuffers)
	}
	defer f.buffers.Put(buf)
	toks, heads, lower := tokenize(buf.toks[:0], buf.heads[:0], buf.lower[:0], text, known)
	buf.toks, buf.heads = toks, heads
	ctx := f.newDocContext(text, lang, known)
	memo := newRunMemo(f, lang)
	var runs []pendingRun
	weak := buf.weak[:0] // a run per sentence that opens with a capital
	defer func() { buf.lower, buf.weak = lower, weak }()
	// The runs start at the heads; the lowercase words tokenize kept are
	// compared later, those inside a run excepted (filtered in place).
	cands, c, next := lower, 0, 0
	lower = lower[:0]
	for _, h := range heads {
		i := int(h)
		if i < next {
			continue
		}
		for ; c < len(cands) && int(cands[c]) < i; c++ {
			lower = append(lower, cands[c])
		}
		end := runEnd(text, lang, toks, i) // the maximal run of capitalised tokens starting at i
		if end-i > 1 && f.isLeadingWord(text[toks[i].start:toks[i].end], lang) && !f.startsName(text, lang, toks[i:end]) {
			i++ // "У Москве", "In Kiew": the run is what follows
		}
		start := particlesBefore(text, lang, toks, i)
		for s := start; s < end; {
			afterName := s > i && toks[s-1].known < 0 && toks[s-1].capital && !f.isCapitalizedWord(text[toks[s-1].start:toks[s-1].end], lang)
			s += f.checkRunAt(text, lang, toks[s:windowEnd(text, toks, s, end)], afterName, &runs, &weak, ctx, memo)
		}
		next = end
		for c < len(cands) && int(cands[c]) < end {
			c++
		}
	}
	lower = append(lower, cands[c:]...)
	weak = append(weak, f.compoundNameHeads(text, lang, toks, runs)...) // fuzzy_compound_de.go
	hits := f.resolve(text, lang, runs, weak, toks, lower, ctx)
	hits = f.withoutGermanCommonNouns(text, lang, hits)          // fuzzy_noun_phrase_de.go
	hits = withoutGermanCompoundNouns(text, lang, hits)          // fuzzy_compound_noun_de.go
	hits = mergeHits(hits, f.foreignGenitives(text, lang, toks)) // fuzzy_genitive_de_foreign.go
	f.inGermanCase(text, lang, hits)
	withGermanArticle(text, lang, hits) // fuzzy_article_de.go
	if gen := f.apostropheGenitives(text, lang, known); len(gen) > 0 {
		hits = mergeHits(hits, gen)
	}
	if joined := f.particleWordNames(text, lang, toks); len(joined) > 0 {
		hits = mergeHits(hits, joined) // fuzzy_particle_join.go
	}
	if soft := f.softSignNames(text, lang); len(soft) > 0 {
		hits = mergeHits(hits, soft) // fuzzy_soft_sign.go
	}
	hits = f.foreignPatronymics(text, lang, hits) // fuzzy_patronymic.go
	germanPatronymics(lang, hits)                 // fuzzy_patronymic_de.go
	if poss := f.possessivesAsNames(text, lang, toks); len(poss) > 0 {
		hits = mergeHits(hits, poss) // fuzzy_possessive_uk.go
	}
	hits = mergeHits(hits, f.romanceReadingNames(text, lang, toks)) // fuzzy_romance_reading.go
	if gov := f.governedGenitives(text, lang, toks); len(gov) > 0 {
		hits = mergeHits(hits, gov) // fuzzy_governed_genitive.go
	}
	hits = f.dudenPlaces(text, lang, toks, hits)                    // fuzzy_place_duden.go
	inGermanDativePlural(text, lang, hits)                          // fuzzy_dative_de.go
	hits = mergeHits(hits, f.hyphenLostPlaces(text, lang, toks))    // fuzzy_hyphen_place.go
	hits = mergeHits(hits, f.addedArabicArticles(text, lang, toks)) // fuzzy_arabic_article_added.go
	hits = mergeHits(hits, f.hyphenAddedNames(text, lang, toks))    // fuzzy_hyphen_added.go
	if lost := f.hyphenLostNames(text, lang, toks); len(lost) > 0 {
		hits = mergeHits(hits, lost) // fuzzy_hyphen_family.go
	}
	hits = mergeHits(hits, f.russianGivenInAddress(text, lang, toks)) // fuzzy_vocative_uk.go
	if rev := f.reversedNames(text, lang, toks); len(rev) > 0 {
		hits = mergeHits(hits, rev) // fuzzy_reversed_order.go
	}
	if adj := f.placeAdjectives(text, lang, toks); len(adj) > 0 {
		hits = mergeHits(hits, adj) // fuzzy_place_adjective.go
	}
	if pl := f.placeCaseSlips(text, lang, toks); len(pl) > 0 {
		hits = mergeHits(hits, pl) // fuzzy_place_case_uk.go
	}
	if part := f.wrongParticles(text, lang, toks); len(part) > 0 {
		hits = overrideHits(hits, part) // fuzzy_particle_wrong.go
	}
	hits = withArticleSlips(hits, f.arabicArticleSlips(text, lang, toks)) // fuzzy_arabic_article_cyr.go
	hits = mergeHits(hits, f.translatedOvSurnames(text, lang, toks))      // fuzzy_translated_ov_uk.go
	if slips := f.knownParticleSlips(text, lang, known); len(slips) > 0 {
		hits = mergeHits(hits, slips) // fuzzy_particle_known.go
	}
	if gen := f.knownGovernedNominatives(text, lang, known); len(gen) > 0 {
		hits = mergeHits(hits, gen) // fuzzy_genitive_after_uk.go
	}
	if foreign, glossed := f.foreignScriptNames(text, lang, toks, ctx); len(foreign)+len(glossed) > 0 {
		hits = withForeignScript(hits, foreign, glossed) // fuzzy_foreign_script.go
	}
	if tr := f.translatedGivenNames(text, lang, toks, hits); len(tr) > 0 {
		hits = mergeHits(hits, tr) // fuzzy_translated_given.go
	}
	f.widenStandInAll(text, lang, hits)           // fuzzy_given_standin_latin.go
	f.widenDoubleSurnames(text, lang, hits)       // fuzzy_double_surname.go
	f.givenNameBefore(text, lang, hits)           // case_given_before.go
	f.inGovernedCase(text, lang, hits)            // case_governed.go
	hits = withoutOtherGiven(lang, hits)          // fuzzy_other_given.go
	hits = f.withoutOtherPerson(text, lang, hits) // fuzzy_other_person.go
	hits = withoutDemonyms(text, lang, hits)      // fuzzy_place_demonym.go
	hits = withoutNameInWord(text, lang, hits)    // fuzzy_name_inside_word.go
	inCapitalsLike(hits)                          // fuzzy_capitals.go
	return withoutScriptSwap(text, lang, hits)
}

// mergeHits adds the hits of more that overlap none of hits, in text order.
func mergeHits(hits, more []Hit) []Hit {
	for _, m := range more {
		if !slices.ContainsFunc(hits, func(h Hit) bool { return m.Start < h.End && h.Start < m.End }) {
			hits = append(hits, m)
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int { return a.Start - b.Start })
	return hits
}

// isLeadingWord reports whether word, first of a run of capitalised words,
// is a short word of the language that a capital at the start of a
// sentence joined to the name after it: a preposition or a conjunction
// ("У", "На", "Im"). A single letter is never a name by itself (initials
// carry a dot); a two-letter word must be a word of the language and no
// right form of a name in it ("Си", "Ли").
func (f *Fuzzy) isLeadingWord(word, lang string) bool {
	switch utf8.RuneCountInString(word) {
	case 1:
		return true
	case 2:
		return !isEnglish(lang) && isLanguageWord(lang, word) && len(f.rightEntries(lang, FoldName(word))) == 0
	}
	return false
}

// isCapitalizedWord reports whether a capitalised word before a run is an
// ordinary word of the language rather than a given name: an English word
// at the start of a sentence, or a German noun, which German capitalises
// ("die Witwe Nawalnogo").
func (f *Fuzzy) isCapitalizedWord(word, lang string) bool {
	return isCommonWord(FoldName(word)) || !isEnglish(lang) && isLanguageWord(lang, word) && len(f.rightEntries(lang, FoldName(word))) == 0
}

// pendingRun is a run that matched, waiting for the whole text to be read:
// a strong hit with its equally good entries.
type pendingRun struct {
	start, end int
	res        runResult // verdictHit
}

// runSpan is a weak run: a single word (with the particles before it),
// waiting for the whole text to be read to be compared with the entries the
// text mentions. A text has thousands (every capitalised word that opens a
// sentence), so they are kept apart from the strong runs, and small.
type runSpan struct{ start, end int }

// checkRunAt tries the longest run first and returns how many tokens it
// consumed: a hit or a right form consumes its words ("Vladimir Putin" is
// not looked at again as "Putin"), nothing found consumes one. A single
// word is looked up in the whole glossary for strong evidence only (an
// exact wrong form); otherwise it is kept as a weak run.
//
// afterName says the run continues a capitalised word that matched nothing
// and is not an ordinary word, i.e. probably another person's given name:
// "Olena Zelenska" is not a mangled Zelensky. A lone family name there is
// only flagged when it is an exact generated form ("Zelenskogo").
func (f *Fuzzy) checkRunAt(text, lang string, toks []fzToken, afterName bool, runs *[]pendingRun, weak *[]runSpan, ctx docContext, memo *runMemo) int {
	if toks[0].known >= 0 {
		return knownWidth(toks)
	}
	for n := len(toks); n >= 1; n-- {
		if n < len(toks) && toks[n].known >= 0 && toks[n].known == toks[n-1].known {
			continue // would cut a known right form in two
		}
		if !toks[n-1].capital && toks[n-1].known < 0 {
			continue // a name ends in a word of its own, not in a particle
		}
		start, end := toks[0].start, toks[n-1].end
		minConf := 0.0
		if nameWordCount(text, toks[:n]) <= 1 {
			minConf = loneWordMinConf(text[start:end], lang) // fuzzy_adjectival_genitive.go
		}
		r := memo.match(text[start:end], false, minConf, n == 1 && namedByCapital(text, lang, start, end))
		switch r.verdict {
		case verdictRight:
			ctx.addAll(r.entries)
			respelled, ok := f.particleCaseSlip(text, lang, start, end, r.entries)
			if !ok {
				respelled, ok = f.womanDeclined(text[start:end], lang, r.entries) // fuzzy_woman_surname.go
			}
			if !ok {
				respelled, ok = f.womanDeclinedInText(text, text[start:end], lang, r.entries) // fuzzy_woman_verb.go
			}
			if !ok {
				respelled, ok = f.governedNominativeRun(text, lang, start, end, r.entries) // fuzzy_genitive_after_uk.go
			}
			if ok {
				r.verdict, r.conf, r.respelled = verdictHit, confSpelling, respelled
				*runs = append(*runs, pendingRun{start: start, end: end, res: r})
			}
			return n
		case verdictHit:
			if f.rightAroundParticles(text, lang, toks[:n], r) {
				if respelled, ok := f.particleCaseSlip(text, lang, start, end, r.entries); ok {
					r.conf, r.respelled = confSpelling, respelled
					*runs = append(*runs, pendingRun{start: start, end: end, res: r})
					return n
				}
				continue
			}
			*runs = append(*runs, pendingRun{start: start, end: end, res: r})
			return n
		}
	}
	if afterName {
		return 1
	}
	// A lone word is compared with the mentioned entries later, with the
	// particles before it ("fon der Lajen").
	w := 0
	for w < len(toks)-1 && !toks[w].capital && toks[w].known < 0 {
		w++
	}
	if toks[w].capital && toks[w].known < 0 {
		*weak = append(*weak, runSpan{start: toks[0].start, end: toks[w].end})
	}
	return w + 1
}

// knownWidth is the number of leading tokens covered by the same known hit;
// a right form is never the start of a wrong one.
func knownWidth(toks []fzToken) int {
	n := 1
	for n < len(toks) && toks[n].known == toks[0].known {
		n++
	}
	return n
}

// checkBuffers are the buffers of one Check, kept for the next: a long
// text's tokens take megabytes, which fresh from the heap are cleared, and
// often faulted in, on every check.
type checkBuffers struct {
	toks  []fzToken
	heads []int32
	lower []int32
	weak  []runSpan
}

// tokenize splits text into words, appended to toks[:0]: letters and
// combining marks, with inner hyphens and apostrophes ("al-Sisi",
// "O'Brien", "Хав'єр"). Tokens that overlap a known flagged hit are dropped
// and break runs; tokens inside a known right form are kept and marked.
// Invalid UTF-8 is a separator.
//
// It also notes, while each token is at hand, the indexes of the tokens a
// run may start at (capitalised or known: heads) and of the lowercase
// words long enough to be a lowercased name (lower: only a word of five
// letters or more may be one, see checkLowercase), so that Check reads no
// token twice.
func tokenize(toks []fzToken, heads, lower []int32, text string, known []Hit) ([]fzToken, []int32, []int32) {
	// A word and its separator take four bytes or more in nearly every
	// text; sizing the slices once spares a long text the copies of their
	// growth.
	toks = slices.Grow(toks[:0], len(text)/4+1)
	lower = slices.Grow(lower[:0], len(text)/4+1)
	heads = heads[:0]
	byStart := knownByStart(known)
	next := 0 // hits before byStart[next] end before the current token
	gapOnlySpaces := false
	for i := 0; i < len(text); {
		var capital bool
		if c := text[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				gapOnlySpaces = gapOnlySpaces && c == ' '
				i++
				continue
			}
			capital = c <= 'Z'
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !fzWordRune(r) {
				gapOnlySpaces = gapOnlySpaces && (r == ' ' || r == '\u00a0')
				i += n
				continue
			}
			capital = unicode.IsUpper(r)
		}
		start := i
		end := scanWord(text, i)
		i = end
		end = start + len(trimPossessive(text[start:end]))
		for next < len(byStart) && known[byStart[next]].End <= start {
			next++
		}
		k := overlappingKnown(start, end, known, byStart[next:])
		if k >= 0 && known[k].Check != "" {
			gapOnlySpaces = false
			continue
		}
		switch {
		case capital || k >= 0:
			heads = append(heads, int32(len(toks)))
		case end-start >= minLowerRunes && utf8.RuneCountInString(text[start:end]) >= minLowerRunes:
			lower = append(lower, int32(len(toks)))
		}
		toks = append(toks, fzToken{
			start: start, end: end,
			capital:  capital,
			joinPrev: gapOnlySpaces,
			known:    int32(k),
		})
		gapOnlySpaces = true
	}
	return toks, heads, lower
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// An ASCII byte other than a letter ends the word, unless it
			// is an inner hyphen or apostrophe before a letter: most
			// words of a text end here, spared a decode and two Unicode
			// table searches.
			if isASCIILetter(c) {
				i++
				continue
			}
			if (c == '-' || c == '\'') && i+1 < len(text) && startsWordRune(text[i+1:]) {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if fzWordRune(r) {
			i += n
			continue
		}
		if isInnerMark(r) && i+n < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if fzWordRune(next) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// isASCIILetter is fzWordRune for an ASCII byte: most of a Latin text is
// read a byte at a time.
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func fzWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

// startsWordRune reports whether text begins with a rune of a word.
func startsWordRune(text string) bool {
	if c := text[0]; c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text)
	return fzWordRune(r)
}

func isInnerMark(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == 'ʼ' || r == '‐'
}

// knownByStart returns the indexes of known sorted by Start, so that
// tokenize walks them alongside the text instead of scanning all per token.
func knownByStart(known []Hit) []int {
	idx := make([]int, len(known))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return known[a].Start - known[b].Start })
	return idx
}

// overlappingKnown returns the index of a known hit overlapping start..end,
// preferring a flagged one, or -1. order lists candidate hits by Start.
func overlappingKnown(start, end int, known []Hit, order []int) int {
	found := -1
	for _, i := range order {
		k := &known[i] // a Hit is large; a copy per token cost more than the test
		if k.Start >= end {
			break
		}
		if start < k.End && k.Start < end {
			if k.Check != "" {
				return i
			}
			found = i
		}
	}
	return found
}
