package names

import "strings"

// Arabic writes its definite article before many place names, and Russian
// and Ukrainian keep it, assimilated to the next consonant as it is
// pronounced: ар-Рияд, Эр-Рияд (Riyadh), Эль-Кувейт (Kuwait City), ад-Доха
// (Doha). English and German drop it from those names, so "Er-Riyad",
// transliterated back from Russian, is Riyadh with the article left on. A
// run whose first word is the article joined by a hyphen is read without it
// when the entry it then names writes no article in the text's language;
// names that keep theirs (al-Sadr) are the particle rules' business.

// arabicArticles are the romanized spellings of the article, as Russian,
// Ukrainian, French and English transliterations write it before each
// consonant.
var arabicArticles = [...]string{"al", "el", "ar", "er", "as", "es", "ad", "ed", "an", "en", "at", "et", "az", "ez", "ash", "esh", "ath", "adh", "ul"}

// arabicArticleReading matches run without an Arabic article before its
// first hyphen; the hit covers the whole run.
func (f *Fuzzy) arabicArticleReading(run, lang string, lower bool, minConf float64) (runResult, bool) {
	if lower || confSpelling < minConf || IsCyrillic(run) || !latinSpellingLang(lang) {
		return runResult{}, false
	}
	article, rest, ok := strings.Cut(run, "-")
	if !ok || len([]rune(rest)) < 3 || !isArabicArticle(article) {
		return runResult{}, false
	}
	r := f.matchRunAs(rest, lang, false, minConf, false, false)
	if r.verdict != verdictHit && r.verdict != verdictRight {
		return runResult{}, false
	}
	var plain []int32
	for _, idx := range r.entries {
		if !writesArticle(f.entry(idx).Preferred(lang)) {
			plain = append(plain, idx)
		}
	}
	if len(plain) == 0 {
		return runResult{}, false
	}
	return runResult{verdict: verdictHit, entries: plain, conf: confSpelling, words: r.words}, true
}

// isArabicArticle reports whether w, any case, is a spelling of the article.
func isArabicArticle(w string) bool {
	w = strings.ToLower(w)
	for _, a := range arabicArticles {
		if w == a {
			return true
		}
	}
	return false
}

// writesArticle reports whether a form has a word that starts with the
// article and a hyphen ("Muqtada al-Sadr").
func writesArticle(form string) bool {
	for _, w := range strings.Fields(form) {
		if article, _, ok := strings.Cut(w, "-"); ok && isArabicArticle(article) {
			return true
		}
	}
	return false
}
