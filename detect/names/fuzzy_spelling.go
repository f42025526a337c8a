package names

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Languages written in Cyrillic spell a name each in their own way: Путин
// and Путін, Зеленский and Зеленський, Кулебы and Кулеби are one name in
// Russian and in Ukrainian. Romanized they are the same (putin, zelenskiy),
// so the fuzzy index, which compares romanizations, calls either right in
// either language. In a text of a Cyrillic language only the spellings of
// that language are right: the other's, which MT between Russian and
// Ukrainian leaves behind, are wrong forms, and nearly certain ones, since
// their letters already say which name they are.

// confDiacritics is the confidence of a Latin run whose letters are right
// but whose diacritics are not the glossary's: below a single word's
// threshold (confGenerated), so a lone word needs the text's mention.
const confDiacritics = 0.8

// confSpelling is the confidence of a run that romanizes to a right form
// but is spelled as another language spells it: strong enough for a single
// word (see confGenerated).
const confSpelling = confGenerated

// In Latin script the romanization drops diacritics: "Orban" and "Orbán"
// are one name, and a text in a language whose glossary form is "Orbán"
// holds a wrong form, in the languages that write a name the same in every
// case (the German genitive s aside). That evidence is weaker than a
// Cyrillic spelling (some house styles drop accents): a lone word is
// flagged only when the text names the person elsewhere.

// latinSpellingLangs are the languages whose names keep one spelling in
// every grammatical case.
func latinSpellingLang(lang string) bool {
	switch lang {
	case "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "no":
		return true
	}
	return false
}

// speller compares the words of a run with right forms in one language
// and script.
type speller struct {
	lang     string
	g        gender
	cyrillic bool
}

// misspelled is match's last word on a run it found right by romanization
// in the entries rights: the run must also be spelled as one of those
// entries spells the name in lang (in Cyrillic languages, in any case
// form). It returns the hit when none does; an entry that has no form in
// lang and the run's script to judge by keeps the run right.
func (f *Fuzzy) misspelled(run, lang string, k int, rights []int32) (runResult, bool) {
	cyr := IsCyrillic(run)
	var conf float64
	switch {
	case cyr && isCyrillicLang(lang):
		conf = confSpelling
	case !cyr && latinSpellingLang(lang):
		conf = confDiacritics
	default:
		return runResult{}, false
	}
	words := appendRawNameWords(nil, trimPossessive(run))
	if len(words) == k+1 && k >= 2 && isDeclinedPatronymic(words[1]) {
		// Given Patronymic Family, read as given and family: the
		// patronymic is the text's (foreignPatronymics judges its
		// spelling), and it must not hide a misspelled family name.
		words = append(words[:1], words[2:]...)
	} else if len(words) != k {
		return runResult{}, false
	} else if respelled, ok := f.yoWhereE(run, lang, rights); ok {
		// (with the patronymic the whole run is not the form: its ё is
		// the text's to write)
		return runResult{verdict: verdictHit, entries: rights, conf: conf, words: k, respelled: respelled}, true
	}
	for _, idx := range rights {
		e := f.entry(idx)
		if !(speller{lang: lang, g: entryGender(e), cyrillic: cyr}).wrong(e, words) && shapeSuggestion(e, lang, run, k) == "" {
			return runResult{}, false
		}
	}
	if !cyr {
		if sure := f.untranslated(lang, words, rights); len(sure) > 0 {
			return runResult{verdict: verdictHit, entries: sure, conf: confSpelling, words: k}, true
		}
	}
	return runResult{verdict: verdictHit, entries: rights, conf: conf, words: k}, true
}

// spelledElsewhere raises a hit in a Cyrillic language to confSpelling
// when the run is exactly how another Cyrillic language spells the entry,
// in one of that language's case forms: "Москве" in a Ukrainian text is
// Russian's Москва, nothing else. The other entries of the hit are dropped.
func (f *Fuzzy) spelledElsewhere(run, lang string, res runResult) runResult {
	if !isCyrillicLang(lang) || !IsCyrillic(run) {
		return res
	}
	words := appendRawNameWords(nil, trimPossessive(run))
	if len(words) != res.words {
		return res
	}
	var sure []int32
	for _, idx := range res.entries {
		e := f.entry(idx)
		for _, t := range e.Terms() {
			if t.Lang == lang || !isCyrillicLang(t.Lang) || (t.Status != Preferred && t.Status != Admitted) || !IsCyrillic(t.Form) {
				continue
			}
			if (speller{lang: t.Lang, g: entryGender(e), cyrillic: true}).spelledForm(appendRawNameWords(nil, t.Form), words) {
				sure = append(sure, idx)
				break
			}
		}
	}
	if len(sure) == 0 {
		return res
	}
	res.entries, res.conf = sure, confSpelling
	return res
}

