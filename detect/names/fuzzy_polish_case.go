package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Polish declines names, and MT from Polish leaves the case ending on them
// in German or English text: "Trzaskowskiego Rede" (the genitive of
// Trzaskowski), "mit Kosiniakiem-Kamyszem", "von Tuska", "Rafała". The
// name's letters are otherwise right, so no romanization or edit finds
// it; the run is read again with each word's Polish case ending replaced
// by the nominative's, and is a hit when that reading is a right form.

// polishCaseEnds are Polish case endings and the nominative ending each
// replaces: the adjectival declension of -ski, -cki and -ny/-na, then the
// nouns (a man's name in a consonant, a name in -a). Several may fit a
// word; each reading is tried.
var polishCaseEnds = [...][2]string{
	{"kiego", "ki"}, {"kiemu", "ki"}, {"kim", "ki"}, {"kiej", "ka"}, {"ką", "ka"},
	{"ego", "y"}, {"emu", "y"}, {"ym", "y"}, {"ej", "a"},
	{"kiem", "k"}, {"giem", "g"}, {"owi", ""}, {"em", ""}, {"a", ""},
	{"y", "a"}, {"i", "a"}, {"ę", "a"}, {"ą", "a"},
}

// minPolishStem is the fewest letters a name keeps without its ending.
const minPolishStem = 3

// maxPolishReadings bounds the readings tried for one run.
const maxPolishReadings = 16

// polishCaseReading returns the hit for a Latin run whose family name
// (its last word or hyphenated part) carries a Polish case ending and
// which, read in the nominative, is a right form of a person.
func (f *Fuzzy) polishCaseReading(run, lang string, lower bool, minConf float64) (runResult, bool) {
	if lower || confSpelling < minConf || IsCyrillic(run) || isCyrillicLang(lang) {
		return runResult{}, false
	}
	run = trimPossessive(run)
	if !hasPolishCaseEnd(run[strings.LastIndexAny(run, " -\u00a0")+1:]) {
		return runResult{}, false // the family name carries no case ending: most runs
	}
	parts := strings.FieldsFunc(run, func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' })
	if len(parts) == 0 {
		return runResult{}, false
	}
	last := polishNominatives(parts[len(parts)-1])[1:] // read in the nominative
	readings := []string{""}
	for i, p := range parts {
		forms := last
		if i < len(parts)-1 {
			forms = polishNominatives(p)
		}
		var next []string
		for _, r := range readings {
			for _, form := range forms {
				if len(next) < maxPolishReadings {
					next = append(next, strings.TrimSpace(r+" "+form))
				}
			}
		}
		readings = next
	}
	for _, reading := range readings {
		if persons := f.familyReading(reading, lang); len(persons) > 0 {
			return runResult{verdict: verdictHit, entries: persons, conf: confSpelling, words: len(nameWords(FoldName(run))),
				respelled: lastFields(f.entry(persons[0]).Preferred(lang), len(strings.Fields(run)))}, true
		}
	}
	return runResult{}, false
}

// familyReading returns the people whose form in lang ends in the words of
// reading, family name included: the full name, or the family name with
// all its parts ("Kosiniak-Kamysz"), never a given name alone ("Rafała" is
// no one's case form by itself).
func (f *Fuzzy) familyReading(reading, lang string) []int32 {
	words := nameWords(FoldName(reading))
	if len(words) == 0 {
		return nil
	}
	var persons []int32
	for _, idx := range appendIndexes(nil, f.rightEntries(lang, words[len(words)-1])) {
		e := f.entry(idx)
		form := nameWords(FoldName(e.Preferred(lang)))
		if e.Type() == "person" && len(form) >= len(words) && slices.Equal(form[len(form)-len(words):], words) {
			persons = append(persons, idx)
		}
	}
	return persons
}

// hasPolishCaseEnd reports whether some Polish case ending fits word.
func hasPolishCaseEnd(word string) bool {
	for _, e := range polishCaseEnds {
		if strings.HasSuffix(word, e[0]) && utf8.RuneCountInString(word)-utf8.RuneCountInString(e[0]) >= minPolishStem {
			return true
		}
	}
	return false
}

// polishNominatives returns word and its readings with each Polish case
// ending that fits replaced by the nominative's.
func polishNominatives(word string) []string {
	forms := []string{word}
	for _, e := range polishCaseEnds {
		stem, ok := strings.CutSuffix(word, e[0])
		if ok && utf8.RuneCountInString(stem) >= minPolishStem {
			forms = append(forms, stem+e[1])
		}
	}
	return forms
}

// lastFields is the last n space-separated words of form ("Kosiniak-Kamysz"
// of Władysław Kosiniak-Kamysz for a run of one word).
func lastFields(form string, n int) string {
	fields := strings.Fields(form)
	return strings.Join(fields[max(0, len(fields)-n):], " ")
}
