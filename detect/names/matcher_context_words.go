package names

import (
	"unicode"
	"unicode/utf8"
)

// The English cue words of the false-friend context. They are written for
// news prose: a false friend is usually a common noun standing for a name.

// isSpeechVerb: "the mask said", the way news reports a person.
func isSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "say", "stated", "states", "wrote", "writes", "told", "tells",
		"tweeted", "posted", "added", "replied", "claimed", "claims", "announced",
		"noted", "argued", "insisted", "explained", "commented", "responded", "declared",
		"denied", "admitted", "warned", "asked", "answered", "promised", "believes",
		"thinks", "thought", "called", "urged", "suggested", "confirmed", "met", "spoke",
		"speaks", "talked", "talks", "tweets", "announces":
		return true
	}
	return false
}

// isOrdinaryModifier: "face mask", "gas mask", "the surgical mask".
func isOrdinaryModifier(w string) bool {
	switch w {
	case "face", "gas", "surgical", "medical", "ski", "oxygen", "death", "protective",
		"carnival", "halloween", "sleep", "eye", "diving", "dive", "welding", "paper",
		"cloth", "fabric", "n95", "kn95", "ffp2", "ffp3", "hockey", "party", "venetian",
		"theatrical", "sheet", "clay", "beauty", "facial", "mud", "hair",
		"subnet", "snorkel", "respirator", "disposable", "rubber",
		"wooden", "golden", "plastic", "mandatory", "dust", "fencing", "catcher's",
		"scuba", "anaesthetic", "anesthetic", "tribal", "ceremonial", "ritual", "masquerade":
		return true
	}
	return false
}

// isOrdinaryFollower: "mask mandates", "mask wearing".
func isOrdinaryFollower(w string) bool {
	switch w {
	case "mandate", "mandates", "mandated", "wearing", "wearer", "wearers", "requirement",
		"requirements", "rule", "rules", "policy", "policies", "ban", "bans", "order",
		"orders", "shortage", "shortages", "supply", "supplies", "maker", "makers",
		"production", "slipped", "fits", "fit", "filter",
		"filters", "strap", "straps":
		return true
	}
	return false
}

// isVerbMarker: "to mask the smell", "could mask the problem".
func isVerbMarker(w string) bool {
	switch w {
	case "to", "will", "would", "can", "could", "may", "might", "should", "must",
		"not", "cannot", "can't", "won't", "helps", "help", "tried", "try":
		return true
	}
	return false
}

// isWearVerb: "wore a mask", "without the mask".
func isWearVerb(w string) bool {
	switch w {
	case "wear", "wears", "wore", "worn", "wearing", "don", "dons", "donned", "donning",
		"without":
		return true
	}
	return false
}

// isWordRune matches the tokenizer's idea of a word character.
func isWordRune(r rune) bool {
	return r != 0x02BC && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me))
}

// wordBefore returns the word that ends before byte i, the gap between it
// and i, and where the word starts; the word is empty at the text's start.
func wordBefore(text string, i int) (word, gap string, start int) {
	end := i
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if isWordRune(r) && !(r == utf8.RuneError && n == 1) {
			break
		}
		end -= n
	}
	start = end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !isWordRune(r) {
			break
		}
		start -= n
	}
	return text[start:end], text[end:i], start
}

// wordAfter returns the word that starts after byte i, the gap before it,
// and where the word ends; the word is empty at the text's end.
func wordAfter(text string, i int) (word, gap string, end int) {
	start := i
	for start < len(text) {
		r, n := utf8.DecodeRuneInString(text[start:])
		if isWordRune(r) && !(r == utf8.RuneError && n == 1) {
			break
		}
		start += n
	}
	end = start
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(r) {
			break
		}
		end += n
	}
	return text[start:end], text[i:start], end
}
