package glossary

import (
	"unicode"
	"unicode/utf8"
)

// maxRunWords is the longest name Check tries: given, middle, family name
// and one more ("Luiz Inácio Lula da Silva" loses its particle).
const maxRunWords = 4

// token is one word of the text with byte offsets; possessive 's is outside.
type token struct {
	start, end int
	capital    bool
	joinPrev   bool // separated from the previous token by spaces only
}

// Check scans text in lang for capitalised runs of one to four words and for
// lowercase tokens that are not ordinary words, skipping every byte range in
// known (the exact matcher's hits), and returns a CheckFuzzy hit for each run
// that is a wrong form of a glossary name. Offsets are byte offsets in text.
func (f *Fuzzy) Check(text, lang string, known []Hit) []Hit {
	toks := tokenize(text, known)
	var hits []Hit
	for i := 0; i < len(toks); {
		if !toks[i].capital {
			if h, ok := f.checkLowercase(text, lang, toks[i]); ok {
				hits = append(hits, h)
			}
			i++
			continue
		}
		end := i + 1 // the maximal run of capitalised tokens starting at i
		for end < len(toks) && toks[end].capital && toks[end].joinPrev {
			end++
		}
		for s := i; s < end; {
			s += f.checkRunAt(text, lang, toks[s:min(end, s+maxRunWords)], &hits)
		}
		i = end
	}
	return hits
}

// checkRunAt tries the longest run first and returns how many tokens it
// consumed: a hit or a right form consumes its words ("Vladimir Putin" is
// not looked at again as "Putin"), nothing found consumes one.
func (f *Fuzzy) checkRunAt(text, lang string, toks []token, hits *[]Hit) int {
	for n := len(toks); n >= 1; n-- {
		start, end := toks[0].start, toks[n-1].end
		h, v := f.match(text[start:end], lang, false)
		switch v {
		case verdictRight:
			return n
		case verdictHit:
			h.Start, h.End, h.Text = start, end, text[start:end]
			*hits = append(*hits, h)
			return n
		}
	}
	return 1
}

func (f *Fuzzy) checkLowercase(text, lang string, t token) (Hit, bool) {
	word := text[t.start:t.end]
	if utf8.RuneCountInString(word) < 5 {
		return Hit{}, false
	}
	folded := foldName(word)
	if folded == "" || isDictionaryLike(folded) {
		return Hit{}, false
	}
	h, v := f.match(word, lang, true)
	if v != verdictHit {
		return Hit{}, false
	}
	h.Start, h.End, h.Text = t.start, t.end, word
	return h, true
}

// tokenize splits text into words: letters and combining marks, with inner
// hyphens and apostrophes ("al-Assad", "O'Brien", "Хав'єр"). Tokens that
// overlap a known range are dropped and break runs. Invalid UTF-8 is a
// separator.
func tokenize(text string, known []Hit) []token {
	var toks []token
	gapOnlySpaces := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			gapOnlySpaces = gapOnlySpaces && (r == ' ' || r == '\u00a0')
			i += n
			continue
		}
		start := i
		end := scanWord(text, i)
		i = end
		end = start + len(trimPossessive(text[start:end]))
		if overlapsKnown(start, end, known) {
			gapOnlySpaces = false
			continue
		}
		toks = append(toks, token{
			start: start, end: end,
			capital:  unicode.IsUpper(r),
			joinPrev: gapOnlySpaces,
		})
		gapOnlySpaces = true
	}
	return toks
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if isInnerMark(r) && i+n < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if isWordRune(next) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

func isInnerMark(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == 'ʼ' || r == '‐'
}

func overlapsKnown(start, end int, known []Hit) bool {
	for _, k := range known {
		if start < k.End && k.Start < end {
			return true
		}
	}
	return false
}
