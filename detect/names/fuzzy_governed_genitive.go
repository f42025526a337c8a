package names

import "strings"

// A Russian noun of office governs the country's name in the genitive,
// and a person's name may follow: президент Польши Анджей Дуда,
// премьер-министр Казахстана Олжас Бектенов. MT from Belarusian and
// Ukrainian, whose prepositions and cases differ, writes the place in the
// dative or locative instead ("президент Польше Анджей Дуда"); that form
// is a right form of the name, so only the syntax shows the error. The
// rule asks for the whole pattern, office, place, name: Russian word order
// is free, and without the name the place may be a verb's object in its
// own case ("Президент Польше помог", "Сборная Венгрию обыграла"), which
// is right. It reads places only: a person after an office noun is in
// apposition and shares its case (президенту Туску).

// governingNouns are the stems of the nouns of office that govern the
// genitive of a place after them.
var governingNouns = [...]string{
	"президент", "премьер", "министр", "канцлер", "посол", "посл", "король", "корол", "королев", "глав",
	"лидер", "председател", "спикер", "губернатор", "мэр", "консул",
}

// governingWords govern the genitive in one form only: "дел" of the
// ministries' names (министр иностранных дел Польши), and МИД.
var governingWords = [...]string{"дел", "мид"}

// nounEnds are the endings of a Russian noun's cases after a stem of
// governingNouns ("" for the stem itself).
var nounEnds = [...]string{
	"", "а", "я", "у", "ю", "ом", "ем", "ой", "ей", "е", "ы", "и", "ов", "ев", "ам", "ям",
	"ами", "ями", "ах", "ях", "ью", "о", "ём", "ь",
}

// governedGenitives returns a hit for each one-word place name in a right
// form that is neither the genitive nor the nominative between a noun of
// governingNouns and a capitalised word in a Russian text, with the
// place's genitive as the suggestion.
func (f *Fuzzy) governedGenitives(text, lang string, toks []fzToken) []Hit {
	if lang != "ru" {
		return nil
	}
	var hits []Hit
	for j := 1; j < len(toks); j++ {
		t := toks[j]
		if !t.capital || !t.joinPrev || !governsGenitive(text[toks[j-1].start:toks[j-1].end]) {
			continue
		}
		if j+1 == len(toks) || !toks[j+1].capital || !toks[j+1].joinPrev || toks[j+1].known >= 0 && toks[j+1].known == t.known {
			continue // no person's name after it, or a word of a longer name
		}
		word := text[t.start:t.end]
		for _, nom := range nominativesOf(word) {
			if h, ok := f.governedPlace(word, nom); ok {
				h.Start, h.End = t.start, t.end
				hits = append(hits, h)
				break
			}
		}
	}
	return hits
}

// governedPlace returns a hit on word when nom is the right form of a place
// entry and word is that form in a case other than the nominative and the
// genitive.
func (f *Fuzzy) governedPlace(word, nom string) (Hit, bool) {
	for _, el := range f.rightEntries("ru", FoldName(nom)) {
		idx := int32(el & entryMask)
		e := f.entry(idx)
		if e.Type() != "place" || e.Preferred("ru") != nom {
			continue
		}
		if gen, ok := genitiveInstead(word, nom); ok {
			h := f.hitFor(idx, word, "ru", 1, confSpelling)
			h.Suggestion = gen
			return h, true
		}
	}
	return Hit{}, false
}

// oblique maps the ending of a Russian case form other than the genitive
// to the nominative endings it may come from (Польше, Польша; Казахстану,
// Казахстан).
var oblique = [...][2]string{
	{"ой", "а"}, {"ей", "я"}, {"ей", "а"}, {"ом", ""}, {"ем", "ь"}, {"ем", "й"},
	{"е", "а"}, {"е", ""}, {"е", "я"}, {"е", "ь"}, {"у", "а"}, {"у", ""}, {"ю", "я"}, {"ю", "ь"}, {"ю", "й"},
}

// nominativesOf is the nominatives word may be a case form of, by oblique.
func nominativesOf(word string) []string {
	var out []string
	for _, o := range oblique {
		if hasSuffixFold(word, o[0]) && len(word) > len(o[0])+2 {
			out = append(out, word[:len(word)-len(o[0])]+o[1])
		}
	}
	return out
}

// governsGenitive reports whether word is a case of a noun of
// governingNouns; in a compound (премьер-министр) its last part is the
// word.
func governsGenitive(word string) bool {
	if i := strings.LastIndexByte(word, '-'); i >= 0 {
		word = word[i+1:]
	}
	w := strings.ToLower(word)
	for _, g := range governingWords {
		if w == g {
			return true
		}
	}
	for _, stem := range governingNouns {
		if !strings.HasPrefix(w, stem) {
			continue
		}
		rest := w[len(stem):]
		for _, end := range nounEnds {
			if rest == end {
				return true
			}
		}
	}
	return false
}

// genitiveInstead returns the genitive of the one-word place name entry
// (its Russian form) in the capitals of word, when word is a form of it in
// a case other than the nominative and the genitive. A name in -ь, which
// may decline either way (fuzzy_feminine_soft.go), has no one genitive.
func genitiveInstead(word, entry string) (string, bool) {
	if strings.ContainsAny(entry, " -") || hasSuffixFold(entry, "ь") {
		return "", false
	}
	forms := labelledCaseForms(entry, "ru", roleOther, genderNone)
	var cases caseMask
	gen := ""
	for _, lf := range forms {
		if strings.EqualFold(lf.form, word) {
			cases |= lf.cases
		}
		if gen == "" && lf.cases&caseGen != 0 && lf.cases != caseAll {
			gen = lf.form
		}
	}
	if cases == 0 || cases&(caseNom|caseGen) != 0 || gen == "" {
		return "", false
	}
	return capitalLike(gen, word), true
}
