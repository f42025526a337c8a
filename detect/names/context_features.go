package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The evidence the false-friend scorer weighs: whether the ordinary word a
// glossary lists as a false friend ("tramp" for Trump, "Schwan" for Швань) stands
// for the person in its sentence. Every cue is about the word's place in
// the sentence and the text, never about what the word means, so that one
// set of weights serves every false friend; the weights themselves are in
// context_model.go, fitted on testdata/context.

// ffFeature names one cue; each is 0 or 1.
type ffFeature int

const (
	// For a name.
	featCapitalised    ffFeature = iota // capital inside a sentence (en, ru, uk): "contacts of Tramp and Putin"
	featPersonVerb                      // a verb whose subject is a person follows: "the tramp said", "мороз заявил"
	featAttribution                     // "according to X", "laut X", "по словам X", German and Slavic "sagte X"
	featTitle                           // a title or role before it: "General Swan", "Herr", "генерал"
	featGivenName                       // the entry's given name before it: "Theresa may"
	featPossessive                      // "tramp's"
	featRelational                      // a noun that belongs to a person: "the lawyer of X", "Regierung X", "сторонники X"
	featObjectVerb                      // a verb whose object is a person: "asked the tramp", "назначил X"
	featCoordinated                     // coordinated with a name: "Putin and X"
	featMentioned                       // the entry is named by a right form within mentionNearby bytes
	featConsistent                      // another occurrence of the same false friend in the text reads as the name
	featConsistentMany                  // three or more do: the translation renders the name so throughout
	// Against.
	featLowercaseDe    // German, lower case inside a sentence: no noun, so no name
	featDeterminer     // a definite article, demonstrative or possessive before it: "the tramp", "his tramp"
	featIndefinite     // an indefinite article before it: "a tramp", "ein Busch"; translation from Russian adds "the" to a name, seldom "a"
	featAdjective      // an adjective before it: "an old tramp", "сильный мороз", "ein dichter Busch"
	featNounBefore     // en: a lower-case noun between an article and it: "a street tramp" or, from Russian, "бизнес Трампа" as "a business tramp"
	featPrepDeterminer // a preposition and a determiner before it: "with the tramp", "im Mai"
	featPrepBare       // ru, uk: a preposition right before the undeclined form: "на пол"
	featPlural         // a plural determiner or number before it: "two pens", "thousands of jobs"
	featDeterminerNext // en: a determiner right after it, where no name stands: "but the jury"
	numFeatures
)

// featureNames are the names the fitting test prints; same order as the
// constants.
func featureNames() [numFeatures]string {
	return [numFeatures]string{"capitalised", "person-verb", "attribution", "title", "given-name",
		"possessive", "relational", "object-verb", "coordinated", "mentioned",
		"consistent", "consistent-many", "lowercase-de", "determiner", "indefinite", "adjective", "noun-before", "prep-determiner", "prep-bare", "plural", "determiner-next"}
}

// ffVector holds the cues of one false-friend hit.
type ffVector [numFeatures]float64

// ctxWord is a word of the hit's sentence. joined: the gap between it and
// its neighbour toward the hit is plain space inside the sentence.
type ctxWord struct {
	text, lower string
	start, end  int
	joined      bool
}

// ffContext is the hit's sentence as the cues read it: the words before
// it, nearest first, and after it, up to the sentence's ends.
type ffContext struct {
	cw     *contextWords
	before []ctxWord
	after  []ctxWord
}

// contextWordsMax bounds how far the cues look either side of a hit.
const contextWordsMax = 5

// newFFContext collects the words of h's sentence.
func newFFContext(text string, h *Hit, cw *contextWords) ffContext {
	c := ffContext{cw: cw}
	at := h.Start
	for len(c.before) < contextWordsMax {
		word, gap, start := wordBefore(text, at)
		if word == "" || (endsSentence(gap) && !isAbbreviation(word, gap, cw)) {
			break
		}
		joined := isPlainSpace(gap) || isAbbreviation(word, gap, cw)
		c.before = append(c.before, ctxWord{word, strings.ToLower(word), start, start + len(word), joined})
		at = start
	}
	at, prev := h.End, h.Text
	for len(c.after) < contextWordsMax {
		word, gap, end := wordAfter(text, at)
		if word == "" || (endsSentence(gap) && !isAbbreviation(prev, gap, cw)) {
			break
		}
		c.after = append(c.after, ctxWord{word, strings.ToLower(word), end - len(word), end, isPlainSpace(gap)})
		at, prev = end, word
	}
	return c
}

