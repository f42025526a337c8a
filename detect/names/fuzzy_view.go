package names

import (
	"strings"
)

// variantKind says what a word of a candidate form is with respect to the
// text's language, which decides whether meeting it exactly is an error.
type variantKind uint8

const (
	kindRight      variantKind = iota // a word of a preferred or admitted form
	kindRelative                      // the other gender's form (see fuzzy_inflect.go); exact only
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
func rawNameWords(form string) []string { return appendRawNameWords(nil, form) }

// appendRawNameWords is rawNameWords into a reused slice; the words are
// substrings of form.
func appendRawNameWords(dst []string, form string) []string {
	var buf [64]byte
	for start, i := nextNameWord(form, 0); start < i; start, i = nextNameWord(form, i) {
		w := form[start:i]
		// A word too long for a particle, with a letter that folds to
		// something, is kept without folding it.
		if len(w) > maxParticleBytes && hasFoldingLetter(w) {
			dst = append(dst, w)
			continue
		}
		if f := appendFoldedTranslit(buf[:0], w, SchemeBGN); len(f) > 0 && !particles[string(f)] {
			dst = append(dst, w)
		}
	}
	return dst
}

// maxParticleBytes bounds the particles as written: three letters, in
// Cyrillic two bytes each ("фон", "ибн").
const maxParticleBytes = 6

// hasFoldingLetter reports a letter whose folded romanization is never
// empty: an ASCII letter or digit, or a Cyrillic letter other than a sign.
func hasFoldingLetter(w string) bool {
	for _, r := range w {
		switch lower := cyrillicLower(r); {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
			return true
		case lower >= 'а' && lower <= 'я' && lower != 'ь' && lower != 'ъ':
			return true
		}
	}
	return false
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

// newEntryView builds the slots of e for text in lang with the words as
// strings; with lastOnly only the family-name slot is filled. Lookups use
// slotView, which builds the same slots lazily into reused buffers.
func newEntryView(e entryRef, lang string, lastOnly bool) entryView {
	var sv slotView
	sv.reset(e, lang)
	v := entryView{slots: make([][]variant, sv.count())}
	for i := range v.slots {
		if lastOnly && i != len(v.slots)-1 {
			continue
		}
		for _, x := range sv.slot(i) {
			v.slots[i] = append(v.slots[i], variant{string(sv.text(x)), x.kind})
		}
	}
	return v
}

// slotView is one entry seen from one language, as newEntryView describes,
// built for entry after entry from the same buffers: a slot is filled only
// when a comparison asks for it (most candidates fail on the first slot
// looked at), and its variants are kept in one byte arena. Not safe for
// concurrent use.
type slotView struct {
	e       entryRef
	lang    string
	cyrText bool
	base    []byte // folded words of the preferred form, space-separated
	ends    []int  // base word i ends at ends[i]
	arena   []byte // the variants of every filled slot
	slots   [][]slotVariant
	filled  []bool
	raw     []string // scratch: raw words of a term
	forms   []string // scratch: a word and its case forms
	srcs    []wordSource
	gender  gender
	standIn bool          // see standsIn
	rels    []string      // scratch: relatives' forms of a word
	near    []slotVariant // evalSlot: variants within maxWordDist
	keys    [2]wordKey    // the phonetic keys of the last two words compared
	// noPhon defers the phonetic test (see scoreRecord): ev.phon stays
	// false.
	noPhon bool
	rows   editRows // for the bounds on a scheme's head (evalForms)
	bits   bitRows  // for the distances to variants
}

// wordSource is one word that contributes variants to a slot, and how.
type wordSource struct {
	word string // raw, as in the term (unused for sourceBase)
	lang string // the term's language
	kind variantKind
	mode sourceMode
	role nameRole // where the word stands in its term
}

type sourceMode uint8

const (
	sourceBase    sourceMode = iota // the slot's word of the preferred form, folded
	sourcePlain                     // the word romanized by BGN/PCGN (or folded, if Latin)
	sourceCases                     // BGN/PCGN of the word and of its case forms
	sourceSchemes                   // every scheme of the term's language, every case form
)

// schemes are the romanizations a source's forms go through.
func (src wordSource) schemes() schemeList {
	if src.mode == sourceCases {
		return schemeList{n: 1} // BGN/PCGN
	}
	return termSchemes(src.lang)
}

// schemeList is a short list of schemes, kept by value.
type schemeList struct {
	s [6]Scheme
	n int
}

func (l *schemeList) all() []Scheme { return l.s[:l.n] }

// termSchemes are the schemes a Cyrillic term of lang is romanized by,
// BGN/PCGN first: the other schemes mostly repeat its variants, and a
// repeated variant changes nothing after the first.
func termSchemes(lang string) schemeList {
	var l schemeList
	l.s[0], l.n = SchemeBGN, 1
	schemes := ruSchemes
	if lang == "uk" {
		schemes = ukSchemes
	}
	for _, s := range schemes {
		if s != SchemeBGN {
			l.s[l.n] = s
			l.n++
		}
	}
	return l
}

// slotVariant is a variant of a slotView: arena[off:end].
type slotVariant struct {
	off, end int32
	kind     variantKind
}

// reset starts the view of e in lang.
func (v *slotView) reset(e entryRef, lang string) {
	v.e, v.lang, v.cyrText = e, lang, isCyrillicLang(lang)
	v.gender = entryGender(e)
	v.standIn = v.cyrText && !e.AnyTerm(func(t Term) bool { return t.Lang == lang && isRight(t.Status) })
	name := foldNameWords(v.base[:0], e.Preferred(lang))
	v.base = name.words
	v.ends = v.ends[:0]
	for i, c := range v.base {
		if c == ' ' {
			v.ends = append(v.ends, i)
		}
	}
	if len(v.base) > 0 {
		v.ends = append(v.ends, len(v.base))
	}
	v.arena = v.arena[:0]
	n := len(v.ends)
	for len(v.slots) < n {
		v.slots = append(v.slots, nil)
		v.filled = append(v.filled, false)
	}
	for i := range n {
		v.slots[i], v.filled[i] = v.slots[i][:0], false
	}
}

// count is the number of slots: the words of the preferred form.
func (v *slotView) count() int { return len(v.ends) }

func (v *slotView) text(x slotVariant) []byte { return v.arena[x.off:x.end] }

// baseWord is the slot's word of the preferred form, folded.
func (v *slotView) baseWord(i int) []byte {
	start := 0
	if i > 0 {
		start = v.ends[i-1] + 1
	}
	return v.base[start:v.ends[i]]
}

// sources lists in v.srcs what contributes to slot i: the word of the
// preferred form, then every term's word aligned with it. Terms with another
// word count contribute their first and last words to the first and last
// slots.
func (v *slotView) sources(i int) {
	v.srcs = append(v.srcs[:0], wordSource{kind: kindRight, mode: sourceBase})
	n := len(v.ends)
	for _, t := range v.e.Terms() {
		kind, ok := termKind(t, v.lang, v.cyrText)
		if !ok {
			continue
		}
		lang := t.Lang
		if v.standIn && kind == kindForeign && isRight(t.Status) {
			kind, lang = kindRight, v.lang
		}
		mode := sourcePlain
		switch {
		case kind == kindTranslit:
			mode = sourceSchemes
		case kind == kindRight && v.cyrText:
			mode = sourceCases // inflected right names are right in Russian and Ukrainian text
		}
		v.raw = appendRawNameWords(v.raw[:0], t.Form)
		m := len(v.raw)
		for j, w := range v.raw {
			slot := j
			if m != n {
				switch j {
				case m - 1:
					slot = n - 1
				case 0:
					slot = 0
				default:
					continue // word counts differ: middle words do not align
				}
			}
			if slot == i {
				v.srcs = append(v.srcs, wordSource{word: w, lang: lang, kind: kind, mode: mode, role: wordRole(j, m)})
			}
		}
	}
}

// slot returns every variant of slot i, filling it on first use.
func (v *slotView) slot(i int) []slotVariant {
	if v.filled[i] {
		return v.slots[i]
	}
	v.filled[i] = true
	v.sources(i)
	for _, src := range v.srcs {
		switch src.mode {
		case sourceBase:
			v.add(i, v.baseWord(i), src.kind)
		case sourcePlain:
			v.addTranslit(i, src.word, SchemeBGN, src.kind)
		default:
			v.caseForms(src)
			schemes := src.schemes()
			for _, s := range schemes.all() {
				for _, form := range v.forms {
					v.addTranslit(i, form, s, src.kind)
				}
			}
			if src.mode == sourceSchemes {
				// German and French press spellings, of the base form only
				// (the press writes the nominative: Chruschtschow).

			}
			for _, form := range v.rels {
				v.addTranslit(i, form, SchemeBGN, kindRelative)
			}
		}
	}
	return v.slots[i]
}

// caseForms puts in v.forms the source word and its right case forms, and
// in v.rels its relatives' forms (romanized by BGN/PCGN only).
func (v *slotView) caseForms(src wordSource) {
	right, rels := nameCaseForms(src.word, src.lang, src.role, v.gender)
	v.forms = append(append(v.forms[:0], src.word), right...)
	v.rels = append(v.rels[:0], rels...)
}

// wordRole is the role of word j of a name of m words.
func wordRole(j, m int) nameRole {
	switch {
	case j == m-1:
		return roleFamily
	case j == 0:
		return roleGiven
	}
	return roleOther
}

// standsIn: an entry with no right form in the language of a Russian or
// Ukrainian text is seen through its right forms in the other Cyrillic
// languages, declined by the text's grammar (Александр Лукашенко in a
// Ukrainian text: Александра Лукашенка). They are right forms and mentions;
// but a form near them is not reported, since the glossary has no form in
// the text's language to suggest (Олександра, the Ukrainian given name, is
// no misspelling of Александра).
func isRight(s Status) bool { return s == Preferred || s == Admitted }

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

// addTranslit adds the folded romanization of form by scheme s to slot i.
func (v *slotView) addTranslit(i int, form string, s Scheme, kind variantKind) {
	off := len(v.arena)
	v.arena = appendFoldedTranslit(v.arena, form, s)
	if !v.addAt(i, off, kind) {
		v.arena = v.arena[:off]
	}
}

// add copies w into the arena as a variant of slot i.
func (v *slotView) add(i int, w []byte, kind variantKind) {
	off := len(v.arena)
	v.arena = append(v.arena, w...)
	if !v.addAt(i, off, kind) {
		v.arena = v.arena[:off]
	}
}

// addAt makes arena[off:] a variant of slot i unless it is empty or there
// already; a right reading of a word wins over a wrong one, so the kinds
// are kept at their most lenient. A relative's form, which counts only when
// met exactly, is kept apart from the same string as a form of the entry.
// It reports whether the bytes are kept.
func (v *slotView) addAt(i, off int, kind variantKind) bool {
	w := v.arena[off:]
	if len(w) == 0 {
		return false
	}
	slot := v.slots[i]
	for j := range slot {
		if string(v.text(slot[j])) == string(w) && (slot[j].kind == kindRelative) == (kind == kindRelative) {
			slot[j].kind = min(slot[j].kind, kind)
			return false
		}
	}
	v.slots[i] = append(slot, slotVariant{int32(off), int32(len(v.arena)), kind})
	return true
}
