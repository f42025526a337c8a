package names

import (
	"strings"
	"unicode/utf8"
)

// MT from Russian and writers who follow German or French practice put the
// Arabic article before a family name that the glossary writes without it:
// "Aiman as-Safadi" (Айман ас-Сафади) for Ayman Safadi. The article starts
// the word in lower case, so the word opens no capitalised run and no rule
// reads it (arabicArticleReading reads an article that opens a run: a
// place's "Er-Riyad"). A lower-case article joined by a hyphen to a
// capitalised word that is the right family name of exactly one person,
// whose form in the text's language writes no article, is that family name
// with the article added; a near given name of the person just before it
// joins the hit, and the suggestion is then the person's two-word form.

// addedArabicArticles returns a hit for each family name of a text in a
// Latin-script language with an Arabic article the glossary does not write.
func (f *Fuzzy) addedArabicArticles(text, lang string, toks []fzToken) []Hit {
	if !latinSpellingLang(lang) {
		return nil
	}
	var hits []Hit
	for i, t := range toks {
		if t.capital || t.known >= 0 || !articleHyphen(text[t.start:t.end]) {
			continue // most words: no hyphen after their first two or three letters
		}
		w := text[t.start:t.end]
		article, family, ok := strings.Cut(w, "-")
		if !ok || !isArabicArticle(article) || !startsUpper(family) ||
			utf8.RuneCountInString(family) < 3 || strings.Contains(family, "-") {
			continue
		}
		e, ok := f.onlyPersonWithFamily(lang, family)
		if !ok {
			continue
		}
		form := e.Preferred(lang)
		words := strings.Fields(form)
		h := Hit{Start: t.start, End: t.end, Status: Deprecated, Check: CheckFuzzy, Suggestion: words[len(words)-1],
			Entry: form, EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling}
		if i > 0 && len(words) == 2 {
			if p := toks[i-1]; p.capital && p.known < 0 && text[p.end:t.start] == " " && isGivenNameOf(e, text[p.start:p.end], lang) {
				h.Start, h.Suggestion = p.start, form
			}
		}
		h.Text = text[h.Start:h.End]
		hits = append(hits, h)
	}
	return hits
}

// onlyPersonWithFamily returns the one person whose form in lang ends in
// the family name and writes no Arabic article.
func (f *Fuzzy) onlyPersonWithFamily(lang, family string) (entryRef, bool) {
	var found entryRef
	ok := false
	for _, el := range f.rightEntries(lang, FoldName(family)) {
		e := f.entry(int32(el & entryMask))
		form := e.Preferred(lang)
		words := strings.Fields(form)
		if e.Type() != "person" || len(words) < 2 || writesArticle(form) || FoldName(words[len(words)-1]) != FoldName(family) {
			continue
		}
		if ok && found.Key() != e.Key() {
			return entryRef{}, false
		}
		found, ok = e, true
	}
	return found, ok
}

// articleHyphen reports whether w has a hyphen after its second or third
// byte, where one follows every spelling of the article.
func articleHyphen(w string) bool {
	return len(w) > 3 && (w[2] == '-' || w[3] == '-')
}
