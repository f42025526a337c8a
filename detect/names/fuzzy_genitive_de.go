package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German writes the genitive of a name with a bare -s ("Trumps Plan") and,
// after s, ß, x or z, with an apostrophe alone ("Scholz' Rede"). Machine
// translation from English carries the English possessive over: "Trump's
// Plan", "Scholz's Rede", "Zuckerbergs's". The name in such a run is right,
// so no other rule looks at it; the possessive is the error, and it is the
// name's error, since the reviewer corrects the name's form.

// confGenitive is the confidence of an English possessive on a German name.
// "Trump's" also stands in German text written by hand (Duden tolerates the
// apostrophe to make a name's base form clear), so it is below a spelling
// error; a bare apostrophe after a name that takes -s is rarer still in
// careful text, but it can be a closing quote, so lower.
const (
	confGenitive         = 0.85
	confGenitiveBareApos = 0.75
)

// apostropheGenitives returns a hit for each name in a German text followed
// by an English possessive ('s) or by an apostrophe that German would not
// write there. known holds the exact matcher's hits: a right form that ends
// at the apostrophe is the name ("Angela Merkel's"); otherwise the word
// before it must be a right form of an entry on its own ("Trump's"), or be
// one with the genitive s German already put ("Zuckerbergs's").
func (f *Fuzzy) apostropheGenitives(text, lang string, known []Hit) []Hit {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return nil
	}
	return hitsAtMarks(text, "'’", func(at int, apos rune, size int) (Hit, bool) {
		return f.genitiveAt(text, lang, at, apos, size, known)
	})
}

// genitiveAt is apostropheGenitives' decision for the apostrophe at byte at.
func (f *Fuzzy) genitiveAt(text, lang string, at int, apos rune, size int, known []Hit) (Hit, bool) {
	end, conf := at+size, confGenitive
	switch next, n := utf8.DecodeRuneInString(text[end:]); {
	case next == 's' && !wordRuneAt(text, end+n):
		end += n
	case !fzWordRune(next):
		conf = confGenitiveBareApos
	default:
		return Hit{}, false // O'Brien, Hav'jer: the apostrophe is inside a word
	}
	wordStart := at
	for wordStart > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:wordStart])
		if !fzWordRune(r) && !(r == '-' && wordStart-n > 0 && wordRuneBefore(text, wordStart-n)) {
			break
		}
		wordStart -= n
	}
	word := text[wordStart:at]
	if first, _ := utf8.DecodeRuneInString(word); word == "" || !unicode.IsUpper(first) {
		return Hit{}, false
	}
	name, start, idx, ok := f.genitiveName(text, lang, wordStart, at, known)
	if !ok {
		return Hit{}, false
	}
	var sugg string
	switch {
	case f.hasGenitiveS(lang, word): // the word already has German's -s
		sugg = name
	case takesBareApostrophe(name):
		if conf == confGenitiveBareApos {
			return Hit{}, false // "Scholz'" is right
		}
		sugg = name + string(apos)
	default:
		sugg = name + "s"
	}
	if conf == confGenitiveBareApos && quoteBefore(text, start) {
		return Hit{}, false // 'Merkel' in single quotes
	}
	e := f.entry(idx)
	return Hit{Start: start, End: end, Text: text[start:end], Status: Deprecated, Check: CheckFuzzy,
		Suggestion: sugg, Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: conf}, true
}

// genitiveName finds the right form that ends at the apostrophe at: a known
// right hit, or the word text[wordStart:at] alone, or with German's -s.
func (f *Fuzzy) genitiveName(text, lang string, wordStart, at int, known []Hit) (name string, start int, idx int32, ok bool) {
	for _, h := range known {
		if h.Check == "" && h.End == at && h.Start <= wordStart {
			for _, el := range f.entriesWithKey(h.EntryKey) {
				if i := int32(el & entryMask); f.entry(i).Key() == h.EntryKey {
					return text[h.Start:at], h.Start, i, true
				}
			}
		}
	}
	word := text[wordStart:at]
	for _, w := range [...]string{word, strings.TrimSuffix(word, "s")} {
		if els := f.rightEntries(lang, FoldName(w)); len(els) > 0 && utf8.RuneCountInString(w) > 2 {
			return word, wordStart, int32(els[0] & entryMask), true
		}
	}
	return "", 0, 0, false
}