// isAbbreviation reports a period that ends an initial ("George W. Bush"),
// a title's abbreviation ("Dr.") or a German ordinal ("am 9. Mai") rather
// than a sentence.
func isAbbreviation(word, gap string, cw *contextWords) bool {
	if !strings.HasPrefix(gap, ".") || !isPlainSpace(gap[1:]) {
		return false
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) && unicode.IsUpper(r) {
		return true
	}
	if cw.lang == "de" && strings.Trim(word, "0123456789") == "" {
		return true
	}
	return cw.isTitle(strings.ToLower(word))
}

// nameSpan is a right or wrong form of any entry in the text: a name for
// the coordination cue, and a mention for the proximity cue.
type nameSpan struct {
	start, end int
	entry      string
}

// ffFeatures reads the local cues of the false friend h; featConsistent is
// set by the caller, which sees the other occurrences.
func ffFeatures(text string, h *Hit, cw *contextWords, names []nameSpan) ffVector {
	var v ffVector
	c := newFFContext(text, h, cw)
	set := func(f ffFeature, ok bool) {
		if ok {
			v[f] = 1
		}
	}
	first, _ := utf8.DecodeRuneInString(h.Text)
	mid := len(c.before) > 0
	caps := isAllCaps(h.Text)
	set(featCapitalised, cw.caseMarksNames && mid && unicode.IsUpper(first) && !caps)
	set(featLowercaseDe, !cw.caseMarksNames && mid && unicode.IsLower(first))
	set(featPossessive, isPossessiveSuffix(text[h.End:]))

	given := entryGivenNames(h.Entry)
	k := c.skipNamePrefix(given) // words before it that belong to the name: "Prime Minister Theresa"
	set(featTitle, k > 0 && c.titleIn(k, given))
	set(featGivenName, len(c.before) > 0 && c.before[0].joined && isGiven(c.before[0].lower, given))
	set(featPersonVerb, c.personVerbAfter())
	set(featAttribution, c.attributionAt(k))
	set(featRelational, c.relationalAt(k, isPossessiveSuffix(text[h.End:])))
	set(featObjectVerb, c.objectVerbAt(k))
	set(featCoordinated, c.coordinated(names, h.EntryKey))
	set(featMentioned, mentionedNear(h, names))

	// A noun phrase's head is not followed by an article in English; a
	// conjunction, a preposition or a verb is. German and the Slavic
	// languages put subject and object either side of a verb ("Später
	// schrieb Braun ein Buch"), so the cue is English only.
	set(featDeterminerNext, cw.lang == "en" && len(c.after) > 0 && c.after[0].joined && has(cw.determiners, c.after[0].lower))

	if len(c.before) > 0 && c.before[0].joined {
		w := c.before[0]
		det := c.isDeterminer(0)
		indefinite := has(cw.indefinite, w.lower)
		set(featDeterminer, det && !indefinite)
		set(featIndefinite, indefinite)
		adjective, noun := c.modifier(given)
		set(featAdjective, adjective)
		set(featNounBefore, noun)
		set(featPrepDeterminer, (det && len(c.before) > 1 && c.before[1].joined && has(cw.prepositions, c.before[1].lower)) ||
			has(cw.contracted, w.lower))
		set(featPrepBare, cw.stems && has(cw.prepositions, w.lower))
		set(featPlural, has(cw.plurals, w.lower) || isNumber(w.text) ||
			(len(c.before) > 1 && cw.inClass(cw.relational+" "+cw.linkers, w.lower, 0) && has(cw.plurals, c.before[1].lower)))
	}
	return v
}

