package names

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// Derived false friends. Machine translation writes a name it does not know
// the way it is transliterated, and some transliterations are ordinary
// words of the target language: Кук → "Cook", read back as the noun
// "cook"; Gore → "Горе", read as the noun "горе" (grief). The fuzzy matcher
// rightly refuses ordinary words, so a glossary that lists only right forms
// would miss every such word in an article. Deriving these forms from
// the names and adding them as false friends hands each occurrence to the
// matcher's context scoring, which flags "the cook said" and leaves "hired a
// cook" alone.
//
// Every language with a lexicon (detect/lexicon) is a target. A Latin-script
// target (English, German) gets the romanizations (every scheme, nominative
// and oblique cases) of the entries' Russian and Ukrainian family names; a
// Cyrillic one (Russian, Ukrainian) gets the letter-by-letter Cyrillic
// spelling (appendCyrillicSpelling), nominative and oblique cases, of their
// Latin-script family names. What makes a candidate a false friend is the
// target's lexicon: it must be a word the lexicon lists in lower case
// (derivedIsWord).

// derivedMinRunes keeps short family names out, counted in Cyrillic (the
// source of a Latin-script target, the spelling for a Cyrillic one): Си,
// Ким, Бут and Nash → наш would give "si", "kim", "but" and "наш", too
// common to stand for anybody. The shortest words of a language are its
// most frequent, its function words among them, and the context scoring
// flags a false friend near any mention of its entry unless a cue says
// otherwise: every "but" of an article about Viktor Bout would be flagged.
const derivedMinRunes = 4

// derivedTarget is a language false friends are derived in.
type derivedTarget struct {
	lang     string
	cyrillic bool // written in Cyrillic: the sources are Latin-script names
}

// derivedTargets are the languages of detect/lexicon.
var derivedTargets = [...]derivedTarget{{"en", false}, {"de", false}, {"ru", true}, {"uk", true}}

// WithDerivedFalseFriends returns entries with synthetic case-insensitive
// false-friend terms added, in every target language in which the entry has
// a right form: the transliterations of its family name (see above) that
// are ordinary words of that language, and the translations of an English
// family name that is an ordinary word (derived_bilingual.go), none a word
// of the entry's right forms. A form the glossary already lists in that language, for any entry,
// or that is a word of a right form in that language of any entry, is never
// added, nor is one that two entries derive (whether or not they have a
// right form there). Entries is not modified; entries that gain no term are
// shared.
//
// Cost: a target is considered only when some entry has a right form in it.
// Latin targets: a few allocation-free transliterations per Cyrillic name
// (see derivedStemMayMatch); Cyrillic targets: one spelling per Latin name,
// and a lexicon lookup only for the entries with a right form in the target
// or whose spelling may meet their candidates (otherSpellings), remembered
// by family name (derivedMemo). The slower checks run only for the rare
// entries that yield a candidate. The first call loads the lexicons it needs.
func WithDerivedFalseFriends(entries []Entry) []Entry {
	extra := derivedTermLists(entries)
	if len(extra) == 0 {
		return entries
	}
	out := append([]Entry(nil), entries...)
	for i, terms := range extra {
		out[i].Terms = terms
	}
	return out
}

