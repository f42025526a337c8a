package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Russian text translated from Belarusian, or written from Belarusian
// sources, keeps Belarusian spellings of names: Ціханоўская for
// Тихановская, Навальнага for Навального, Залужны for Залужный, Бахмутам for
// Бахмутом. The letters і and ў and the endings that akanye and Belarusian
// declension give (-ага, -аму, -ай, -ам, -ы) are rewritten the Russian way,
// word by word, and the run is looked up again: when it is then a right
// form of an entry, the Belarusian spelling is the error. Whatever rule
// finds a name so spelled, the suggestion takes its case from the run
// rewritten (see suggestionForRun): Калеснікавай is in the instrumental,
// Колесниковой, though its letters are closer to Колесникова.

// belarusianEnds maps Belarusian endings (after і → и, ў → в) to Russian
// ones, longest first; the first that fits is used.
var belarusianEnds = [...][2]string{
	{"ага", "ого"}, {"яга", "его"}, {"аму", "ому"}, {"яму", "ему"},
	{"ыя", "ия"}, {"ыю", "ию"}, {"ыі", "ии"}, {"ый", "ый"},
	{"ай", "ой"}, {"яй", "ей"}, {"ам", "ом"}, {"ям", "ем"},
	{"ски", "ский"}, {"цки", "цкий"}, {"ы", "ый"},
}

// belarusianSpelling returns a hit when the run, rewritten from Belarusian
// spelling to Russian, is a right form in a Russian text.
func (f *Fuzzy) belarusianSpelling(run, lang string, minConf float64) (runResult, bool) {
	if lang != "ru" || confSpelling < minConf || !IsCyrillic(run) {
		return runResult{}, false
	}
	russian, changed := russianSpelling(run)
	if !changed {
		return runResult{}, false
	}
	// Belarusian writes ы after hard consonants where Russian has и
	// (Вашынгтон, Крысціян), but Russian names have ы too (Сырский): both
	// readings are tried.
	cands := [...]string{russian, strings.NewReplacer("ы", "и", "Ы", "И").Replace(russian)}
	for _, cand := range cands {
		r := f.matchRunAs(cand, lang, false, 0, false, true)
		if r.verdict == verdictRight && len(r.entries) > 0 {
			return runResult{verdict: verdictHit, entries: r.entries, conf: confSpelling, words: r.words}, true
		}
	}
	// The run rewritten is a near miss of a name (Крысціян Ліндэр, read
	// Кристиян Линдер, is Кристиан Линднер): the rewriting is a reading of
	// the run, not evidence, so the hit keeps the near miss's confidence.
	var near runResult
	for _, cand := range cands {
		r := f.matchRunAs(cand, lang, false, minConf, false, true)
		if r.verdict == verdictHit && len(r.entries) > 0 && r.conf >= minConf && r.conf > near.conf {
			near = runResult{verdict: verdictHit, entries: r.entries, conf: min(r.conf, confSpelling), words: r.words, respelled: r.respelled}
		}
	}
	if near.verdict == verdictHit {
		return near, true
	}
	// Akanye: Belarusian writes the unstressed о as а, and no ь after р
	// (Харкаў, Харьков; Буданаў, Буданов). A near hit whose Russian forms
	// differ from the rewritten run only so is the same name.
	for _, cand := range cands {
		r := f.matchRunAs(cand, lang, false, 0, false, true)
		if r.verdict != verdictHit {
			continue
		}
		for _, idx := range r.entries {
			if respelled, ok := f.akanyeForm(cand, f.entry(idx)); ok {
				return runResult{verdict: verdictHit, entries: []int32{idx}, conf: confSpelling, words: r.words, respelled: respelled}, true
			}
		}
	}
	return f.belarusianLoanword(cands[:]) // fuzzy_belarusian_loanword.go
}

// akanyeForm returns run with each word replaced by the Russian form of e
// (in any case) that it writes with akanye, if every word has one.
func (f *Fuzzy) akanyeForm(run string, e entryRef) (string, bool) {
	var forms []string
	g := entryGender(e)
	for _, t := range e.Terms() {
		if t.Lang != "ru" || (t.Status != Preferred && t.Status != Admitted) {
			continue
		}
		words := appendRawNameWords(nil, t.Form)
		for i, w := range words {
			right, _ := nameCaseForms(w, "ru", roleOf(i, len(words)), g)
			forms = append(append(forms, w), right...)
		}
	}
	var b strings.Builder
	pos := 0
	for start, end := nextNameWord(run, 0); start < end; start, end = nextNameWord(run, end) {
		key := akanyeKey(run[start:end])
		i := slices.IndexFunc(forms, func(form string) bool { return akanyeKey(form) == key })
		if i < 0 {
			return "", false
		}
		b.WriteString(run[pos:start])
		b.WriteString(forms[i])
		pos = end
	}
	b.WriteString(run[pos:])
	return b.String(), pos > 0
}

// akanyeKey folds what akanye and Belarusian spelling change: о is а, ё is
// е, ь and ъ are gone, and a doubled letter is single (Кірыл, Кирилл).
func akanyeKey(w string) string {
	r := []rune(akanyeFold.Replace(strings.ToLower(w)))
	out := r[:0]
	for i, c := range r {
		if i == 0 || c != r[i-1] {
			out = append(out, c)
		}
	}
	return string(out)
}

var akanyeFold = strings.NewReplacer("о", "а", "ё", "е", "ь", "", "ъ", "")

