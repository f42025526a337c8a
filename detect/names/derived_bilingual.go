package names

import (
	"slices"
	"strings"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// Translated false friends. A name that is an ordinary English word is
// sometimes translated rather than transcribed: Tim Cook becomes German
// "Tim Koch", Russian "Тим Повар", Ukrainian "Тім Кухар"; Bill Gates "Bill
// Tore", "Билл Ворота"; Donald Trump "Дональд Козырь". The other derived
// false friends (derived.go) spell a name in the target's letters; these
// translate it, through the dictionary table of detect/lexicon
// (lexicon.Translations, made from Debian's bilingual dictionaries).
//
// The source is the family name of each of the entry's right English forms,
// when the English lexicon lists it in lower case (an ordinary word: cook,
// gates, swift, trump) and it has derivedMinRunes letters or more. The
// candidates are its translations into each target that has a lexicon and a
// dictionary, de, ru and uk, with, for a Russian or Ukrainian adjective, its
// feminine (Тейлор Швидка for Taylor Swift), and for Russian and Ukrainian
// the genitive, whose suggestion is the name in the genitive ("Повара" →
// "Кука"; translatedForms). The candidates then pass the same tests as the
// transliterated ones in WithDerivedFalseFriends: one entry only derives
// them, no entry lists them, and the entry has a right form in their
// language. The matcher's context scoring decides each occurrence, without
// the lift of consistency (translatedConsistency): "Tim Koch sagte" is
// flagged, "der Koch kocht" is not.

// translatedMinRunes keeps the shortest translations out, for
// derivedMinRunes' reason: three-letter words ("раз" for bout, "лес" for
// wood, "Tor") are among a language's most frequent, and would be flagged
// near every mention of their entry that lacks a cue against.
const translatedMinRunes = derivedMinRunes

// bilingualTargets are the languages the table translates into.
var bilingualTargets = [...]string{"de", "ru", "uk"}

// translatedCandidates appends to out the translations into the targets of
// the entry's English family names that are ordinary English words. A
// person's family name is the last word of the name; a place or an
// organisation is translated only when its English name is one word (China
// → фарфор, Turkey → Truthahn, Apple → яблоко): a name of several words is
// translated as a phrase, whose last word alone ("States" of United States →
// Zustände) stands for nothing. A glossary term gets none: its translation is
// its right rendering, not a mangled name.
func (sc *derivedScratch) translatedCandidates(e *Entry, targets []derivedTarget, out []derivedForm) []derivedForm {
	if e.Type == "term" {
		return out
	}
	for _, t := range e.Terms {
		if t.Lang != "en" || !derivedIsRight(t.Status) {
			continue
		}
		family := derivedFamilyName(t.Form)
		// The length first: it is cheap. The table's headwords are ordinary
		// English words (lexicon.Translations), so it is the lexicon test.
		if len(family) < derivedMinRunes || !sc.memo.hasTranslations(family) ||
			(e.Type != "person" && len(family) != len(strings.TrimFunc(t.Form, derivedIsSeparator))) {
			continue
		}
		for _, tg := range targets {
			if !isBilingualTarget(tg.lang) {
				continue
			}
			for _, w := range lexicon.Translations(family, tg.lang) {
				if !translatedIsOwnWord(e, tg.lang, w) {
					out = translatedAdd(out, tg.lang, w)
				}
			}
		}
	}
	return out
}

// translatedIsOwnWord reports a translation made from the entry's own name
// in lang, which the dictionary lists beside the word's senses: China →
// китайский (Chinese), beside фарфор (china). It begins with a right form of
// the entry, folded, of four letters or more.
func translatedIsOwnWord(e *Entry, lang, w string) bool {
	for _, t := range e.Terms {
		if t.Lang == lang && derivedIsRight(t.Status) && utf8.RuneCountInString(t.Form) >= derivedMinRunes &&
			len(w) >= len(t.Form) && strings.EqualFold(w[:len(t.Form)], t.Form) {
			return true
		}
	}
	return false
}

func isBilingualTarget(lang string) bool {
	for _, l := range bilingualTargets {
		if l == lang {
			return true
		}
	}
	return false
}

// translatedAdd appends the forms of the translation w in lang that are
// words of its lexicon (translatedForms).
func translatedAdd(out []derivedForm, lang, w string) []derivedForm {
	nominatives, genitives := translatedForms(w, lang)
	for _, f := range nominatives {
		out = derivedAdd(out, lang, []byte(f))
	}
	for _, f := range genitives {
		out = derivedAdd(out, lang, []byte(f))
	}
	return out
}

// translatedForms gives the forms of the translation w in lang that are
// derived, folded to lower case: nominatives, w itself and, for a Russian
// or Ukrainian adjective, its feminine (Тейлор Швидка for Taylor Swift);
// and genitives, in Russian and Ukrainian only ("по словам Повара", "за
// словами Кухаря"), which take the family name in the genitive as their
// suggestion (translatedSuggestion). Each is a word of lang's lexicon, of
// translatedMinRunes letters or more. The other oblique cases are left out:
// the genitive is the one attribution ("according to") and possession put a
// name in, and each further case adds ordinary words to match.
func translatedForms(w, lang string) (nominatives, genitives []string) {
	if utf8.RuneCountInString(w) < translatedMinRunes {
		return nil, nil
	}
	w = strings.ToLower(w)
	nominatives = append(nominatives, w)
	for _, f := range feminineAdjective(w, lang) {
		if derivedIsWord(lang, f) {
			nominatives = append(nominatives, f)
		}
	}
	if lang != "ru" && lang != "uk" {
		return nominatives, nil
	}
	var candidates []string
	if cases := CaseForms(w, lang); len(cases) > 0 {
		candidates = append(candidates, cases[0]) // the genitive comes first (translit_cases.go)
	}
	if r, _ := utf8.DecodeLastRuneInString(w); lang == "uk" && isCyrillicConsonant(r) {
		candidates = append(candidates, w+"я") // the soft group, which CaseForms does not know: кухар → кухаря
	}
	for _, f := range candidates {
		if f != w && derivedIsWord(lang, f) && !slices.Contains(genitives, f) {
			genitives = append(genitives, f)
		}
	}
	return nominatives, genitives
}

// translatedSuggestion is what replaces t, a false friend of e: for the
// genitive of a translation (translatedForms), the family name of the
// entry's preferred form in t's language in the genitive ("Повара" →
// "Кука"), or the family name itself when it does not decline; "" for any
// other term, which takes the entry's form. The matcher asks only for the
// wrong forms it finds in a text.
func translatedSuggestion(e entryRef, t Term) string {
	if !t.Derived || t.Status != FalseFriend || t.Lang != "ru" && t.Lang != "uk" {
		return ""
	}
	if _, genitive := translatedKind(e, t.Lang, t.Form); !genitive {
		return ""
	}
	family := derivedFamilyName(e.Preferred(t.Lang))
	if cases := CaseForms(family, t.Lang); len(cases) > 0 {
		return cases[0] // the genitive comes first (translit_cases.go)
	}
	return family
}

// translatedKind reports whether form is a translated false friend of e in
// lang, and whether it is a genitive.
func translatedKind(e entryRef, lang, form string) (translated, genitive bool) {
	for _, en := range e.Terms() {
		if en.Lang != "en" || !derivedIsRight(en.Status) {
			continue
		}
		for _, w := range lexicon.Translations(derivedFamilyName(en.Form), lang) {
			nominatives, genitives := translatedForms(w, lang)
			if slices.Contains(genitives, form) {
				return true, true
			}
			if slices.Contains(nominatives, form) {
				translated = true
			}
		}
	}
	return translated, false
}

// feminineAdjective gives the feminine nominatives a Russian or Ukrainian
// masculine adjective may have: быстрый → быстрая, синий → синяя, строгий →
// строгая; швидкий → швидка, синій → синя. The caller keeps those its
// lexicon knows; a noun yields nothing or a non-word.
func feminineAdjective(w, lang string) []string {
	switch lang {
	case "ru":
		for _, end := range []string{"ый", "ой"} {
			if stem, ok := strings.CutSuffix(w, end); ok {
				return []string{stem + "ая"}
			}
		}
		if stem, ok := strings.CutSuffix(w, "ий"); ok {
			return []string{stem + "ая", stem + "яя"}
		}
	case "uk":
		if stem, ok := strings.CutSuffix(w, "ий"); ok {
			return []string{stem + "а"}
		}
		if stem, ok := strings.CutSuffix(w, "ій"); ok {
			return []string{stem + "я"}
		}
	}
	return nil
}

// translatedConsistency: the context scoring lifts a false friend that has
// no cue of its own when another occurrence in the text reads as the name
// (featConsistent): a translation that writes Trump as "tramp" does so
// throughout. A translated false friend gets no such lift. It is a common
// word of the text's own language (Koch, повар, ворота), and an article that
// uses it once for the person uses it in its own sense as well ("der Koch
// des Restaurants", "ворота стадиона"); each occurrence stands on its own
// cues. Hits are marked by isTranslatedTerm when the matcher makes them.

// isTranslatedTerm reports whether the derived false friend t of e is a
// translation of the family name of one of e's right English forms, rather
// than a transliteration. The matcher asks only for the false friends it
// finds in a text.
func isTranslatedTerm(e entryRef, t Term) bool {
	if !t.Derived || t.Status != FalseFriend || !isBilingualTarget(t.Lang) {
		return false
	}
	translated, _ := translatedKind(e, t.Lang, t.Form)
	return translated
}