// derivedTermLists is the term list WithDerivedFalseFriends gives each entry
// that gains false friends, by entry index: few entries of a large glossary
// do, and NewMatcherWithDerived keeps these lists beside the entries rather
// than a copy of them all.
func derivedTermLists(entries []Entry) map[int][]Term {
	targets := derivedGlossaryTargets(entries)
	if len(targets) == 0 {
		return nil
	}
	candidates := map[int][]derivedForm{} // entry index → its candidates
	owners := map[derivedForm]int{}       // candidate → entries deriving it
	var sc derivedScratch
	var summaries []derivedSummary // for otherSpellings, when a target is Cyrillic
	if slices.ContainsFunc(targets, func(tg derivedTarget) bool { return tg.cyrillic }) {
		summaries = make([]derivedSummary, len(entries))
	}
	for i := range entries {
		e := &entries[i]
		if summaries != nil {
			summaries[i] = sc.summarize(e)
		}
		var found []derivedForm
		for _, tg := range targets {
			switch {
			case !tg.cyrillic:
				found = sc.latinCandidates(e, tg.lang, found)
			case summaries[i].hasRight(tg.lang): // the others: otherSpellings
				found = sc.cyrillicCandidates(e, tg.lang, found)
			}
		}
		found = sc.translatedCandidates(e, targets, found) // derived_bilingual.go
		if len(found) > 0 {
			candidates[i] = found
			for _, f := range found {
				owners[f]++
			}
		}
	}
	for _, tg := range targets {
		if tg.cyrillic {
			sc.otherSpellings(entries, summaries, tg.lang, candidates, owners)
		}
	}
	return derivedTerms(entries, candidates, owners)
}

// derivedTerms is derivedTermLists from the candidates of the entries (by
// entry index) and the number of entries deriving each.
func derivedTerms(entries []Entry, candidates map[int][]derivedForm, owners map[derivedForm]int) map[int][]Term {
	if len(candidates) == 0 {
		return nil
	}
	listed := derivedListed(entries, owners)
	out := map[int][]Term{}
	for i, found := range candidates {
		e := &entries[i]
		var terms []Term
		for _, f := range found {
			if owners[f] == 1 && !listed[f] && derivedHasRightForm(e, f.lang) && !derivedIsRightWord(e, f.form) {
				terms = append(terms, f.term())
			}
		}
		if len(terms) == 0 {
			continue
		}
		slices.SortFunc(terms, func(a, b Term) int { // the matcher's ties follow term order
			return cmp.Or(cmp.Compare(a.Lang, b.Lang), cmp.Compare(a.Form, b.Form))
		})
		terms = append(terms, derivedFamilyTerms(e, terms)...)
		out[i] = append(append([]Term(nil), e.Terms...), terms...)
	}
	return out
}

// derivedForm is one synthetic false friend in lang, folded to lower case.
type derivedForm struct{ lang, form string }

func (f derivedForm) term() Term {
	return Term{Lang: f.lang, Form: f.form, Status: FalseFriend, CaseSensitive: false, Derived: true}
}

// derivedGlossaryTargets lists the targets some entry has a right form in,
// in one pass that ends once it has found them all.
func derivedGlossaryTargets(entries []Entry) []derivedTarget {
	var has [len(derivedTargets)]bool
	found := 0
	for i := 0; i < len(entries) && found < len(has); i++ {
		for _, t := range entries[i].Terms {
			for j, tg := range derivedTargets {
				if !has[j] && t.Lang == tg.lang && derivedIsRight(t.Status) {
					has[j] = true
					found++
				}
			}
		}
	}
	var out []derivedTarget
	for j, tg := range derivedTargets {
		if has[j] {
			out = append(out, tg)
		}
	}
	return out
}

// derivedScratch is the scratch space of the candidate search, reused from
// entry to entry so that the search of an entry that yields nothing does
// not allocate.
type derivedScratch struct {
	buf      []byte
	stems    [][]byte // the current family's stem as each scheme spelt it
	stemOK   []bool   // and whether it passed derivedStemMayMatch
	tried    [][]byte // transliterations looked up for the current family
	families []string // the family names done for the current entry
	sources  []string // and the language of each, for Latin targets
	memo     derivedMemo
}