// belarusianLetters are the spellings of Belarusian that Russian writes
// otherwise: ць and дз before soft vowels (Ціханоўская, Тихановская), ў, і,
// and э after a consonant (Зёдэр, Зёдер).
var belarusianLetters = strings.NewReplacer(
	"ці", "ти", "Ці", "Ти", "ць", "ть", "цё", "тё", "ця", "тя", "цю", "тю", "це", "те",
	"дзі", "ди", "Дзі", "Ди", "дзь", "дь", "дзе", "де", "дзя", "дя", "дзю", "дю",
	"і", "и", "І", "И", "ў", "в", "Ў", "В",
	// Russian never writes ы after ж, ш, ч, щ (Вашынгтон, Вашингтон).
	"жы", "жи", "шы", "ши", "чы", "чи", "щы", "щи",
)

// russianSpelling rewrites each word of run that is spelled the
// Belarusian way into Russian spelling; changed is false when none is.
//
// A word whose only Belarusian letter is і (which Ukrainian shares) or э
// (which Russian writes in some foreign names) is rewritten too when
// another word of the run is Belarusian and none is Ukrainian: the given
// name goes with its family name (Энтані Блінкенам, Энтони Блинкеном), a
// particle with the name (Урсулай фон дэр Ляйен).
func russianSpelling(run string) (string, bool) {
	var b strings.Builder
	changed := false
	pos := 0
	belarusianRun := false
	for start, end := nextNameWord(run, 0); start < end; start, end = nextNameWord(run, end) {
		w := strings.ToLower(run[start:end])
		if strings.ContainsAny(w, "єїґ") {
			belarusianRun = false
			break
		}
		belarusianRun = belarusianRun || isBelarusianSpelling(w)
	}
	for start, end := nextNameWord(run, 0); start < end; start, end = nextNameWord(run, end) {
		b.WriteString(run[pos:start])
		w := run[start:end]
		if isBelarusianSpelling(w) || belarusianRun && strings.ContainsAny(w, "іІэЭ") {
			r := respellE(belarusianLetters.Replace(w))
			for _, e := range belarusianEnds {
				if hasSuffixFold(r, e[0]) && utf8.RuneCountInString(r) > utf8.RuneCountInString(e[0])+2 {
					r = r[:len(r)-len(e[0])] + e[1]
					break
				}
			}
			changed = changed || r != w
			w = r
		}
		b.WriteString(w)
		pos = end
	}
	b.WriteString(run[pos:])
	return b.String(), changed
}

// isBelarusianSpelling tells a Belarusian word from a Ukrainian one, both
// of which have і: Belarusian has ы and ў and the endings of akanye
// (-ага, -аму, -ай, -ам); Ukrainian has є, ї, ґ and -ого, -ому, -ою, -ові.
func isBelarusianSpelling(w string) bool {
	lower := strings.ToLower(w)
	if strings.ContainsAny(lower, "єїґ") {
		return false
	}
	if strings.ContainsAny(lower, "ыў") {
		return true
	}
	// Ukrainian has no э, and Russian no і: a word with both is
	// Belarusian (Ліндэр, Брусэлі).
	if strings.ContainsRune(lower, 'і') && strings.ContainsRune(lower, 'э') {
		return true
	}
	for _, end := range [...]string{"ага", "яга", "аму", "яму", "ай", "яй", "ам"} {
		if strings.HasSuffix(lower, end) {
			return true
		}
	}
	return false
}

// respellE writes Belarusian э after a consonant as Russian е (Столтэнберг,
// Столтенберг); at the start of a word and after a vowel both write э.
func respellE(w string) string {
	r := []rune(w)
	for i := 1; i < len(r); i++ {
		if (r[i] == 'э' || r[i] == 'Э') && isCyrillicConsonant(cyrillicLower(r[i-1])) {
			r[i] = 'е'
		}
	}
	return string(r)
}

// russianReadings are the Russian spellings of a word of a Belarusian text
// (a source): its letters and endings rewritten (Германіі → Германии,
// Вільнюсе → Вильнюсе), with ы read as ы and as и.
func russianReadings(word string) []string {
	r := respellE(belarusianLetters.Replace(word))
	for _, e := range belarusianEnds {
		if hasSuffixFold(r, e[0]) && utf8.RuneCountInString(r) > utf8.RuneCountInString(e[0])+2 {
			r = r[:len(r)-len(e[0])] + e[1]
			break
		}
	}
	out := []string{r}
	if i := strings.NewReplacer("ы", "и", "Ы", "И").Replace(r); i != r {
		out = append(out, i)
	}
	return out
}

// belarusianParticleRun returns a hit for text[start:end], a name with
// particles, when the run rewritten from Belarusian spelling is a right
// form of the entry idx: the rewriting names the case the given name is in
// (Урсулай фон дэр Ляйен, Урсулой фон дер Ляйен).
func (f *Fuzzy) belarusianParticleRun(text, lang string, start, end int, idx int32) (Hit, bool) {
	run := text[start:end]
	if lang != "ru" || !IsCyrillic(run) {
		return Hit{}, false
	}
	russian, changed := russianSpelling(run)
	if !changed {
		return Hit{}, false
	}
	for _, cand := range [...]string{russian, strings.NewReplacer("ы", "и", "Ы", "И").Replace(russian)} {
		r := f.matchRunAs(cand, lang, false, 0, false, true)
		if r.verdict == verdictRight && slices.Contains(r.entries, idx) {
			h := f.hitFor(idx, run, lang, r.words, confSpelling)
			h.Start, h.End, h.Text, h.Suggestion = start, end, run, cand
			return h, true
		}
	}
	return Hit{}, false
}