// spelledForm reports whether words are the form's words as s spells and
// declines them, lined up as wrong lines them up (a lone word with the
// family name only).
func (s speller) spelledForm(form, words []string) bool {
	n := len(form)
	switch k := len(words); {
	case n == 0:
		return false
	case k == n:
		return s.allSpelled(form, words, false) && s.agreeInCase(form, words) || n > 1 && s.allSpelled(form, words, true)
	case k == 1:
		return s.spelled(form[n-1], words[0], roleFamily)
	case k == 2 && n > 2:
		return s.spelled(form[0], words[0], roleGiven) && s.spelled(form[n-1], words[1], roleFamily)
	}
	return false
}

// wrong reports whether e judges words (a run of a text in s.lang) wrongly
// spelled: e has a right form in the language and the run's script, the
// run's words line up with one of its forms' words, and no such line-up
// has every word spelled right. A lone word that lines up with a given
// name only is not judged: a given name alone is shared by too many people
// to say whose it is.
func (s speller) wrong(e entryRef, words []string) bool {
	judged := false
	for _, t := range e.Terms() {
		if t.Lang != s.lang || (t.Status != Preferred && t.Status != Admitted) || IsCyrillic(t.Form) != s.cyrillic {
			continue
		}
		form := appendRawNameWords(nil, t.Form)
		n := len(form)
		switch k := len(words); {
		case n == 0:
		case k == 1:
			if s.spelledForm(form, words) || n > 1 && s.spelled(form[0], words[0], roleGiven) {
				return false
			}
			if n == 1 || !s.sameWord(form[0], words[0]) {
				judged = true
			}
		case k == n, k == 2 && n > 2:
			judged = true
			if s.spelledForm(form, words) {
				return false
			}
		}
	}
	return judged
}

// allSpelled reports whether every word is spelled as the form's word in
// the same place, in the form's order or (familyFirst) in the order of
// lists and records, "PUTIN Vladimir".
func (s speller) allSpelled(form, words []string, familyFirst bool) bool {
	n := len(form)
	for i, w := range words {
		j, role := i, roleOf(i, n)
		if familyFirst {
			j = (i + n - 1) % n
			role = roleOf(j, n)
		}
		if !s.spelled(form[j], w, role) {
			return false
		}
	}
	return true
}

func roleOf(i, n int) nameRole {
	switch {
	case n > 1 && i == n-1:
		return roleFamily
	case n > 1 && i == 0:
		return roleGiven
	}
	return roleOther
}

// spelled reports whether word is right as the language spells it: in
// Cyrillic right itself or one of its case forms (a relative's form
// included: that is no misspelling); in Latin script right with its
// diacritics, or its German genitive.
func (s speller) spelled(right, word string, role nameRole) bool {
	if !s.cyrillic {
		r, w := latinFold(right), latinFold(word)
		return r == w || isGermanic(s.lang) && (w == r+"s" || w == r+"'")
	}
	w := cyrFold(word)
	if cyrFold(right) == w {
		return true
	}
	forms, relatives := nameCaseForms(right, s.lang, role, s.g)
	for _, list := range [][]string{forms, relatives} {
		for _, f := range list {
			if cyrFold(f) == w {
				return true
			}
		}
	}
	return false
}

// sameWord reports whether word romanizes as right does, or (in Cyrillic)
// as one of its case forms: the same word, however spelled.
func (s speller) sameWord(right, word string) bool {
	w := FoldName(word)
	if FoldName(right) == w {
		return true
	}
	if !s.cyrillic {
		return false
	}
	forms, _ := nameCaseForms(right, s.lang, roleGiven, s.g)
	for _, f := range forms {
		if FoldName(f) == w {
			return true
		}
	}
	return false
}

// latinFold is a Latin word as its spelling is compared: lowercase,
// composed, one apostrophe.
func latinFold(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r = unicode.ToLower(r); r {
		case '’', 'ʼ', '`', '′':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cyrFold is a Cyrillic word as its spelling is compared: lowercase, ё as
// е (Russian prints both), no stress marks, one apostrophe.
func cyrFold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r = unicode.ToLower(r); r {
		case 'ё':
			r = 'е'
		case '\u0301', '\u0300':
			continue
		case '’', 'ʼ', '`', '′':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}
