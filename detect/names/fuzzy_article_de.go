package names

import (
	"strings"
	"unicode/utf8"
)

// German news writes a person's family name without an article; "die
// Tschaputowa", "der Kikl" are speech, or MT that read the article into a
// language without one. Where the family name is wrong too, the reviewer
// rewrites both: the hit takes the article in, and the suggestion is the
// name alone ("die Tschaputowa" → Čaputová). A right name after an
// article is left alone: the article is style, not the name's error.

// germanDefiniteArticles are the forms of the definite article.
var germanDefiniteArticles = map[string]bool{"der": true, "die": true, "das": true, "des": true, "dem": true, "den": true}

// withGermanArticle extends each single-word person hit right after a
// definite article over the article.
func withGermanArticle(text, lang string, hits []Hit) {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return
	}
	for i := range hits {
		h := &hits[i]
		if h.Check != CheckFuzzy || h.EntryType != "person" || strings.ContainsAny(h.Text, " \u00a0") {
			continue
		}
		if next, _ := utf8.DecodeRuneInString(text[h.End:]); next == '-' {
			continue // a compound: the article is the compound's
		}
		if r, n := utf8.DecodeLastRuneInString(text[:h.Start]); r != ' ' || h.Start-n <= 0 {
			continue
		} else if start := wordStartBefore(text, h.Start-n); germanDefiniteArticles[strings.ToLower(text[start:h.Start-n])] {
			h.Start, h.Text = start, text[start:h.End]
		}
	}
}
