package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A patronymic in the other East Slavic language's spelling: MT between
// Russian and Ukrainian translates the given and family names it knows and
// leaves the patronymic as it came ("Владимир Олександрович Зеленский",
// "Михайло Сергеевич Горбачов"). The name around it is right, so no run is
// wrong; the patronymic alone is. It is read back to the father's given name
// in the other language, that name is looked up among the glossary's given
// names of that language, and the same person's given name in the text's
// language makes the patronymic again by that language's rules
// (Олександр → Александр → Александрович; Сергей → Сергій → Сергійович).
// A father's name the glossary does not hold is no evidence: nothing is
// flagged; nor is a patronymic whose spelling the text's language could
// write too (see spelledAsIn).

// foreignPatronymics adds to hits a hit for each patronymic of the text
// spelled as the other of Russian and Ukrainian spells it, between a given
// name and a family name of one person of the glossary. When the run's
// family name is wrong as well, hits must already hold the run's hit, which
// splitPatronymicRun narrows.
func (f *Fuzzy) foreignPatronymics(text, lang string, hits []Hit) []Hit {
	other := otherEastSlavic(lang)
	if other == "" {
		return hits
	}
	var patr []Hit
	var words [3][2]int // the last three words' offsets
	n := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isPatronymicRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isPatronymicRune(r) {
				break
			}
			i += size
		}
		words[0], words[1], words[2] = words[1], words[2], [2]int{start, i}
		n++
		if n < 3 || !adjacentWords(text, words[0][1], words[1][0]) || !adjacentWords(text, words[1][1], words[2][0]) {
			continue
		}
		h, familyWrong, ok := f.foreignPatronymic(text, lang, other, words)
		switch {
		case !ok:
		case familyWrong:
			hits = splitPatronymicRun(hits, h, words) // fuzzy_patronymic_split.go
		default:
			patr = append(patr, h)
		}
	}
	return mergeHits(hits, patr)
}

// foreignPatronymic judges the middle one of three words; familyWrong
// tells that the given and family name are no right form together.
func (f *Fuzzy) foreignPatronymic(text, lang, other string, words [3][2]int) (h Hit, familyWrong, ok bool) {
	given, patr, family := text[words[0][0]:words[0][1]], text[words[1][0]:words[1][1]], text[words[2][0]:words[2][1]]
	for _, w := range [...]string{given, patr, family} {
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) || !IsCyrillic(w) {
			return Hit{}, false, false
		}
	}
	female, ok := patronymicGender(patr)
	if !ok || !spelledAsIn(patr, other) && !isOtherLanguagePatronymic(patr, lang, other) {
		return Hit{}, false, false
	}
	// The family name may be wrong too ("Олексій Анатольевич Навальный"):
	// MT leaves both in the other spelling, and splitPatronymicRuns narrows
	// the run's own hit to the family name.
	r := f.matchRunAs(given+" "+family, lang, false, 0, false, true)
	if r.verdict != verdictRight && r.verdict != verdictHit || len(r.entries) == 0 || f.entry(r.entries[0]).Type() != "person" {
		return Hit{}, false, false
	}
	sugg := f.patronymicFromGlossary(patr, lang, other, female)
	if sugg == "" {
		sugg = patronymicFromLexicon(patr, lang, other, female) // fuzzy_patronymic_lexicon.go
	}
	if sugg == "" || cyrFold(sugg) == cyrFold(patr) {
		return Hit{}, false, false
	}
	e := f.entry(r.entries[0])
	return Hit{
		Start:      words[1][0],
		End:        words[1][1],
		Text:       patr,
		Status:     Deprecated,
		Check:      CheckFuzzy,
		Suggestion: capitalLike(sugg, patr),
		Entry:      e.Preferred(lang),
		EntryKey:   e.Key(),
		EntryType:  e.Type(),
		Confidence: confSpelling,
	}, r.verdict == verdictHit, true
}

