package names

import (
	"slices"
	"strings"
)

// variantKind says what a word of a candidate form is with respect to the
// text's language, which decides whether meeting it exactly is an error.
type variantKind uint8

const (
	kindRight      variantKind = iota // a word of a preferred or admitted form
	kindDeprecated                    // a word of a deprecated form in lang
	kindTranslit                      // a romanization of a Cyrillic form
	kindForeign                       // a form of another language, same script
)

type variant struct {
	word string // folded
	kind variantKind
}

// entryView is one entry seen from one language: the words of its preferred
// form as slots, each with every variant that may stand in that position.
type entryView struct {
	slots [][]variant
}

// particles are name particles dropped before words are aligned, so that
// "Bashar al-Assad" (three words) lines up with Башар Асад (two).
var particles = map[string]bool{
	"al": true, "el": true, "ad": true, "bin": true, "ibn": true, "ben": true,
	"von": true, "van": true, "der": true, "den": true, "de": true, "da": true,
	"di": true, "du": true, "la": true, "le": true, "dos": true, "del": true,
	"fon": true,
}

// nameWords splits a folded name into words without particles, in the
// given-family order of nameShape.
func nameWords(folded string) []string {
	words := strings.Fields(folded)
	out := words[:0]
	for _, w := range words {
		if !particles[w] {
			out = append(out, w)
		}
	}
	return nameShape(out)
}

// rawNameWords splits an unfolded form into words the way foldNameWords
// does, without particles, keeping each word's original spelling (needed to
// transliterate and inflect Cyrillic words).
func rawNameWords(form string) []string {
	var out []string
	var buf [64]byte
	for start, i := nextNameWord(form, 0); start < i; start, i = nextNameWord(form, i) {
		if w := appendFoldedTranslit(buf[:0], form[start:i], SchemeBGN); len(w) > 0 && !particles[string(w)] {
			out = append(out, form[start:i])
		}
	}
	return out
}

// isCyrillicLang reports languages written in Cyrillic, whose texts take
// case forms of right names as right.
func isCyrillicLang(lang string) bool {
	switch lang {
	case "ru", "uk", "be", "bg", "sr", "mk", "kk":
		return true
	}
	return false
}

// newEntryView builds the slots of e for text in lang. With lastOnly only the
// family-name slot is filled, which is all a one-word run is compared with.
// Terms with another word count contribute their first and last words to the
// first and last slots.
func newEntryView(e *Entry, lang string, lastOnly bool) entryView {
	base := strings.Fields(string(foldNameWords(nil, e.Preferred(lang)).words))
	v := entryView{slots: make([][]variant, len(base))}
	if len(base) == 0 {
		return v
	}
	for i, w := range base {
		if !lastOnly || i == len(base)-1 {
			v.slots[i] = append(v.slots[i], variant{w, kindRight})
		}
	}
	cyrText := isCyrillicLang(lang)
	for _, t := range e.Terms {
		kind, ok := termKind(t, lang, cyrText)
		if !ok {
			continue
		}
		words := rawNameWords(t.Form)
		for j, w := range words {
			slot := j
			if len(words) != len(base) {
				switch j {
				case len(words) - 1:
					slot = len(base) - 1
				case 0:
					slot = 0
				default:
					continue // word counts differ: middle words do not align
				}
			}
			if lastOnly && slot != len(base)-1 {
				continue
			}
			v.slots[slot] = addWordVariants(v.slots[slot], w, t.Lang, kind, cyrText)
		}
	}
	return v
}

// termKind classifies a term for text in lang; ok is false for terms that
// cannot appear in such a text as a mangled name.
func termKind(t Term, lang string, cyrText bool) (variantKind, bool) {
	switch {
	case t.Status == FalseFriend:
		return 0, false
	case t.Lang == lang && (t.Status == Preferred || t.Status == Admitted):
		return kindRight, true
	case t.Lang == lang:
		return kindDeprecated, true
	}
	cyrTerm := IsCyrillic(t.Form)
	switch {
	case cyrTerm == cyrText:
		return kindForeign, true
	case cyrTerm:
		return kindTranslit, true
	}
	return 0, false // Latin forms are not romanized back into Cyrillic
}

// addWordVariants adds the variants one term word contributes to a slot.
func addWordVariants(slot []variant, raw, termLang string, kind variantKind, cyrText bool) []variant {
	switch {
	case kind == kindTranslit:
		schemes, press := ruSchemes, ruPressSchemes
		if termLang == "uk" {
			schemes, press = ukSchemes, ukPressSchemes
		}
		forms := append([]string{raw}, CaseForms(raw, termLang)...)
		var buf [64]byte
		for _, s := range schemes {
			for _, form := range forms {
				slot = addVariantBytes(slot, appendFoldedTranslit(buf[:0], form, s), kind)
			}
		}
		for _, s := range press {
			slot = addVariantBytes(slot, appendFoldedTranslit(buf[:0], raw, s), kind)
		}
	case kind == kindRight && cyrText:
		// Inflected right names are right in Russian and Ukrainian text.
		var buf [64]byte
		slot = addVariantBytes(slot, appendFoldedTranslit(buf[:0], raw, SchemeBGN), kind)
		for _, form := range CaseForms(raw, termLang) {
			slot = addVariantBytes(slot, appendFoldedTranslit(buf[:0], form, SchemeBGN), kind)
		}
	default:
		var buf [64]byte
		slot = addVariantBytes(slot, appendFoldedTranslit(buf[:0], raw, SchemeBGN), kind)
	}
	return slot
}

// addVariant adds w unless present; a right reading of a word wins over a
// wrong one, so the kinds are kept at their most lenient.
func addVariant(slot []variant, w string, kind variantKind) []variant {
	if w == "" {
		return slot
	}
	if i := slices.IndexFunc(slot, func(v variant) bool { return v.word == w }); i >= 0 {
		slot[i].kind = min(slot[i].kind, kind)
		return slot
	}
	return append(slot, variant{w, kind})
}

// addVariantBytes is addVariant for a word in a scratch buffer; the string is
// only allocated when the word is new.
func addVariantBytes(slot []variant, w []byte, kind variantKind) []variant {
	for i := range slot {
		if slot[i].word == string(w) {
			slot[i].kind = min(slot[i].kind, kind)
			return slot
		}
	}
	if len(w) == 0 {
		return slot
	}
	return append(slot, variant{string(w), kind})
}
