package detect

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/align"
	"lector/detect/finding"
	"lector/detect/names"
)

// What stands in a missing name's place. A source name the translation
// lacks is flagged on the word that took its place when one sounds like it
// or like its right form ("the cook" for Кук, "Merc" for Мерц), is derived
// from it, or is a given name standing in with its family name; on the
// whole sentence otherwise.

// missing is the finding for a source name the target lacks: on what
// stands in its place when a word of the sentence sounds like it or like
// its right form ("the cook" for Кук, "Merc" for Мерц, Merz), else on the
// target sentence. False when what stands in its place is a right form
// after all, one the target's lookup did not read (a sentence's first
// word that is also a common word, "Лавров"; a case form, "Беларусью").
func (c *Checker) missing(p *pair, b align.Bead, sm mention, tgt []mention) (finding.Finding, bool) {
	e := c.fuzzy.ByKey(sm.keys[0])
	f := finding.Finding{Kind: kindOf(e), Check: CheckSourceNameMissing, Entry: preferredOf(e, p.lang), EntryKey: sm.keys[0],
		Suggestion: formOfLength(e, p.lang, sm.words), Confidence: confidenceMissing}
	lo, hi := p.spans[b.Target[0]].Start, p.spans[b.Target[len(b.Target)-1]].End
	f.Start, f.End = lo, hi
	srcWords := wordsOf(p.source[sm.start:sm.end])
	if len(srcWords) == 0 { // a name of digits and signs: nothing sounds like it
		f.Text = p.text[f.Start:f.End]
		return f, true
	}
	family := srcWords[len(srcWords)-1].text
	right := ""
	if f.Suggestion != "" {
		right = familyPart(f.Suggestion)
	}
	for _, w := range wordsOf(p.text[lo:hi]) {
		w.start, w.end = w.start+lo, w.end+lo
		if coveredExceptOther(w.start, w.end, tgt) {
			continue
		}
		if !soundsLikeSource(w.text, family, baseLang(p.sourceLang)) && (right == "" || !names.SoundsAlike(w.text, right)) &&
			!derivedFrom(w.text, right) && !inSerbianLatin(w.text, family, p.sourceLang) {
			continue
		}
		if isRightForm(e, w.text, right, p.lang) {
			return f, false
		}
		start, end := hyphenatedWord(p.text, w.start, w.end)
		f.Start, f.End, f.Confidence = articleBefore(p.text, start, p.lang), end, confidenceStandIn
		if f.Start == start && capitalisedWordBefore(p.text, start) {
			if given, ok := givenStandIn(p, f.Suggestion, srcWords, start); ok {
				// "Fridrih Merc" for Фридрих Мерц: the given name is
				// mangled too; the stand-in is the whole name.
				f.Start = given
			} else {
				// "Donald Трамп": the given name is there; the stand-in
				// is the family name alone.
				f.Suggestion = familyPart(f.Suggestion)
			}
		}
		if f.Suggestion != "" {
			f.Suggestion = names.InflectLike(f.Suggestion, p.text, f.Start, f.End, p.lang, e)
		}
		break
	}
	f.Text = p.text[f.Start:f.End]
	return f, true
}

// supersede drops the target-only name findings on the stand-in f found:
// they took the word for another entry than the one the source names.
func supersede(fs []finding.Finding, f finding.Finding) []finding.Finding {
	return slices.DeleteFunc(fs, func(g finding.Finding) bool {
		return (g.Kind == finding.KindName || g.Kind == finding.KindTerm) && g.Start < f.End && f.Start < g.End
	})
}

// coveredExceptOther is covered over the target's mentions but those of a
// wrong form taken for another entry than the source's: the source says
// whom it stands for ("Зеленски", a wrong form of Zelenska by itself, is
// Zelensky where the source names him).
func coveredExceptOther(start, end int, tgt []mention) bool {
	for _, t := range tgt {
		if t.start < end && start < t.end && (t.right || t.hit == nil) {
			return true
		}
	}
	return false
}

// derivedFrom reports whether the capitalised word w begins with the first
// five letters of the name's right form (right, one word): a word the
// translation derived from the name ("Germanic" for Germany).
func derivedFrom(w, right string) bool {
	const stem = 5
	if right == "" || !startsUpper(w) || strings.ContainsRune(right, ' ') {
		return false
	}
	a, b := []rune(strings.ToLower(w)), []rune(strings.ToLower(right))
	return len(a) >= stem && len(b) >= stem && string(a[:stem]) == string(b[:stem])
}

