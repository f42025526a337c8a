package names

import "strings"

// Ukrainian changes г, к, х to з, ц, с before the -і of the dative and
// locative (Рига: Ризі, Прага: Празі, Аляска: Алясці); Russian keeps them
// (Риге, Праге, Аляске). MT from Ukrainian that gives the word the Russian
// ending -е keeps the Ukrainian consonant: "в Ризе" for в Риге. The run read
// with the consonant changed back is a right form.

// ukAlternationUndone is run with its last word's Ukrainian з, ц or с before
// a final -е changed back to г, к or х; false when it ends otherwise.
func ukAlternationUndone(run string) (string, bool) {
	for _, p := range [...][2]string{{"зе", "ге"}, {"це", "ке"}, {"се", "хе"}, {"ЗЕ", "ГЕ"}, {"ЦЕ", "КЕ"}, {"СЕ", "ХЕ"}} {
		if stem, ok := strings.CutSuffix(run, p[0]); ok && stem != "" && !strings.HasSuffix(stem, " ") {
			return stem + p[1], true
		}
	}
	return "", false
}

// ukAlternationReading is the hit for a run of a Russian text that matches
// nothing as written and is a right form with the Ukrainian alternation
// undone.
func (f *Fuzzy) ukAlternationReading(run, lang string, lower bool, minConf float64) (runResult, bool) {
	if lang != "ru" || lower || confSpelling < minConf || !IsCyrillic(run) {
		return runResult{}, false
	}
	reading, ok := ukAlternationUndone(run)
	if !ok {
		return runResult{}, false
	}
	r := f.matchRunAs(reading, lang, false, minConf, false, false)
	if r.verdict != verdictRight || len(r.entries) == 0 {
		return runResult{}, false
	}
	return runResult{verdict: verdictHit, entries: r.entries, conf: confSpelling, words: r.words, respelled: reading}, true
}