// latinCandidates appends to out the romanizations of the entry's Cyrillic
// family names that are ordinary words of lang (derivedIsWord), without
// duplicates. A transliteration two schemes agree on is looked up once.
func (sc *derivedScratch) latinCandidates(e *Entry, lang string, out []derivedForm) []derivedForm {
	sc.families, sc.sources = sc.families[:0], sc.sources[:0]
	for _, t := range e.Terms {
		schemes := derivedSchemes(t.Lang)
		if schemes == nil || !derivedIsRight(t.Status) || !IsCyrillic(t.Form) {
			continue
		}
		family := derivedFamilyName(t.Form)
		if utf8.RuneCountInString(family) < derivedMinRunes || sc.done(t.Lang, family) {
			continue
		}
		sc.families, sc.sources = append(sc.families, family), append(sc.sources, t.Lang)
		var words []string // the family name and its cases, once a scheme may match
		sc.stems, sc.stemOK, sc.tried = sc.stems[:0], sc.stemOK[:0], sc.tried[:0]
		stem := derivedStem(family)
		uniform := derivedIsUniform(stem)
		for i, s := range schemes {
			if uniform && i > 0 && len(sc.stemOK) > 0 && !sc.stemOK[len(sc.stemOK)-1] {
				break // every scheme spells the stem as the first did, in vain
			}
			if !sc.stemMayMatch(stem, s, lang) {
				continue
			}
			if words == nil {
				words = append([]string{family}, CaseForms(family, t.Lang)...)
			}
			for _, word := range words {
				sc.buf = appendFoldedTranslit(sc.buf[:0], word, s)
				if sc.seen(sc.buf) {
					continue
				}
				if derivedIsWord(lang, string(sc.buf)) { // the conversion does not allocate
					out = derivedAdd(out, lang, sc.buf)
				}
			}
		}
	}
	return out
}

// done reports whether family in lang was searched for the current entry:
// Russian and Ukrainian differ in schemes and cases, so both are searched.
func (sc *derivedScratch) done(lang, family string) bool {
	for i, f := range sc.families {
		if f == family && sc.sources[i] == lang {
			return true
		}
	}
	return false
}

// stemMayMatch is derivedStemMayMatch, looked up once per spelling of the
// stem: the schemes spell most stems alike. The first four letters go
// first, since they reject most stems and cost half the transliteration.
func (sc *derivedScratch) stemMayMatch(stem string, s Scheme, lang string) bool {
	if derivedStemUnfiltered(stem) {
		return true
	}
	if head := derivedHead(stem); len(head) < len(stem) && !derivedStemUnfiltered(head) && !sc.mayMatch(head, s, lang) {
		return false
	}
	return sc.mayMatch(stem, s, lang)
}

// mayMatch transliterates stem and looks it up, or finds the answer given
// for the same spelling before.
func (sc *derivedScratch) mayMatch(stem string, s Scheme, lang string) bool {
	sc.buf = appendFoldedTranslit(sc.buf[:0], stem, s)
	for i, st := range sc.stems {
		if string(st) == string(sc.buf) {
			return sc.stemOK[i]
		}
	}
	ok := derivedStemMayMatch(sc.buf, lang)
	sc.stems = appendBytes(sc.stems, sc.buf)
	sc.stemOK = append(sc.stemOK, ok)
	return ok
}

// derivedUniform marks the Cyrillic letters every scheme romanizes alike
// wherever they stand (а, б, в, д, к, ...): all schemes spell a stem of
// them alone the same. Built at package initialization from the schemes'
// tables and read-only afterwards.
var derivedUniform = func() (out [cyrSpan]bool) {
	for r := range out {
		out[r] = true
		for s := range foldedArrays {
			rule := foldedArrays[s][r]
			if !rule.set || rule.initial != "" || rule.plain != foldedArrays[0][r].plain {
				out[r] = false
				break
			}
		}
	}
	out['г'-cyrBase], out['ц'-cyrBase] = false, false // Ukrainian national зг is zgh; GOST's ц looks ahead
	return out
}()

func derivedIsUniform(stem string) bool {
	for _, r := range stem {
		if r = cyrillicLower(r); r < cyrBase || r >= cyrBase+cyrSpan || !derivedUniform[r-cyrBase] {
			return false
		}
	}
	return true
}

// derivedHead is the first four letters of stem.
func derivedHead(stem string) string {
	n := 0
	for i := range stem {
		if n == 4 {
			return stem[:i]
		}
		n++
	}
	return stem
}

