package names

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A run's match must not depend on what else the glossary holds: adding a
// million unrelated names may add candidates, but never hides one or changes
// which of several equally good ones wins. So every candidate the index
// yields is compared (no cap, no early exit on the first good one), and
// equally good candidates are told apart by evidence and then by entry key,
// never by their place in the index.

// runResult is what matching one run against the glossary found.
type runResult struct {
	verdict verdict
	// entries: for verdictRight every entry the run is a right form of; for
	// verdictHit every entry at the best confidence (usually one).
	entries []int32
	conf    float64 // verdictHit: the best confidence
	words   int     // words of the run, without particles
	touched byte    // see touch
	// respelled, when set, is the run as the rule that found it would
	// write it, and the suggestion: the right form's words as the run
	// spells them.
	respelled string
}

// touchAhead is how many candidate records are read ahead of their
// comparison. The records of a large glossary are scattered over a hundred
// megabytes, and each first read waits for memory; reading the next few at
// once lets those waits overlap.
const touchAhead = 16

// touch reads the first two cache lines of each record at offs (a record
// takes about two) and returns the xor of the bytes read, which the caller
// keeps so that the reads are not optimized away.
func (f *Fuzzy) touch(offs []uint32) byte {
	var x byte
	last := uint32(len(f.records) - 1)
	for _, off := range offs {
		x ^= f.records[off] ^ f.records[min(off+64, last)]
	}
	return x
}

// level is a confidence in hundredths: the confidences are sums of
// constants, and two that differ only by rounding are a tie.
func level(conf float64) int { return int(math.Round(conf * 100)) }

// match compares one run with every candidate entry. lower marks a
// lowercase token, which is held to stricter rules. Hits below minConf are
// ignored: Check asks the whole glossary only for the strong hits of a
// single word and compares the weak ones with the entries the text
// mentions.
func (f *Fuzzy) match(run, lang string, lower bool, minConf float64) runResult {
	return f.matchRun(run, lang, lower, minConf, true)
}

// matchRun is match; readBack says whether a run that matches nothing may
// be read back from a declined indeclinable name (which matches the run
// read back, and must not read it back again).
func (f *Fuzzy) matchRun(run, lang string, lower bool, minConf float64, readBack bool) runResult {
	return f.matchRunAs(run, lang, lower, minConf, readBack, false)
}

