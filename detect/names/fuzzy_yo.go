package names

import "strings"

// Russian may write ё as е, and a name's right form in е stays right with
// either letter where the name has ё (Хрущёв, Хрущев). The reverse is an
// error: ё where the name has е changes its sound ("Пёсков" for Песков), a
// slip MT makes from a transcription. The spelling check (cyrFold) reads ё
// as е both ways, so it is told apart here. Ukrainian has no ё at all: in
// a Ukrainian text every ё is a Russian spelling left ("Семён" for Семен,
// "у Кишинёві" for у Кишиневі).

// yoWhereE reports whether run, in a Russian or Ukrainian text, writes ё
// where every right form of the entries in lang has none; then run with е
// is the suggestion.
func (f *Fuzzy) yoWhereE(run, lang string, entries []int32) (string, bool) {
	if lang != "ru" && lang != "uk" || !strings.ContainsAny(run, "ёЁ") || lang == "ru" && yoInStressedEnding(run) {
		return "", false
	}
	for _, idx := range entries {
		for _, t := range f.entry(idx).Terms() {
			if t.Lang == lang && isRight(t.Status) && strings.ContainsAny(t.Form, "ёЁ") {
				return "", false
			}
		}
	}
	return strings.NewReplacer("ё", "е", "Ё", "Е").Replace(run), true
}

// yoSpelling is the hit for a run that matches nothing as written: its ё
// romanize as "yo", so "Лебёдеве" is no romanization of Лебедев. Read with
// е, it is a right form, whose ё the run invented.
func (f *Fuzzy) yoSpelling(run, lang string, minConf float64) (runResult, bool) {
	if lang != "ru" && lang != "uk" || confSpelling < minConf || !strings.ContainsAny(run, "ёЁ") {
		return runResult{}, false
	}
	r := f.matchRun(strings.NewReplacer("ё", "е", "Ё", "Е").Replace(run), lang, false, 0, false)
	if r.verdict != verdictRight || len(r.entries) == 0 {
		return runResult{}, false
	}
	respelled, ok := f.yoWhereE(run, lang, r.entries)
	if !ok {
		return runResult{}, false
	}
	return runResult{verdict: verdictHit, entries: r.entries, conf: confSpelling, words: r.words, respelled: respelled}, true
}

// yoInStressedEnding reports whether run's only ё is that of a stressed
// instrumental ending, -ём or -ёй (-ёю) after a soft consonant or a vowel:
// Russian declines a name so as it declines a noun, and a name in -ня or
// -рь whose ending takes the stress writes it (Худня: Худнёй, like
// головнёй; Кобзарь: Кобзарём). The е spelling is right as well, and the
// stress of a foreign name is not known, so either is right. After ж, ш,
// ч, щ and ц Russian writes a stressed ending with о (Шольцом), so ё there,
// like ё in the stem (Пёсков), stays an error.
func yoInStressedEnding(run string) bool {
	for _, w := range strings.Fields(run) {
		r := []rune(w)
		at := -1
		for j, c := range r {
			if c == 'ё' || c == 'Ё' {
				if at >= 0 {
					return false
				}
				at = j
			}
		}
		if at < 0 {
			continue
		}
		end := strings.ToLower(string(r[at:]))
		if at < 2 || end != "ём" && end != "ёй" && end != "ёю" || strings.ContainsRune("жшчщцЖШЧЩЦ", r[at-1]) {
			return false
		}
	}
	return true
}