// appendBytes appends a copy of b to list, reusing the slot's array.
func appendBytes(list [][]byte, b []byte) [][]byte {
	if len(list) < cap(list) {
		list = list[:len(list)+1]
		list[len(list)-1] = append(list[len(list)-1][:0], b...)
		return list
	}
	return append(list, append([]byte(nil), b...))
}

// seen reports whether b was tried for the current family, and notes it.
func (sc *derivedScratch) seen(b []byte) bool {
	for _, t := range sc.tried {
		if string(t) == string(b) {
			return true
		}
	}
	sc.tried = appendBytes(sc.tried, b)
	return false
}

// cyrillicCandidates appends to out the Cyrillic spellings in lang ("ru" or
// "uk") of the entry's Latin-script family names, and their cases, that are
// ordinary words of lang. The cases are tried only when the nominative is a
// word: a name whose spelling is no word seldom declines into one, and
// CaseForms is the costly step. A spelling that is the family name of one
// of the entry's right forms (Lavrov → лавров, the genitive plural of
// "laurel", and the name Лавров) gives nothing: its cases are the name's
// own (Лавровым), not false friends.
func (sc *derivedScratch) cyrillicCandidates(e *Entry, lang string, out []derivedForm) []derivedForm {
	sc.families = sc.families[:0]
	for _, t := range e.Terms {
		if !derivedIsRight(t.Status) || !derivedIsLatin(t.Form) {
			continue
		}
		family := derivedFamilyName(t.Form)
		if slices.ContainsFunc(sc.families, func(f string) bool { return strings.EqualFold(f, family) }) {
			continue
		}
		sc.families = append(sc.families, family)
		sc.buf = appendCyrillicSpelling(sc.buf[:0], family, lang)
		// The family-name test first: it reads the entry, the lexicon test a
		// large table, and most Latin names spell back to their own Cyrillic
		// family name.
		if utf8.RuneCount(sc.buf) < derivedMinRunes || derivedIsRightFamily(e, string(sc.buf)) ||
			!sc.memo.spellingIsWord(family, lang, sc.buf) {
			continue
		}
		out = derivedAdd(out, lang, sc.buf)
		for _, word := range CaseForms(string(sc.buf), lang) {
			if derivedIsWord(lang, word) {
				out = derivedAdd(out, lang, []byte(word))
			}
		}
	}
	return out
}

// derivedIsWord reports whether form is a word lang's lexicon lists in lower
// case: an ordinary word, not a proper noun ("mask", not "Moscow"; "горе",
// not "Гор"). In German that leaves out the nouns, which German capitalises:
// the context scoring counts a capital letter inside a sentence as the mark
// of a name (matcher_context.go), so every "Maske" of a German text would
// be flagged as Musk. German nouns can be sources once it knows German.
func derivedIsWord(lang, form string) bool { return lexicon.For(lang).Common(form) }

// derivedAdd appends the form in lang unless out has it.
func derivedAdd(out []derivedForm, lang string, form []byte) []derivedForm {
	if slices.ContainsFunc(out, func(f derivedForm) bool { return f.lang == lang && f.form == string(form) }) {
		return out
	}
	return append(out, derivedForm{lang: lang, form: string(form)})
}

func derivedSchemes(lang string) []Scheme {
	switch lang {
	case "ru":
		return ruSchemes
	case "uk":
		return ukSchemes
	}
	return nil
}

func derivedIsRight(s Status) bool { return s == Preferred || s == Admitted }

// derivedIsRightWord reports whether form is a word of one of the entry's
// right forms, in any language: "Mask" is no false friend of an entry
// written Mask.
func derivedIsRightWord(e *Entry, form string) bool {
	for _, t := range e.Terms {
		if derivedIsRight(t.Status) && derivedHasWordFold(t.Form, form) {
			return true
		}
	}
	return false
}