// matchRunAs is matchRun; named says the run is a name although the
// lexicon lists it as a word: the sentence writes it with a capital where
// only names take one (namedByCapital: "від Путина" is Putin, not
// "путина", the fishing season), or it is a rewriting of a run that is no
// word (Belarusian Навальнага read as Навального).
func (f *Fuzzy) matchRunAs(run, lang string, lower bool, minConf float64, readBack, named bool) runResult {
	words := nameWords(FoldName(trimPossessive(run)))
	k := len(words)
	if k == 0 {
		return runResult{}
	}
	// In German a genitive s is a right form too ("Putins", "Merkels"), as
	// the English possessive is everywhere.
	var genitive []string
	if last := words[k-1]; isGermanic(lang) && !lower && len(last) > 3 && last[len(last)-1] == 's' {
		genitive = append(append(genitive, words[:k-1]...), last[:len(last)-1])
	}
	rights := appendIndexes(nil, f.rightEntries(lang, strings.Join(words, " ")))
	if len(rights) == 0 && genitive != nil {
		rights = appendIndexes(rights, f.rightEntries(lang, strings.Join(genitive, " ")))
	}
	if len(rights) > 0 {
		return f.rightOrMisspelled(run, lang, k, rights, lower, minConf)
	}
	if k > 4 || (lower && k != 1) {
		return runResult{}
	}
	if k == 1 && !named && isLoneWord(lang, words[0], run) {
		if r, ok := f.untranslatedLone(run, lang); ok && !lower && r.conf >= minConf {
			return r
		}
		r, _ := f.properWordElsewhere(run, lang, lower) // fuzzy_spelled_other.go
		return r
	}
	res := runResult{words: k}
	best, relative := -1, false
	// A single word asked for strong evidence only must be a variant
	// exactly (see scoreRecord).
	exact := k == 1 && !lower && minConf >= confGenerated
	var given givenFilter
	if k >= 2 {
		given = newGivenFilter(words[0], lang) // every candidate's given name is compared with words[0]
	}
	var cands []uint32
	if genitive != nil {
		cands = f.runCandidates(nil, exact, k, given, words[k-1], genitive[k-1])
	} else {
		cands = f.runCandidates(nil, exact, k, given, words[k-1])
	}
	var rv recordView
	var sv slotView
	for i, off := range cands {
		if i%touchAhead == 0 {
			res.touched ^= f.touch(cands[i:min(i+touchAhead, len(cands))])
		}
		rv.parse(f.records[off:], lang)
		idx := rv.idx
		e := f.entry(idx)
		if genitive != nil {
			if _, v := scoreRecord(&rv, &sv, e, lang, genitive, false, minConf); v == verdictRight {
				rights = append(rights, idx)
				continue
			}
		}
		conf, v := scoreRecord(&rv, &sv, e, lang, words, lower, minConf)
		if v == verdictHit && k == 1 && !lower && isDerivedWord(run, lang, e) {
			v = verdictRelative // "Serbian" beside Serbia: its adjective
		}
		switch {
		case v == verdictRight:
			rights = append(rights, idx)
		case v == verdictRelative:
			relative = true
		case v != verdictHit || conf < minConf:
		case level(conf) > best:
			best, res.conf = level(conf), conf
			res.entries = append(res.entries[:0], idx)
		case level(conf) == best:
			res.entries = append(res.entries, idx)
		}
	}
	if readBack && len(rights) == 0 && !lower && (best < 0 || res.conf < confSpelling) {
		if r, ok := f.belarusianSpelling(run, lang, minConf); ok {
			return r
		}
		if r, ok := f.respaced(run, lang, minConf); ok {
			return r
		}
		if r, ok := f.yoSpelling(run, lang, minConf); ok {
			return r
		}
		if r, ok := f.ukAlternationReading(run, lang, lower, minConf); ok { // fuzzy_uk_alternation.go
			return r
		}
		if r, ok := f.polishCaseReading(run, lang, lower, minConf); ok { // fuzzy_polish_case.go
			return r
		}
		if r, ok := f.polishRzReading(run, lang, lower, minConf); ok { // fuzzy_polish_rz.go
			return r
		}
		if r, ok := f.slavicLatinReading(run, lang, lower, minConf); ok {
			return r
		}
		if r, ok := f.serbianAdjectivalReading(run, lang, lower, minConf); ok {
			return r
		}
		if r, ok := f.arabicArticleReading(run, lang, lower, minConf); ok { // fuzzy_arabic_article.go
			return r
		}
	}
	switch {
	case len(rights) > 0:
		return f.rightOrMisspelled(run, lang, k, rights, lower, minConf)
	case best >= 0:
		res.verdict = verdictHit
		if !lower && res.conf < confSpelling {
			res = f.spelledElsewhere(run, lang, res)
		}
	case !lower && !relative && isCyrillicLang(lang) && IsCyrillic(run):
		if r, ok := f.declinedIndeclinableIf(readBack, run, lang, minConf); ok {
			return r
		}
		if k != 1 {
			break
		}
		if r, ok := f.nominativeElsewhere(trimPossessive(run), lang); ok && r.conf >= minConf {
			return r
		}
		if r, ok := f.otherLettersElsewhere(readBack, run, lang); ok {
			return r
		}
	case !lower && !relative && !IsCyrillic(run):
		if r, ok := f.declinedLatinIf(readBack, run, lang, minConf); ok { // fuzzy_indeclinable_latin.go
			return r
		}
		if r, ok := f.declinedUntranslatedIf(readBack, run, lang, minConf); ok { // fuzzy_declined_untranslated.go
			return r
		}
	case relative:
		// A relative's name (and a wrong form of no entry): no error, and
		// no mention of the entry either. A wrong form of another entry
		// wins: Navalnogo is Navalnaya's husband, and a mangled Navalny.
		return runResult{verdict: verdictRight, words: k}
	}
	return res
}

// rightOrMisspelled judges a run that romanizes to a right form of rights:
// right, unless it is misspelled in lang. A misspelling weaker than minConf
// ("Orban" alone, where the glossary writes Orbán) is neither: the run is
// left to be compared with the entries the text mentions, and must not
// count as a mention of them.
func (f *Fuzzy) rightOrMisspelled(run, lang string, k int, rights []int32, lower bool, minConf float64) runResult {
	r, ok := f.misspelled(run, lang, k, rights)
	if ok && !lower {
		// A particle in the wrong case alone is for Check to judge, which
		// sees whether it starts a sentence (particleCaseSlip).
		if fixed, changed := f.inGlossaryParticleCase(run, lang, rights, false); changed {
			if _, still := f.misspelled(fixed, lang, k, rights); !still {
				ok = false
			}
		}
	}
	switch {
	case !ok || lower:
		return runResult{verdict: verdictRight, entries: rights, words: k}
	case r.conf >= minConf:
		return r
	}
	return runResult{words: k}
}

// isGermanic: languages that mark the genitive of a name with a bare -s.
func isGermanic(lang string) bool {
	switch lang {
	case "de", "nl", "sv", "da", "nb", "no", "is", "lb":
		return true
	}
	return false
}

func appendIndexes(dst []int32, elems []uint64) []int32 {
	for _, e := range elems {
		dst = append(dst, int32(e&entryMask))
	}
	return dst
}

// pick chooses among entries that match a run equally well: an entry the
// text mentions elsewhere, then the smallest entry key, then (for
// duplicated keys) the first. mentioned may be nil.
func (f *Fuzzy) pick(entries []int32, mentioned func(int32) bool) int32 {
	best := entries[0]
	bestMentioned := mentioned != nil && mentioned(best)
	for _, idx := range entries[1:] {
		m := mentioned != nil && mentioned(idx)
		switch {
		case m != bestMentioned:
			if m {
				best, bestMentioned = idx, m
			}
		case f.entry(idx).Key() < f.entry(best).Key(),
			f.entry(idx).Key() == f.entry(best).Key() && idx < best:
			best = idx
		}
	}
	return best
}

