package names

import "strings"

// A Ukrainian man's name after "за словами", "за даними" or "на думку"
// is in the genitive: "за словами Кличка", "на думку Віталія Кличка".
// Russian writes "по словам Кличко", where the name (Russian does not
// decline -ко) is right, and MT that leaves the phrase leaves the
// nominative too, which the exact matcher finds as a right form: in
// Ukrainian it is a wrong one. A woman's name in a consonant or -о does
// not decline (за словами Тимошенко), and an indeclinable name has no
// other form: both are left alone.

// genitivePhrases are the words after which a name is the genitive of
// the phrase, by the word before them (Ukrainian, and the Russian MT
// leaves).
var genitivePhrases = map[string][]string{
	"словами": {"за"}, "словам": {"по", "за"}, "даними": {"за"}, "даним": {"по", "за"}, "думку": {"на"},
}

// knownGovernedNominatives returns a hit for each right form of known (the
// exact matcher's) in a Ukrainian text that stands, in the nominative,
// right after one of genitivePhrases and declines for its entry.
func (f *Fuzzy) knownGovernedNominatives(text, lang string, known []Hit) []Hit {
	if lang != "uk" {
		return nil
	}
	var hits []Hit
	for _, k := range known {
		if k.Check != "" || !IsCyrillic(k.Text) || !afterGenitivePhrase(text, k.Start) {
			continue
		}
		e, ok := f.entryWithKey(k.EntryKey)
		if !ok || e.Type() != "person" {
			continue
		}
		if sugg, ok := genitiveOfNominative(e, k.Text, lang); ok {
			h := k
			h.Status, h.Check, h.Suggestion, h.Confidence = Deprecated, CheckFuzzy, sugg, confSpelling
			hits = append(hits, h)
		}
	}
	return hits
}

// afterGenitivePhrase reports whether one of genitivePhrases, with its
// preposition, ends right before byte i, a space apart.
func afterGenitivePhrase(text string, i int) bool {
	w, gap, start := wordBefore(text, i)
	preps, ok := genitivePhrases[strings.ToLower(w)]
	if !ok || strings.TrimSpace(gap) != "" {
		return false
	}
	p, gap, _ := wordBefore(text, start)
	if strings.TrimSpace(gap) != "" {
		return false
	}
	for _, want := range preps {
		if strings.EqualFold(p, want) {
			return true
		}
	}
	return false
}

// genitiveOfNominative is run, the last words of e's preferred form in
// lang, with each word in its genitive; false when run is not that
// nominative, e is a woman whose family name does not decline, or no
// word changes.
func genitiveOfNominative(e entryRef, run, lang string) (string, bool) {
	if _, woman := womanIndeclinableFamily(e, lang); woman {
		return "", false
	}
	g := entryGender(e)
	if g == genderFemale {
		return "", false
	}
	form := strings.Fields(preferredCyrillic(e, lang))
	words := strings.Fields(run)
	if len(words) == 0 || len(words) > len(form) {
		return "", false
	}
	form = form[len(form)-len(words):]
	changed := false
	for i, w := range words {
		if cyrFold(w) != cyrFold(form[i]) {
			return "", false
		}
		role := roleOf(i, len(words))
		if len(words) == 1 {
			role = roleFamily
		}
		for _, lf := range labelledCaseForms(form[i], lang, role, g) {
			if lf.cases&caseGen != 0 && lf.cases != caseAll && lf.form != form[i] {
				words[i], changed = capitalLike(lf.form, w), true
				break
			}
		}
	}
	return strings.Join(words, " "), changed
}

// governedNominativeRun is knownGovernedNominatives for a run Check itself
// read as a right form of entries (a family name alone, which the exact
// matcher leaves to it): the run in the genitive, when every entry agrees.
func (f *Fuzzy) governedNominativeRun(text, lang string, start, end int, entries []int32) (string, bool) {
	if lang != "uk" || len(entries) == 0 || !afterGenitivePhrase(text, start) {
		return "", false
	}
	sugg := ""
	for _, idx := range entries {
		e := f.entry(idx)
		if e.Type() != "person" {
			return "", false
		}
		s, ok := genitiveOfNominative(e, text[start:end], lang)
		if !ok || sugg != "" && s != sugg {
			return "", false
		}
		sugg = s
	}
	return sugg, true
}