// derivedIsRightFamily reports whether word is, under case folding, the
// family name (last word) of one of the entry's right forms: the cheap part
// of derivedIsRightWord.
func derivedIsRightFamily(e *Entry, word string) bool {
	for _, t := range e.Terms {
		if !derivedIsRight(t.Status) || len(t.Form) < len(word) {
			continue
		}
		// The form ends with word, folded, after a separator or nothing.
		form := strings.TrimRightFunc(t.Form, derivedIsSeparator)
		if len(form) < len(word) || !strings.EqualFold(form[len(form)-len(word):], word) {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(form[:len(form)-len(word)]); r == utf8.RuneError || derivedIsSeparator(r) {
			return true
		}
	}
	return false
}

// derivedIsLatin reports a form without Cyrillic letters, from its bytes:
// ASCII is Latin, and a Cyrillic letter begins with byte 0xd0 to 0xd4.
func derivedIsLatin(form string) bool {
	for i := 0; i < len(form); i++ {
		if c := form[i]; c >= 0xd0 && c <= 0xd4 {
			return !IsCyrillic(form)
		}
	}
	return true
}

// derivedListed reports, for each candidate, whether the glossary already
// lists it as a term of its language or as a word of a right form in that
// language of any entry: a synthetic term never competes with a listed one
// or with another entry's name. It scans the glossary once, looking each
// word up.
func derivedListed(entries []Entry, candidates map[derivedForm]int) map[derivedForm]bool {
	// The languages of the candidates, and a filter of their shapes: most
	// words of the glossary are candidates of neither, and are passed over
	// before they are lowered.
	var langs []string
	var shapes derivedShapes
	for f := range candidates {
		if !slices.Contains(langs, f.lang) {
			langs = append(langs, f.lang)
		}
		shapes.add(f.form)
	}
	listed := map[derivedForm]bool{}
	var buf []byte
	for i := range entries {
		for _, t := range entries[i].Terms {
			if !slices.Contains(langs, t.Lang) {
				continue
			}
			right := derivedIsRight(t.Status)
			derivedEachWord(t.Form, func(word string, whole bool) {
				if (!right && !whole) || !shapes.has(word) {
					return // a wrong form blocks only when it is the candidate itself
				}
				buf = derivedAppendLower(buf[:0], word)
				if f := (derivedForm{t.Lang, string(buf)}); candidates[f] > 0 {
					listed[derivedForm{t.Lang, string(buf)}] = true
				}
			})
		}
	}
	return listed
}

// derivedShapes is a set of word shapes, a word's byte length with its last
// byte, which lower-casing does not change for the letters names are
// written in (ASCII, Cyrillic): a filter with no false negatives.
type derivedShapes [64 * 4]uint64

func (s *derivedShapes) add(w string) { i := s.index(w); s[i/64] |= 1 << (i % 64) }

func (s *derivedShapes) has(w string) bool { i := s.index(w); return s[i/64]&(1<<(i%64)) != 0 }

func (s *derivedShapes) index(w string) uint {
	if w == "" {
		return 0
	}
	last := w[len(w)-1]
	if 'A' <= last && last <= 'Z' {
		last += 'a' - 'A'
	}
	return uint(min(len(w), 63))<<8 | uint(last)
}

// derivedEachWord calls f with each word of s, and whether it is all of s.
func derivedEachWord(s string, f func(word string, whole bool)) {
	for i := 0; i < len(s); {
		var w string
		if w, i = derivedNextWord(s, i); w != "" {
			f(w, len(w) == len(s))
		}
	}
}

// derivedAppendLower appends word in lower case, without allocating.
func derivedAppendLower(dst []byte, word string) []byte {
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// derivedHasWordFold reports whether one of the words of s equals word
// under case folding.
func derivedHasWordFold(s, word string) bool {
	for i := 0; i < len(s); {
		var w string
		// Case folding keeps the byte length of the letters names are
		// written in; the length test spares most comparisons.
		if w, i = derivedNextWord(s, i); len(w) == len(word) && strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

// derivedNextWord returns the first word of s at or after byte i ("" if
// none) and the byte after it.
func derivedNextWord(s string, i int) (string, int) {
	start := -1
	for i < len(s) {
		c, size, sep := s[i], 1, false
		switch {
		case c < utf8.RuneSelf:
			sep = derivedIsSeparatorByte(c)
		case c >= 0xd0 && c <= 0xd3 && i+1 < len(s) && !(c == 0xd2 && s[i+1] == 0x82):
			size = 2 // a Cyrillic letter or mark (U+0400 to U+04FF but ҂): not a separator
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			sep = derivedIsSeparator(r)
		}
		if sep && start >= 0 {
			return s[start:i], i
		} else if !sep && start < 0 {
			start = i
		}
		i += size
	}
	if start < 0 {
		return "", i
	}
	return s[start:], i
}

func derivedHasRightForm(e *Entry, lang string) bool {
	for _, t := range e.Terms {
		if t.Lang == lang && derivedIsRight(t.Status) {
			return true
		}
	}
	return false
}

// derivedFamilyName is the family name of a name as written, its last
// word: Илон Маск → Маск, Al Gore → Gore. It does not allocate.
func derivedFamilyName(form string) string {
	end := len(form)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(form[:end])
		if !derivedIsSeparator(r) {
			break
		}
		end -= size
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(form[:start])
		if derivedIsSeparator(r) {
			break
		}
		start -= size
	}
	return form[start:end]
}

// derivedIsSeparatorByte is derivedIsSeparator for an ASCII byte, inlined
// where a million names are read.
func derivedIsSeparatorByte(c byte) bool {
	lower := c | 0x20 // the ASCII letters' case bit; no other byte lands in a to z
	return !('a' <= lower && lower <= 'z' || c == '\'' || c == '-')
}

func derivedIsSeparator(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '\'' || r == '-')
	case 0x400 <= r && r <= 0x4ff: // Cyrillic: letters and combining marks but ҂
		return r == 0x482
	}
	return !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '’' && r != 'ʼ'
}

// derivedStemMayMatch is a cheap filter: every form of a family name
// starts with its stem (derivedStem), so if the stem's transliteration,
// translit, does not begin some word of lang's lexicon, no form's does. The
// stem is transliterated alone, which gives the same letters as in context
// except GOST's ц, which looks ahead: a stem ending in ц is not filtered
// (derivedStemUnfiltered).
func derivedStemMayMatch(translit []byte, lang string) bool {
	return lexicon.For(lang).HasPrefix(string(translit))
}

// derivedStem is what every case form of family starts with: CaseForms
// replaces a final й with the letter before it (-ий, -ый, -ский), a final
// ь, а or я (and the к, г, х before а, which Ukrainian alternates), the
// -ец or -ець whose е drops (Кравец → Кравца), and otherwise only adds an ending (Маск → Маском, Песков →
// Песковым), so a name ending in a consonant is its own stem, the most
// selective one (TestDerivedStem checks this against CaseForms).
func derivedStem(family string) string {
	last, size := utf8.DecodeLastRuneInString(family)
	switch cyrillicLower(last) {
	case 'а':
		// Ukrainian alternates к, г, х before і: Вега → Везі.
		stem := family[:len(family)-size]
		if prev, n := utf8.DecodeLastRuneInString(stem); strings.ContainsRune("кгх", cyrillicLower(prev)) {
			return stem[:len(stem)-n]
		}
		return stem
	case 'ь', 'я':
		if hasSuffixFold(family, "ець") {
			return family[:len(family)-len("ець")] // the е drops: Кременець → Кременця
		}
		return family[:len(family)-size]
	case 'ц':
		if hasSuffixFold(family, "ец") {
			return family[:len(family)-len("ец")] // Кравец → Кравца
		}
	case 'й':
		family = family[:len(family)-size]
		_, size = utf8.DecodeLastRuneInString(family)
		return family[:len(family)-size]
	}
	return family
}

func derivedStemUnfiltered(stem string) bool {
	last, _ := utf8.DecodeLastRuneInString(stem)
	return stem == "" || cyrillicLower(last) == 'ц'
}
