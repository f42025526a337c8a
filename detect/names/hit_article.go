package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WithArticle widens a hit on a common word that stands for a person ("the
// mask" where Маск was read as the noun) over the article before it: a
// person's name takes none, so the fix replaces both ("persuade the mask"
// is "persuade Musk", never "persuade the Musk"). The source-aware check
// widens the false friends it confirms the same way. A name with an article
// by right ("the Hague") is no person.
func WithArticle(text, lang string, h Hit) Hit {
	if h.EntryType != "person" || h.Check == "" {
		return h
	}
	if first, _ := utf8.DecodeRuneInString(h.Text); h.Check != CheckFalseFriend && !unicode.IsLower(first) {
		return h
	}
	word, gap, start := wordBefore(text, h.Start)
	if gap != " " || !slices.Contains(articlesOf(lang), strings.ToLower(word)) {
		return h
	}
	h.Start, h.Text = start, text[start:h.End]
	return h
}

// articlesOf are the articles of lang, English and German.
func articlesOf(lang string) []string {
	switch {
	case isEnglish(lang):
		return []string{"the", "a", "an"}
	case lang == "de" || strings.HasPrefix(lang, "de-"):
		return []string{"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
	}
	return nil
}