// hitFor is the CheckFuzzy hit of run as a wrong form of entry idx, with
// offsets in run. It spans the whole run even where the suggestion changes
// only some of its words: the name is the unit a reviewer corrects.
func (f *Fuzzy) hitFor(idx int32, run, lang string, words int, conf float64) Hit {
	e := f.entry(idx)
	sugg := suggestionForRun(e, run, lang, words)
	start := 0
	if toks := nameTokens(sugg); len(toks) > 0 && !toks[0].particle {
		// Particles before the name that the right form lacks are the
		// sentence's ("von Sholz" is Scholz, and "von" stays).
		start = leadingLowerParticles(run)
	}
	return Hit{
		Start:      start,
		End:        len(run),
		Text:       run[start:],
		Status:     Deprecated,
		Check:      CheckFuzzy,
		Suggestion: sugg,
		Entry:      e.Preferred(lang),
		EntryKey:   e.Key(),
		EntryType:  e.Type(),
		Confidence: conf,
	}
}

// suggestionForRun is the right form to replace run with: the form's own
// shape where only the run's particles, hyphens or capitals are wrong,
// otherwise the right form with the run's word count, in the run's case.
func suggestionForRun(e entryRef, run, lang string, words int) string {
	if s := shapeSuggestion(e, lang, run, words); s != "" {
		return capitalLike(s, run)
	}
	like := run
	if lang == "ru" {
		like, _ = russianSpelling(run)
	}
	sugg := withParticles(suggestionFor(e, lang, words), e.Preferred(lang), run, words)
	return inflectLike(withPatronymic(sugg, run), like, lang, entryGender(e))
}

// leadingLowerParticles is the byte offset of the first word of run that
// is not a lowercase particle.
func leadingLowerParticles(run string) int {
	for _, t := range nameTokens(run) {
		if first, _ := utf8.DecodeRuneInString(t.text); !t.particle || unicode.IsUpper(first) {
			return t.start
		}
	}
	return 0
}

// capitalLike gives sugg the capital run starts with: a sentence's first
// word is capitalised, particle or not ("Von der Leyen said").
//
// A run whose later particles are capitalised too ("Von Der Leyen") has the
// wrong shape, not a sentence's capital, and takes the form's.
func capitalLike(sugg, run string) string {
	first, _ := utf8.DecodeRuneInString(run)
	r, size := utf8.DecodeRuneInString(sugg)
	if !unicode.IsUpper(first) || !unicode.IsLower(r) {
		return sugg
	}
	for i, t := range nameTokens(run) {
		if c, _ := utf8.DecodeRuneInString(t.text); i > 0 && t.particle && unicode.IsUpper(c) {
			return sugg
		}
	}
	return string(unicode.ToUpper(r)) + sugg[size:]
}

// withParticles is the family name with the particles the form puts before
// it, when a lone family name in the run has particles too: "fon der Lajen"
// is "von der Leyen", "Fon der Lajen" at a sentence's start "Von der Leyen".
func withParticles(sugg, form, run string, words int) string {
	if words != 1 || !hasParticle(nameTokens(trimPossessive(run))) {
		return sugg
	}
	toks := nameTokens(form)
	part := familyPart(toks)
	if !hasParticle(part) {
		return sugg
	}
	return capitalLike(tokensText(form, part), run)
}

// withPatronymic keeps the patronymic of a run of three words (given,
// patronymic, family) in a suggestion of two: "Dmitry Anatolyevich
// Medvedyev" is "Dmitry Anatolyevich Medvedev", not "Dmitry Medvedev" (the
// patronymic is no error, and not the glossary's to drop).
func withPatronymic(sugg, run string) string {
	runToks, suggToks := nameTokens(trimPossessive(run)), nameTokens(sugg)
	if len(runToks) != 3 || len(suggToks) != 2 || hasParticle(runToks) || hasParticle(suggToks) ||
		!isPatronymic(FoldName(runToks[1].text)) {
		return sugg
	}
	return sugg[:suggToks[0].end] + " " + runToks[1].text + sugg[suggToks[0].end:]
}

// isLoneWord reports whether a run of one word is an ordinary word of the
// text's language, which is no mangled name by itself. English keeps the
// common-word test the English corpora were measured with; the other
// languages ask their lexicon (detect/lexicon), so that "Maske" and
// "Moskau" in a German text are words, and "Mask" is not. English
// place names ("Moscow", "Kyiv", the legacy proper words of isCommonWord)
// are no words of another language: there they are the English form of
// an entry, carried over untranslated. English ordinary words stay lone
// words everywhere.
func isLoneWord(lang, folded, run string) bool {
	if isEnglish(lang) {
		return isCommonWord(folded)
	}
	return isOrdinaryWord("en", folded) || isLanguageWord(lang, trimPossessive(run))
}

func isEnglish(lang string) bool { return lang == "en" || strings.HasPrefix(lang, "en-") }
