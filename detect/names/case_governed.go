package names

import "strings"

// The case the word before a name governs. An ending often stands for
// several cases (Ukrainian "Ірану" is a genitive or a dative, Russian
// "Ирана" or "Ирану"); a preposition before it, or a title before a place,
// tells which: "лидер Ірану" is a genitive (Ирана), "пообещал Ізраїлю" a
// dative. The governed cases narrow those the run's ending shows; where
// they share none, the ending stands (the preposition may govern another
// word), and where nothing governs, the suggestion is as inflectLike gives
// it.

// governedRu and governedUk are the cases the prepositions of Russian and
// Ukrainian govern (a grammar's fact; those that govern more than two, or
// whose case depends on the meaning alone, are left out).
var (
	governedRu = map[string]caseMask{
		"из": caseGen, "от": caseGen, "до": caseGen, "без": caseGen, "для": caseGen, "у": caseGen,
		"около": caseGen, "возле": caseGen, "после": caseGen, "против": caseGen, "среди": caseGen,
		"вокруг": caseGen, "кроме": caseGen, "из-за": caseGen, "вдоль": caseGen, "мимо": caseGen,
		"к": caseDat, "ко": caseDat, "по": caseDat, "благодаря": caseDat, "вопреки": caseDat,
		"через": caseAcc, "про": caseAcc, "сквозь": caseAcc,
		"над": caseIns, "перед": caseIns, "между": caseIns,
		"с": caseGen | caseIns, "со": caseGen | caseIns, "под": caseIns | caseAcc, "за": caseIns | caseAcc,
		"в": caseLoc | caseAcc, "во": caseLoc | caseAcc, "на": caseLoc | caseAcc,
		"о": caseLoc | caseAcc, "об": caseLoc | caseAcc, "обо": caseLoc, "при": caseLoc,
	}
	governedUk = map[string]caseMask{
		"від": caseGen, "до": caseGen, "без": caseGen, "для": caseGen, "біля": caseGen, "після": caseGen,
		"серед": caseGen, "крім": caseGen, "навколо": caseGen, "проти": caseGen, "замість": caseGen,
		"щодо": caseGen, "поблизу": caseGen, "коло": caseGen, "вздовж": caseGen, "повз": caseAcc,
		"завдяки": caseDat, "всупереч": caseDat, "к": caseDat,
		"про": caseAcc, "через": caseAcc, "крізь": caseAcc,
		"над": caseIns, "перед": caseIns, "між": caseIns,
		"з": caseGen | caseIns, "із": caseGen | caseIns, "зі": caseGen | caseIns,
		"під": caseIns | caseAcc, "за": caseIns | caseAcc,
		"в": caseLoc | caseAcc, "у": caseLoc | caseAcc, "на": caseLoc | caseAcc,
		"о": caseLoc | caseAcc, "по": caseLoc | caseDat, "при": caseLoc,
	}
)

// governedCase is the cases the word before byte start of text governs in
// lang (ru or uk) for a name of entry gender g; 0 when it governs none.
// A preposition of the other language counts too: MT leaves them
// ("из бока" in a Russian text from Ukrainian). A title governs a
// place's genitive ("президент Франции"); before a person it is an
// apposition ("президент Зеленский"), no case.
func governedCase(text string, start int, lang string, g gender) caseMask {
	word, gap, _ := wordBefore(text, start)
	if word == "" || strings.TrimSpace(gap) != "" || !IsCyrillic(word) {
		return 0
	}
	word = strings.ToLower(word) // "Посол Іраку", "Из Іраку" open a sentence
	own, other := governedRu, governedUk
	if lang == "uk" {
		own, other = governedUk, governedRu
	}
	if c, ok := own[word]; ok {
		return c
	}
	if c, ok := other[word]; ok {
		return c
	}
	if g == genderNone && wordsFor(lang).isTitle(word) {
		return caseGen
	}
	return 0
}

// governedShown narrows shown, the cases a run's word shows, to those the
// word before the run governs; a word whose ending shows no case takes the
// governed ones.
func governedShown(shown shownCase, governed caseMask) shownCase {
	switch {
	case governed == 0:
		return shown
	case shown.cases == 0:
		return shownCase{governed, caseMismatch}
	case shown.cases&governed != 0:
		return shownCase{shown.cases & governed, max(shown.mismatch, endingMismatch)}
	}
	return shown
}

// inGovernedCase puts the suggestion of each Russian or Ukrainian hit in
// the case the word before it governs, where its ending leaves a choice.
// Only the suggestions inflectLike made are redone: the same right form,
// declined again with the governed case.
func (f *Fuzzy) inGovernedCase(text, lang string, hits []Hit) {
	if lang != "ru" && lang != "uk" {
		return
	}
	for i := range hits {
		h := &hits[i]
		if h.Check != CheckFuzzy || h.Suggestion == "" || !IsCyrillic(h.Text) || !IsCyrillic(h.Suggestion) {
			continue
		}
		e, ok := f.entryWithKey(h.EntryKey)
		if !ok {
			continue
		}
		g := entryGender(e)
		governed := governedCase(text, h.Start, lang, g)
		if governed == 0 {
			continue
		}
		words := len(appendRawNameWords(nil, h.Suggestion))
		if shapeSuggestion(e, lang, h.Text, words) != "" {
			continue
		}
		like := h.Text
		if lang == "ru" {
			like, _ = russianSpelling(h.Text)
		}
		base := withPatronymic(withParticles(suggestionFor(e, lang, words), e.Preferred(lang), h.Text, words), h.Text)
		if inflectLike(base, like, lang, g) != h.Suggestion {
			continue // another rule's suggestion
		}
		h.Suggestion = inflectGoverned(base, like, lang, g, governed)
	}
}

// governedForm is sugg with each word in the one case governed, the form
// that differs from the nominative first; sugg as it is where governed is
// not exactly one case or a word has no form in it.
func governedForm(sugg, lang string, g gender, governed caseMask) string {
	if governed == 0 || governed&(governed-1) != 0 {
		return sugg
	}
	words := strings.Fields(sugg)
	for i, w := range words {
		role := roleOf(i, len(words))
		if len(words) == 1 {
			role = roleFamily
		}
		form := ""
		for _, lf := range labelledCaseForms(w, lang, role, g) {
			if lf.cases&governed != 0 && (form == "" || form == w) {
				form = lf.form
			}
		}
		if form == "" {
			return sugg
		}
		words[i] = form
	}
	return strings.Join(words, " ")
}
