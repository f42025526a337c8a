package names

import (
	"strings"
	"unicode/utf8"
)

// German joins a name to a noun with a hyphen: "Orbán-Regierung",
// "Trump-Zölle", "Merkel-Ära". The whole compound is one word, which is no
// name, so a wrong name inside it ("Orban-Regierung", "Scholtz-Kabinett")
// would pass unseen. compoundNameHeads returns the part before the last
// hyphen of each such compound as a weak run, compared (like a lone
// capitalised word) with the entries the text mentions only: a compound's
// head is a name only where the article is about that person.

// minCompoundHead is the shortest head read as a name: "EU-Gipfel",
// "US-Präsident", "SPD-Chef" are abbreviations.
const minCompoundHead = 4

// compoundNameHeads returns the heads of the German compounds among toks
// whose last part is a word of the language, no right form of a name, and
// whose head is no word of the language ("Kreml-Sprecher", "Ost-Ukraine").
// Tokens inside a run that already matched (runs) are left alone.
func (f *Fuzzy) compoundNameHeads(text, lang string, toks []fzToken, runs []pendingRun) []runSpan {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return nil
	}
	var heads []runSpan
	for _, t := range toks {
		if !t.capital || t.known >= 0 {
			continue
		}
		word := text[t.start:t.end]
		cut := strings.LastIndexByte(word, '-')
		if cut <= 0 || cut == len(word)-1 {
			continue
		}
		head, tail := word[:cut], word[cut+1:]
		if utf8.RuneCountInString(head) < minCompoundHead || !isLanguageWord(lang, tail) ||
			len(f.rightEntries(lang, FoldName(tail))) > 0 || isLanguageWord(lang, head) {
			continue
		}
		if inRun(runs, t.start) {
			continue
		}
		heads = append(heads, runSpan{start: t.start, end: t.start + cut})
	}
	return heads
}

// inRun reports whether byte at lies inside one of the matched runs.
func inRun(runs []pendingRun, at int) bool {
	for _, r := range runs {
		if r.start <= at && at < r.end {
			return true
		}
	}
	return false
}