// hasGenitiveS reports whether word is a name with German's genitive s
// already on it: the word without the s is a right form, and the word is
// not one by itself (Zuckerbergs, but not Williams).
func (f *Fuzzy) hasGenitiveS(lang, word string) bool {
	base, found := strings.CutSuffix(word, "s")
	return found && len(f.rightEntries(lang, FoldName(word))) == 0 && len(f.rightEntries(lang, FoldName(base))) > 0
}

// takesBareApostrophe: German marks the genitive of a name ending in an s
// sound with an apostrophe alone (Scholz', Marx', Pistorius', Alice').
func takesBareApostrophe(name string) bool {
	lower := strings.ToLower(name)
	for _, end := range [...]string{"s", "ß", "x", "z", "ce"} {
		if strings.HasSuffix(lower, end) {
			return true
		}
	}
	return false
}

// quoteBefore reports whether the name at start opens with a single quote.
func quoteBefore(text string, start int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:start])
	return r == '\'' || r == '‘' || r == '‚' || r == '’' || r == '›' || r == '‹'
}

func wordRuneAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return fzWordRune(r)
}

func wordRuneBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return fzWordRune(r)
}

// germanGenitiveOf is name in the German genitive.
func germanGenitiveOf(name string) string {
	if takesBareApostrophe(name) {
		return name + "'"
	}
	return name + "s"
}

// russianGenitiveEnds are endings a romanized Russian or Ukrainian genitive
// leaves on a name (Nawalnogo, Selenskoho, Trampa, Timoschenko's Julijej).
var russianGenitiveEnds = [...]string{"ogo", "ego", "oho", "eho", "a", "ja", "ya"}

// inGermanCase puts the suggestions of mangled names in a German text in
// the case the text gives them. A name written with the English possessive
// ("Navalny's") or with German's own -s on a mangled form ("Aliyevs") is a
// genitive, and so is a romanized Russian genitive after a noun ("den Tod
// Nawalnogo", "die Witwe Nawalnogo": German puts a genitive name after the
// noun it belongs to), or before one ("Trampa Zölle":
// fuzzy_genitive_de_noun.go). The possessive joins the hit, since it goes
// too.
func (f *Fuzzy) inGermanCase(text, lang string, hits []Hit) {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return
	}
	for i := range hits {
		h := &hits[i]
		if h.Check != CheckFuzzy || IsCyrillic(h.Text) || h.Suggestion == "" {
			continue
		}
		switch {
		case strings.HasPrefix(text[h.End:], "'s") || strings.HasPrefix(text[h.End:], "’s"):
			end := h.End + strings.Index(text[h.End:], "s") + 1
			if wordRuneAt(text, end) {
				continue
			}
			h.End, h.Text, h.Suggestion = end, text[h.Start:end], germanGenitiveOf(h.Suggestion)
		case strings.HasSuffix(h.Text, "s") && !takesBareApostrophe(h.Suggestion) && f.genitiveOfHit(h, lang) && !f.untranslatedWhole(h.Text, lang, h.EntryKey):
			// A name in an s sound takes no -s (Alcaraz', not "Alkaras").
			h.Suggestion = germanGenitiveOf(h.Suggestion)
		case f.romanizedGenitive(h) && (f.afterGermanNoun(text, h.Start, lang) || f.beforeGermanNoun(text, h.End, lang)):
			h.Suggestion = germanGenitiveOf(h.Suggestion)
		}
	}
}

// genitiveOfHit reports whether the hit's run without its final s is a
// mangled form of the same entry: German's genitive s on a mangled name.
func (f *Fuzzy) genitiveOfHit(h *Hit, lang string) bool {
	base := h.Text[:len(h.Text)-1]
	r := f.match(base, lang, false, 0)
	if r.verdict != verdictHit {
		return false
	}
	for _, idx := range r.entries {
		if f.entry(idx).Key() == h.EntryKey {
			return true
		}
	}
	return false
}

// afterGermanNoun reports whether the word before start is a German noun:
// capitalised, a word of the language, and not the first of its sentence.
func (f *Fuzzy) afterGermanNoun(text string, start int, lang string) bool {
	end := start
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if r != ' ' && r != '\u00a0' {
			break
		}
		end -= n
	}
	if end == start {
		return false
	}
	wordStart := wordStartBefore(text, end)
	word := text[wordStart:end]
	first, _ := utf8.DecodeRuneInString(word)
	if word == "" || !unicode.IsUpper(first) || !isLanguageWord(lang, word) || len(f.rightEntries(lang, FoldName(word))) > 0 {
		return false
	}
	before := strings.TrimRight(text[:wordStart], " \u00a0\t")
	last, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && !strings.ContainsRune(".!?:\n\"„“»«", last)
}
