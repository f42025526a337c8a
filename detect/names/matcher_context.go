package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FalseFriendThreshold is the confidence below which Check drops a false
// friend: "a tramp slept on the bench" stays silent, "the tramp said" is flagged. It is the
// lowest confidence, in steps of 0.05 from 0.30, at which "the name is
// meant" held for at least 95% of the flagged tuning sentences of
// testdata/context (TestFalseFriendWeightsFitted prints it);
// TestFalseFriendCalibration checks the same on the held-out half. The
// fitted model rarely gives a confidence between 0.2 and 0.8, so the exact
// value matters little.
const FalseFriendThreshold = 0.3

// mentionNearby is how close, in bytes, a right form of the entry must be
// to count as a mention of the person near the false friend.
const mentionNearby = 1000

// scoreFalseFriends sets the confidence of every false-friend hit, reading
// the text's language from the hits' script and words; see
// scoreFalseFriendsLang.
func (m *Matcher) scoreFalseFriends(text string, hits []Hit) {
	m.scoreFalseFriendsLang(text, "", hits)
}

// scoreFalseFriendsLang sets the confidence of every false-friend hit of a
// text in lang (a BCP 47 tag; empty or unknown: guessed per hit). Two
// passes: each hit's own sentence first; then a hit gains featConsistent
// when another occurrence of the same false friend in the text reads as the
// name on its own, because a translation that renders a name as a word
// does so throughout ("contacts of Tramp and Putin" … "the tramp has access").
func (m *Matcher) scoreFalseFriendsLang(text, lang string, hits []Hit) {
	model := fittedModel()
	ffs, vectors := falseFriendVectors(text, lang, hits, &model)
	for j, i := range ffs {
		hits[i].Confidence = model.confidence(&vectors[j])
	}
}

// falseFriendVectors returns the indexes of the false-friend hits and their
// cues, featConsistent included as model reads the other occurrences.
func falseFriendVectors(text, lang string, hits []Hit, model *ffModel) ([]int, []ffVector) {
	var ffs []int
	for i := range hits {
		if hits[i].Check == CheckFalseFriend {
			ffs = append(ffs, i)
		}
	}
	if len(ffs) == 0 {
		return nil, nil
	}
	names := make([]nameSpan, 0, len(hits)-len(ffs))
	for _, h := range hits {
		if h.Check != CheckFalseFriend {
			names = append(names, nameSpan{h.Start, h.End, h.EntryKey})
		}
	}
	vectors := make([]ffVector, len(ffs))
	local := make([]float64, len(ffs))
	for j, i := range ffs {
		cw := wordsFor(contextLang(lang, text, &hits[i]))
		vectors[j] = ffFeatures(text, &hits[i], cw, names)
		local[j] = model.confidence(&vectors[j])
	}
	// Occurrences that read as the name on their own, by entry and word.
	type form struct{ entry, word string }
	strong := map[form]int{}
	for j, i := range ffs {
		if local[j] >= FalseFriendThreshold {
			strong[form{hits[i].EntryKey, strings.ToLower(hits[i].Text)}]++
		}
	}
	for j, i := range ffs {
		word := strings.ToLower(hits[i].Text)
		if has(wordsFor(contextLang(lang, text, &hits[i])).closed, word) {
			continue // "but" is everywhere: its uses for Bout elsewhere say little about this one
		}
		if hits[i].translated {
			continue // a translation is a common word: see translatedConsistency
		}
		others := strong[form{hits[i].EntryKey, word}]
		if local[j] >= FalseFriendThreshold {
			others-- // not itself
		}
		if others >= 1 {
			vectors[j][featConsistent] = 1
		}
		if others >= 3 {
			vectors[j][featConsistentMany] = 1
		}
	}
	return ffs, vectors
}

// contextLang picks the cue tables for a hit: the text's language when it
// is one of en, de, ru, uk; otherwise a guess from the hit's script (ru or
// uk by the letters only Ukrainian has) or, in Latin script, from German
// function words around it.
func contextLang(lang, text string, h *Hit) string {
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "en", "de", "ru", "uk":
		return base
	}
	window := text[max(0, h.Start-300):min(len(text), h.End+300)]
	if IsCyrillic(h.Text) {
		if strings.ContainsAny(window, "іїєґІЇЄҐ") {
			return "uk"
		}
		return "ru"
	}
	german, english := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(window), func(r rune) bool { return !isWordRune(r) }) {
		switch w {
		case "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "sich", "auf", "für":
			german++
		case "the", "and", "is", "not", "with", "of", "a", "an", "to", "that", "was", "for":
			english++
		}
	}
	if german > english {
		return "de"
	}
	return "en"
}

func isPossessiveSuffix(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || (r != '\'' && r != '’' && r != 'ʼ') {
		return false
	}
	rest := s[n:]
	if len(rest) == 0 || (rest[0] != 's' && rest[0] != 'S') {
		return false
	}
	after, _ := utf8.DecodeRuneInString(rest[1:])
	return len(rest) == 1 || !isWordRune(after)
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isPlainSpace reports a gap of blanks inside a sentence, one line break at most.
func isPlainSpace(gap string) bool {
	if gap == "" {
		return false
	}
	newlines := 0
	for _, r := range gap {
		if r == '\n' {
			newlines++
		}
		if !unicode.IsSpace(r) || newlines > 1 {
			return false
		}
	}
	return true
}

// endsSentence reports a gap that closes a sentence or opens a quotation,
// after which a capital letter says nothing about a name.
func endsSentence(gap string) bool {
	return strings.ContainsAny(gap, ".!?…:;\n\"“”«»„")
}