// isRightForm reports whether the word w of a text in lang is a right form
// of entry e: its right form's family part (right) or one of its
// single-word forms, as written or read back through the case endings.
func isRightForm(e *names.Entry, w, right, lang string) bool {
	forms := []string{w}
	if base := baseLang(lang); base == "ru" || base == "uk" {
		forms = append(forms, names.Nominatives(w, base)...)
	}
	for _, f := range forms {
		if right != "" && f == right {
			return true
		}
		if e == nil {
			continue
		}
		for _, t := range e.Terms {
			if t.Lang == lang && t.Form == f && (t.Status == names.Preferred || t.Status == names.Admitted) {
				return true
			}
		}
	}
	return false
}

// sourceWrites reports whether a capitalised word of the source units,
// outside the source's names, sounds like the target name t (its last
// word): the source writes t's name in a form its lookup did not read.
func (p *pair) sourceWrites(units []int, t mention) bool {
	tw := wordsOf(p.text[t.start:t.end])
	if len(tw) == 0 {
		return false
	}
	family, lang := tw[len(tw)-1].text, baseLang(p.sourceLang)
	for _, u := range units {
		s := p.srcSpans[u]
		for _, w := range wordsOf(p.source[s.Start:s.End]) {
			if !startsUpper(w.text) || covered(s.Start+w.start, s.Start+w.end, p.sm) {
				continue
			}
			if soundsLikeSource(family, w.text, lang) {
				return true
			}
		}
	}
	return false
}

// givenStandIn reports where the capitalised word before start begins when
// it stands for the source name's given name (srcWords, two or more)
// without being the right one, the first word of suggestion: it sounds
// like the source's or is it in Serbian Latin letters.
func givenStandIn(p *pair, suggestion string, srcWords []word, start int) (int, bool) {
	sug := strings.Fields(suggestion)
	if len(srcWords) < 2 || len(sug) < 2 {
		return 0, false
	}
	ws := wordsOf(p.text[:start-1])
	w, src := ws[len(ws)-1], srcWords[0].text
	if w.text == sug[0] {
		return 0, false
	}
	if soundsLikeSource(w.text, src, baseLang(p.sourceLang)) || inSerbianLatin(w.text, src, p.sourceLang) {
		return w.start, true
	}
	return 0, false
}

// hyphenatedWord widens the word text[start:end] to the whole hyphenated
// name it is part of (Сиљановска-Давкова).
func hyphenatedWord(text string, start, end int) (int, int) {
	for start > 1 && text[start-1] == '-' && isLetterBefore(text, start-1) {
		start--
		for start > 0 && isLetterBefore(text, start) {
			_, n := utf8.DecodeLastRuneInString(text[:start])
			start -= n
		}
	}
	for end < len(text)-1 && text[end] == '-' && isLetterAt(text, end+1) {
		end++
		for end < len(text) && isLetterAt(text, end) {
			_, n := utf8.DecodeRuneInString(text[end:])
			end += n
		}
	}
	return start, end
}

func isLetterBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

// capitalisedWordBefore reports whether a capitalised word ends one space
// before start.
func capitalisedWordBefore(text string, start int) bool {
	if start < 2 || text[start-1] != ' ' || !isLetterBefore(text, start-1) {
		return false
	}
	ws := wordsOf(text[:start-1])
	return len(ws) > 0 && startsUpper(ws[len(ws)-1].text)
}

// familyPart is a name's last space-separated part, hyphens kept
// ("Siljanovska-Davkova" of "Gordana Siljanovska-Davkova").
func familyPart(form string) string {
	return form[strings.LastIndexByte(form, ' ')+1:]
}

// soundsLikeSource reports whether a target word sounds like a source name
// word or one of its nominatives.
func soundsLikeSource(w, src, sourceLang string) bool {
	if names.SoundsAlike(w, src) {
		return true
	}
	for _, n := range names.Nominatives(src, sourceLang) {
		if names.SoundsAlike(w, n) {
			return true
		}
	}
	return false
}