// skipNamePrefix counts the words right before the hit that are part of a
// name with it: given names of the entry, titles and, where capitals mark
// names, capitalised words ("Глава Apple Тим повар"); at most three.
func (c *ffContext) skipNamePrefix(given []string) int {
	k := 0
	for k < len(c.before) && k < 3 && c.before[k].joined {
		w := c.before[k]
		if c.cw.isTitle(w.lower) || isGiven(w.lower, given) ||
			(c.cw.caseMarksNames && isCapitalised(w.text) && !isAllCaps(w.text) && k+1 < len(c.before)) {
			k++
			continue
		}
		break
	}
	return k
}

// titleIn reports a title among the first k words before the hit.
func (c *ffContext) titleIn(k int, given []string) bool {
	for i := range k {
		if c.cw.isTitle(c.before[i].lower) && !isGiven(c.before[i].lower, given) {
			return true
		}
	}
	return false
}

// personVerbAfter: "X said", "X has said", "X later told", "Braun erklärte".
func (c *ffContext) personVerbAfter() bool {
	if len(c.after) == 0 || !c.after[0].joined {
		return false
	}
	if c.cw.isPersonVerb(c.after[0].lower) {
		return true
	}
	between := has(c.cw.between, c.after[0].lower) || (c.cw.lang == "en" && strings.HasSuffix(c.after[0].lower, "ly"))
	return between && len(c.after) > 1 && c.after[1].joined && c.cw.isPersonVerb(c.after[1].lower)
}

// attributionAt: an attribution phrase right before the name's prefix
// ("according to President X", "по словам генерала X"), a verb of saying
// before the subject where the language inverts them ("Dort sagte Busch",
// "заявил Мороз"), or German "X zufolge".
func (c *ffContext) attributionAt(k int) bool {
	if c.cw.lang == "de" && len(c.after) > 0 && c.after[0].joined && c.after[0].lower == "zufolge" {
		return true
	}
	if k < len(c.before) && c.cw.lang != "en" && c.before[k].joined && c.cw.isPersonVerb(c.before[k].lower) {
		return true
	}
	article := 0
	if k < len(c.before) && c.isDeterminer(k) && c.before[k].joined {
		article = 1 // "according to the tramp": translation from Russian adds articles
	}
	for _, phrase := range strings.Split(c.cw.attributions, "|") {
		words := strings.Fields(phrase)
		if len(words) > 1 && c.phraseAt(k+article, words) {
			return true
		}
		if c.phraseAt(k, words) {
			return true
		}
	}
	return false
}

// phraseAt reports the words of phrase right before c.before[k].
func (c *ffContext) phraseAt(k int, words []string) bool {
	if k+len(words) > len(c.before) {
		return false
	}
	for i, w := range words {
		b := c.before[k+len(words)-1-i]
		if b.lower != w || !b.joined {
			return false
		}
	}
	return true
}

// relationalAt: a noun of a person's, linked to the hit: "the biography of
// the X", "Die Regierung von X", "Die Regierung X", "сторонники генерала X",
// "встреча с X"; in English also after it: "the Trump administration".
func (c *ffContext) relationalAt(k int, possessive bool) bool {
	i := k
	if i < len(c.before) && c.isDeterminer(i) && c.before[i].joined {
		i++
	}
	if i < len(c.before) && c.before[i].joined && has(c.cw.linkers, c.before[i].lower) {
		i++
	} else if c.cw.lang == "en" {
		i = len(c.before) // English links with "of" or "with", or not at all
	}
	if i < len(c.before) && c.before[i].joined && c.cw.isRelational(c.before[i].lower) {
		return true
	}
	if c.cw.lang != "en" {
		return false
	}
	next := 0
	if possessive && len(c.after) > 1 {
		next = 1 // "But's lawyer": the s is a word of its own
	}
	return len(c.after) > next && (c.after[next].joined || possessive) && c.cw.isRelational(c.after[next].lower)
}

// objectVerbAt: "asked the tramp to", "Jelzin ernannte Schwan", "назначил генерала X".
func (c *ffContext) objectVerbAt(k int) bool {
	i := k
	if i < len(c.before) && c.isDeterminer(i) && c.before[i].joined {
		i++
	}
	return i < len(c.before) && c.before[i].joined && c.cw.isObjectVerb(c.before[i].lower)
}

