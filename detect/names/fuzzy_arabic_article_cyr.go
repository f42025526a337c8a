package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Russian and Ukrainian write the Arabic article of a family name as it is
// pronounced, assimilated to a "sun" consonant after it and joined by a
// hyphen: аш-Шараа, ас-Сісі, ад-Дін, ар-Рашид, but аль-Малікі. MT from
// English brings the English al- or el- across unassimilated ("аль-Шараа",
// "ель-Сісі"), and loses the hyphen or capitalises the article ("Аш
// Шараа"). An article joined to a word, or an article and a capitalised
// word after it, that with another article (or the same one, joined) is a
// family name of the glossary in the text's language is that name with its
// article wrong; the suggestion is the glossary's article, joined by the
// hyphen, lowercase unless a sentence starts there. (fuzzy_arabic_article.go
// does the opposite for Latin text: an article left on a place English
// writes without one.)

// cyrillicArabicArticles are the article's Russian and Ukrainian spellings,
// and those MT makes of al- and el-.
var cyrillicArabicArticles = [...]string{
	"аль", "ал", "эль", "ель", "эл", "ел", "аш", "эш", "еш", "ас", "эс", "ес", "ад", "эд", "ед",
	"ат", "эт", "ет", "ар", "эр", "ер", "ан", "эн", "ен", "аз", "эз", "ез", "ат", "ун",
}

func isCyrillicArabicArticle(w string) bool {
	w = strings.ToLower(w)
	for _, a := range cyrillicArabicArticles {
		if w == a {
			return true
		}
	}
	return false
}

// arabicArticleSlips returns a hit for each family name of a Russian or
// Ukrainian text written with another article than the glossary's, or with
// its article apart.
func (f *Fuzzy) arabicArticleSlips(text, lang string, toks []fzToken) []Hit {
	if lang != "ru" && lang != "uk" {
		return nil
	}
	var hits []Hit
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.known >= 0 {
			continue
		}
		w := text[t.start:t.end]
		if art, rest, ok := strings.Cut(w, "-"); ok {
			if h, ok := f.articleSlipAt(text, lang, t.start, t.end, art, rest, true); ok {
				hits = append(hits, h)
			}
			continue
		}
		if i+1 < len(toks) && toks[i+1].known < 0 && toks[i+1].capital && text[t.end:toks[i+1].start] == " " {
			next := toks[i+1]
			if h, ok := f.articleSlipAt(text, lang, t.start, next.end, w, text[next.start:next.end], false); ok {
				hits = append(hits, h)
				i++
			}
		}
	}
	return hits
}

// articleSlipAt judges art and rest, the words of text[start:end]; joined
// says they are one word with a hyphen, whose article is then wrong only
// when it is another one than the glossary's.
func (f *Fuzzy) articleSlipAt(text, lang string, start, end int, art, rest string, joined bool) (Hit, bool) {
	first, _ := utf8.DecodeRuneInString(rest)
	if !isCyrillicArabicArticle(art) || !unicode.IsUpper(first) || utf8.RuneCountInString(rest) < 3 || strings.Contains(rest, "-") {
		return Hit{}, false
	}
	for _, e := range f.named(rest, lang) {
		a, ok := articleOf(preferredCyrillic(e, lang), rest, lang)
		if !ok || joined && a == strings.ToLower(art) {
			continue
		}
		sugg := a + "-" + rest
		if sentenceInitial(text, start) {
			sugg = capitalize(sugg, false)
		}
		return Hit{
			Start: start, End: end, Text: text[start:end],
			Status: Deprecated, Check: CheckFuzzy, Suggestion: sugg,
			Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
		}, true
	}
	return Hit{}, false
}

// articleOf is the article the word of form that rest (in any case) stands
// for is written with: "аш" for Шараа in "Ахмед аш-Шараа".
func articleOf(form, rest, lang string) (string, bool) {
	want := append([]string{FoldName(rest)}, nominatives(rest, lang)...)
	for i := 1; i < len(want); i++ {
		want[i] = FoldName(want[i])
	}
	for _, w := range strings.Fields(form) {
		a, tail, ok := strings.Cut(w, "-")
		if ok && isCyrillicArabicArticle(a) && slices.Contains(want, FoldName(tail)) {
			return a, true
		}
	}
	return "", false
}

// withArticleSlips puts each of slips in place of the hits it overlaps,
// unless such a hit already suggests the slip's fix with more around it
// (a given name put right too).
func withArticleSlips(hits, slips []Hit) []Hit {
	for _, s := range slips {
		keep := true
		hits = slices.DeleteFunc(hits, func(h Hit) bool {
			if h.Start >= s.End || s.Start >= h.End {
				return false
			}
			if strings.Contains(h.Suggestion, s.Suggestion) {
				keep = false
				return false
			}
			return true
		})
		if keep {
			hits = append(hits, s)
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int { return a.Start - b.Start })
	return hits
}
