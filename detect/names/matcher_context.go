package names

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FalseFriendThreshold is the confidence below which Check drops a false
// friend: "wore a mask" stays silent, "the mask said" is flagged.
const FalseFriendThreshold = 0.35

// Weights of the context cues of a false friend. A bare occurrence starts at
// falseFriendBase; cues add or subtract; the sum is clamped to [0, 0.95] so
// that a false friend never looks as sure as a known wrong form.
const (
	falseFriendBase    = 0.10
	cueEntryMentioned  = 0.30 // the entry appears in the text by another form
	cueEntryNearby     = 0.15 // ... within mentionNearby bytes
	cueCapitalised     = 0.45 // "contacts of Mask and Putin"
	cuePossessive      = 0.40 // "mask's"
	cueSpeechVerb      = 0.40 // "the mask said"
	cueProperNeighbour = 0.30 // "Mask X", "the Kremlin mask", "mask of Kiev"
	cueDeterminer      = 0.20 // "the mask", when the entry is mentioned
	cueOrdinaryUse     = -0.50
	falseFriendMax     = 0.95
	mentionNearby      = 1000
)

// scoreFalseFriends sets the confidence of every false-friend hit.
func (m *Matcher) scoreFalseFriends(text string, hits []Hit) {
	var mentions map[string][]Hit // by entry; built only when needed
	for i := range hits {
		if hits[i].Check != CheckFalseFriend {
			continue
		}
		if mentions == nil {
			mentions = entryMentions(hits)
		}
		hits[i].Confidence = falseFriendConfidence(text, hits[i], mentions[hits[i].EntryKey])
	}
}

// entryMentions groups by entry the hits that are not false friends, in
// text order.
func entryMentions(hits []Hit) map[string][]Hit {
	mentions := map[string][]Hit{}
	for _, h := range hits {
		if h.Check != CheckFalseFriend {
			mentions[h.EntryKey] = append(mentions[h.EntryKey], h)
		}
	}
	return mentions
}

// falseFriendConfidence scores a false-friend hit from its neighbours in
// the text and from the other mentions of its entry.
func falseFriendConfidence(text string, h Hit, mentions []Hit) float64 {
	score := falseFriendBase
	mentioned, nearby := len(mentions) > 0, isNearby(h, mentions)
	if mentioned {
		score += cueEntryMentioned
	}
	if nearby {
		score += cueEntryNearby
	}
	prev, prevGap, prevStart := wordBefore(text, h.Start)
	next, nextGap, nextEnd := wordAfter(text, h.End)
	sentenceStart := prev == "" || endsSentence(prevGap)
	first, _ := utf8.DecodeRuneInString(h.Text)
	if unicode.IsUpper(first) && !sentenceStart {
		score += cueCapitalised
	}
	if isPossessiveSuffix(text[h.End:]) {
		score += cuePossessive
	}
	if isPlainSpace(nextGap) && (isSpeechVerb(next) || isAdverbBeforeSpeechVerb(text, next, nextEnd)) {
		score += cueSpeechVerb
	}
	if hasProperNeighbour(text, prev, prevGap, prevStart, next, nextGap, nextEnd) {
		score += cueProperNeighbour
	}
	lowerPrev := strings.ToLower(prev)
	if mentioned && !sentenceStart && (lowerPrev == "the" || lowerPrev == "a" || lowerPrev == "an") {
		score += cueDeterminer
	}
	if isOrdinaryUse(text, h.Start, lowerPrev, prevGap, strings.ToLower(next), nextGap) {
		score += cueOrdinaryUse
	}
	return max(0, min(score, falseFriendMax))
}

// isNearby reports a mention within mentionNearby bytes of h; mentions are
// in text order and do not overlap h.
func isNearby(h Hit, mentions []Hit) bool {
	i, _ := slices.BinarySearchFunc(mentions, h.Start, func(m Hit, start int) int { return cmp.Compare(m.Start, start) })
	return (i < len(mentions) && mentions[i].Start-h.End < mentionNearby) ||
		(i > 0 && h.Start-mentions[i-1].End < mentionNearby)
}

// hasProperNeighbour reports a capitalised word next to the hit inside a
// sentence ("Mask X", "the Kremlin mask") or after "of" ("mask of Kiev").
func hasProperNeighbour(text, prev, prevGap string, prevStart int, next, nextGap string, nextEnd int) bool {
	if isPlainSpace(nextGap) && isCapitalised(next) {
		return true
	}
	if isPlainSpace(nextGap) && next == "of" {
		after, gap, _ := wordAfter(text, nextEnd)
		if isPlainSpace(gap) && isCapitalised(after) {
			return true
		}
	}
	if isPlainSpace(prevGap) && isCapitalised(prev) && !isDeterminer(prev) {
		before, gap, _ := wordBefore(text, prevStart)
		return before != "" && !endsSentence(gap)
	}
	return false
}

// isOrdinaryUse recognises the common-noun and verb uses of a false friend:
// "face mask", "wore a mask", "mask mandates", "to mask the smell".
func isOrdinaryUse(text string, start int, prev, prevGap, next, nextGap string) bool {
	if isPlainSpace(prevGap) && (isOrdinaryModifier(prev) || isVerbMarker(prev)) {
		return true
	}
	if isPlainSpace(nextGap) && isOrdinaryFollower(next) {
		return true
	}
	// A wearing verb up to three words back, inside the sentence: "wore a
	// surgical mask", "without a mask".
	at := start
	for range 3 {
		word, gap, wordStart := wordBefore(text, at)
		if word == "" || endsSentence(gap) {
			return false
		}
		if isWearVerb(strings.ToLower(word)) {
			return true
		}
		at = wordStart
	}
	return false
}

// isAdverbBeforeSpeechVerb accepts "the mask publicly stated".
func isAdverbBeforeSpeechVerb(text, next string, nextEnd int) bool {
	if !strings.HasSuffix(next, "ly") {
		return false
	}
	after, gap, _ := wordAfter(text, nextEnd)
	return isPlainSpace(gap) && isSpeechVerb(after)
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

func isDeterminer(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "this", "that", "his", "her", "its", "their", "our":
		return true
	}
	return false
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
	return strings.ContainsAny(gap, ".!?…:;\n\"“”«»")
}