// coordinated: "X and Putin", "Griner and X", where the other conjunct is a
// glossary name or, where capitals mark names, a capitalised word inside
// the sentence.
func (c *ffContext) coordinated(names []nameSpan, entry string) bool {
	isName := func(w ctxWord, sentenceStart bool) bool {
		if spanAt(names, w.start, w.end, entry) {
			return true
		}
		return c.cw.caseMarksNames && !sentenceStart && isCapitalised(w.text) && !isAllCaps(w.text)
	}
	if len(c.after) > 1 && c.after[0].joined && c.after[1].joined && has(c.cw.conjunctions, c.after[0].lower) &&
		isName(c.after[1], false) {
		return true
	}
	return len(c.before) > 1 && c.before[0].joined && c.before[1].joined && has(c.cw.conjunctions, c.before[0].lower) &&
		isName(c.before[1], len(c.before) == 2)
}

// isDeterminer: before[i] is an article, demonstrative, possessive or
// quantifier, or the s of a possessive ("the actor's tramp").
func (c *ffContext) isDeterminer(i int) bool {
	w := c.before[i]
	if has(c.cw.determiners, w.lower) {
		return true
	}
	return w.lower == "s" && i+1 < len(c.before) && c.before[i+1].end == w.start-1
}

// modifier tells an adjective right before the hit ("an old tramp",
// "Heavy frost", "сильный мороз"; in German any lower-case word after an
// article: "ein dichter Busch") from an English noun there ("a street tramp",
// "a business tramp"). The two weigh differently: an adjective before a
// name is rare, while a noun before the false friend is also how machine
// translation renders a Russian genitive ("бизнес Трампа", Trump's business).
func (c *ffContext) modifier(given []string) (adjective, noun bool) {
	w := c.before[0]
	cw := c.cw
	if cw.isFunctionWord(w.lower) || cw.isTitle(w.lower) || cw.isPersonVerb(w.lower) || cw.isObjectVerb(w.lower) ||
		isGiven(w.lower, given) || c.isDeterminer(0) || isNumber(w.text) {
		return false, false
	}
	sentenceStart := len(c.before) == 1
	lower := !isCapitalised(w.text)
	if (lower || sentenceStart) && cw.isAdjective(w.lower) {
		return true, false
	}
	// A lower-case word between a determiner or preposition and the hit:
	// in English and German, where articles open a noun phrase; Russian and
	// Ukrainian have none, and "в аэропорту рис сказала" has no modifier.
	opened := !cw.stems && lower && len(c.before) > 1 && c.before[1].joined &&
		(c.isDeterminer(1) || has(cw.prepositions, c.before[1].lower))
	if cw.lang == "de" {
		return opened, false // German nouns are capitalised: a lower-case word here is an adjective
	}
	return false, opened
}

// mentionedNear reports a right or wrong form of h's entry within
// mentionNearby bytes.
func mentionedNear(h *Hit, names []nameSpan) bool {
	for _, n := range names {
		if n.entry == h.EntryKey && (abs(n.start-h.End) < mentionNearby || abs(h.Start-n.end) < mentionNearby) {
			return true
		}
	}
	return false
}

// spanAt reports a name of another entry than entry at exactly start..end,
// or one that ends there or starts there ("Volodymyr Zelensky" ends at
// "Zelensky").
func spanAt(names []nameSpan, start, end int, entry string) bool {
	for _, n := range names {
		if n.entry != entry && ((n.start <= start && end <= n.end) || n.start == start || n.end == end) {
			return true
		}
	}
	return false
}

// entryGivenNames returns the words of the entry's preferred form but its last,
// folded: "George W. Bush" gives "george", "w".
func entryGivenNames(entry string) []string {
	words := strings.FieldsFunc(entry, func(r rune) bool { return !isWordRune(r) })
	if len(words) < 2 {
		return nil
	}
	words = words[:len(words)-1]
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return words
}

func isGiven(lower string, given []string) bool {
	for _, g := range given {
		if g == lower {
			return true
		}
	}
	return false
}

func isNumber(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