// patronymicFromGlossary reads patr as a patronymic of other, finds the
// father's name among the glossary's given names in other, and makes the
// patronymic of the same name in lang; "" when there is none.
func (f *Fuzzy) patronymicFromGlossary(patr, lang, other string, female bool) string {
	for _, father := range patronymicFathers(patr, other) {
		for _, el := range f.rightEntries(other, FoldName(father)) {
			e := f.entry(int32(el & entryMask))
			if e.Type() != "person" {
				continue
			}
			if name := givenNameIn(e, other); name == "" || cyrFold(name) != cyrFold(father) {
				continue
			}
			if name := givenNameIn(e, lang); name != "" {
				if p := patronymicOf(name, lang, female); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

// givenNameIn is the first word of e's preferred Cyrillic form in lang,
// when the form has two words or more.
func givenNameIn(e entryRef, lang string) string {
	for _, t := range e.Terms() {
		if t.Lang == lang && t.Status == Preferred && IsCyrillic(t.Form) {
			if words := strings.Fields(t.Form); len(words) >= 2 {
				return words[0]
			}
		}
	}
	return ""
}

// patronymicFathers reads a nominative patronymic back to the given names
// it may come from, by lang's rules of forming it.
func patronymicFathers(patr, lang string) []string {
	type rule struct{ end, name string }
	var rules []rule
	switch lang {
	case "ru":
		rules = []rule{{"ьевич", "ий"}, {"ьевна", "ий"}, {"еевич", "ей"}, {"еевна", "ей"}, {"аевич", "ай"}, {"аевна", "ай"},
			{"евич", "ь"}, {"евна", "ь"}, {"ович", ""}, {"овна", ""}}
	case "uk":
		rules = []rule{{"йович", "й"}, {"ївна", "й"}, {"ьович", "ь"}, {"ович", ""}, {"ович", "о"}, {"івна", ""}, {"івна", "ь"}}
	}
	var out []string
	for _, r := range rules {
		if stem, ok := cutSuffixFold(patr, r.end); ok && utf8.RuneCountInString(stem) >= 2 {
			out = append(out, stem+r.name)
		}
	}
	return out
}

// patronymicOf is the nominative patronymic lang forms from a given name.
func patronymicOf(name, lang string, female bool) string {
	pick := func(m, w string) string {
		if female {
			return w
		}
		return m
	}
	switch lang {
	case "ru":
		switch {
		case hasSuffixFold(name, "ий"):
			return name[:len(name)-len("ий")] + pick("ьевич", "ьевна")
		case hasSuffixFold(name, "ей"):
			return name[:len(name)-len("ей")] + pick("еевич", "еевна")
		case hasSuffixFold(name, "ай"):
			return name[:len(name)-len("ай")] + pick("аевич", "аевна")
		case hasSuffixFold(name, "ь"):
			return name[:len(name)-len("ь")] + pick("евич", "евна")
		case isCyrillicConsonant(lastLower(name)):
			return name + pick("ович", "овна")
		}
	case "uk":
		switch {
		case hasSuffixFold(name, "й"):
			if female {
				return name[:len(name)-len("й")] + "ївна" // Сергіївна
			}
			return name + "ович" // Сергійович
		case hasSuffixFold(name, "ь"):
			if female {
				return name[:len(name)-len("ь")] + "івна"
			}
			return name + "ович"
		case hasSuffixFold(name, "о"):
			return name[:len(name)-len("о")] + pick("ович", "івна")
		case isCyrillicConsonant(lastLower(name)):
			return name + pick("ович", "івна")
		}
	}
	return ""
}

// spelledAsIn reports a patronymic whose letters or ending only lang
// writes: Ukrainian і, ї, є, ґ, the apostrophe and -івна; Russian ы, э, ё,
// ъ, -евич and a woman's -овна, -евна. The other readings are no evidence: Russian
// "Михайлович" and "Павлович" read the Ukrainian way are Михайло's and
// Павло's, whose Russian patronymics are irregular.
func spelledAsIn(patr, lang string) bool {
	w := cyrFold(patr)
	switch lang {
	case "uk":
		return strings.ContainsAny(w, "іїєґ'") || strings.HasSuffix(w, "івна") || strings.HasSuffix(w, "ївна")
	case "ru":
		return strings.ContainsAny(w, "ыэъ") || strings.ContainsRune(strings.ToLower(patr), 'ё') ||
			strings.HasSuffix(w, "евич") || strings.HasSuffix(w, "вна") && !strings.HasSuffix(w, "івна") && !strings.HasSuffix(w, "ївна")
	}
	return false
}

// patronymicGender tells a man's patronymic from a woman's by its
// nominative ending; ok is false for a word that is neither.
func patronymicGender(w string) (female, ok bool) {
	switch {
	case hasSuffixFold(w, "вич"):
		return false, utf8.RuneCountInString(w) > 5
	case hasSuffixFold(w, "вна"):
		return true, utf8.RuneCountInString(w) > 5
	}
	return false, false
}

// isDeclinedPatronymic reports a patronymic in any case: Latin by its
// romanized ending (isPatronymic), Cyrillic by -вич or -вн before a case
// ending of at most three letters (Семеновича, Семенівною), after a stem of
// three letters or more.
func isDeclinedPatronymic(w string) bool {
	if !IsCyrillic(w) {
		return isPatronymic(FoldName(w))
	}
	r := []rune(strings.ToLower(w))
	for cut := 0; cut <= 3 && cut < len(r); cut++ {
		head, n := string(r[:len(r)-cut]), len(r)-cut
		if strings.HasSuffix(head, "вич") && n >= 6 || strings.HasSuffix(head, "вн") && n >= 5 {
			return true
		}
	}
	return false
}

// otherEastSlavic is the language whose spellings MT leaves in lang's text.
func otherEastSlavic(lang string) string {
	switch lang {
	case "ru":
		return "uk"
	case "uk":
		return "ru"
	}
	return ""
}

func isPatronymicRune(r rune) bool {
	return unicode.IsLetter(r) || r == '\'' || r == '’' || r == 'ʼ'
}

// adjacentWords reports whether only spaces lie between two words.
func adjacentWords(text string, end, start int) bool {
	return start > end && strings.TrimSpace(text[end:start]) == ""
}
