package detect

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/finding"
	"lector/detect/lexicon"
	"lector/detect/names"
)

// A name the glossary does not know still has one right spelling in a
// translation: whatever the first sentence made of "Петренко", the others
// must make the same. The source's capitalised Cyrillic words outside the
// glossary are followed into their aligned target sentences (a target word
// that sounds like them, names.SoundsAlike); the case forms of one name are
// one name (Сидоров, Сидорова, Сидоровым); and a name the translation spells
// in more than one way is flagged where it differs from the romanization
// the glossary's conventions give it.

// rendering is one occurrence of a source name and its target spelling.
type rendering struct {
	source string // the source word as written
	forms  []string
	sound  string // names.SoundKey of source
	target word
}

// groupRenderings puts the renderings of one name together: two source
// words are one name when one may be a case of the other's nominative
// (Сидоров, Сидоровым: they share a form), or when they sound the same but
// for their endings (Петренко, Петренка: the declension of -ко surnames is
// beyond the case tables). Union-find over forms and sounds, in the order
// of the text.
func groupRenderings(rs []rendering) [][]rendering {
	parent := make([]int, len(rs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[string]int{}
	link := func(key string, i int) {
		if j, ok := first[key]; ok {
			parent[find(i)] = find(j)
		} else {
			first[key] = i
		}
	}
	for i, r := range rs {
		for _, f := range r.forms {
			link("f:"+f, i)
		}
		if r.sound != "" {
			link("s:"+r.sound, i)
		}
	}
	var groups [][]rendering
	index := map[int]int{}
	for i, r := range rs {
		root := find(i)
		g, ok := index[root]
		if !ok {
			g = len(groups)
			index[root] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], r)
	}
	return groups
}

func (p *pair) renderingFindings() []finding.Finding {
	if !cyrillicSourceLang(p.sourceLang) {
		return nil
	}
	groups := groupRenderings(p.renderings())
	var out []finding.Finding
	for _, g := range groups {
		out = append(out, p.inconsistent(g)...)
	}
	return out
}

// inconsistent flags the renderings of one name that differ from its
// romanization, when the translation spells the name in several ways.
func (p *pair) inconsistent(g []rendering) []finding.Finding {
	spellings := map[string]bool{}
	for _, r := range g {
		spellings[p.spelling(r.target.text)] = true
	}
	if len(spellings) < 2 {
		return nil
	}
	nominative := nominativeOf(g)
	want := p.romanize(nominative)
	var out []finding.Finding
	for _, r := range g {
		if p.spelling(r.target.text) == strings.ToLower(want) {
			continue
		}
		sugg := want
		if isAllUpper(r.target.text) {
			sugg = strings.ToUpper(want)
		}
		out = append(out, finding.Finding{Kind: finding.KindName, Check: CheckInconsistentRendering,
			Start: r.target.start, End: r.target.end, Text: r.target.text, Suggestion: sugg, Entry: want,
			Confidence: confidenceRendering, Source: nominative})
	}
	return out
}

// renderings follows every name of the source outside the glossary into
// its aligned target sentences.
func (p *pair) renderings() []rendering {
	lex := lexicon.For(baseLang(p.sourceLang))
	var out []rendering
	for _, b := range p.beads {
		if b.Unmatched() {
			continue
		}
		lo, hi := p.spans[b.Target[0]].Start, p.spans[b.Target[len(b.Target)-1]].End
		targets := wordsOf(p.text[lo:hi])
		used := make([]bool, len(targets))
		for _, u := range b.Source {
			s := p.srcSpans[u]
			for _, w := range wordsOf(s.Text) {
				w.start, w.end = w.start+s.Start, w.end+s.Start
				if !isUnknownName(w, lex) || covered(w.start, w.end, p.sm) {
					continue
				}
				for i, t := range targets {
					t.start, t.end = t.start+lo, t.end+lo
					if used[i] || !startsUpper(t.text) || names.IsCyrillic(t.text) || covered(t.start, t.end, p.tm) ||
						!soundsLikeSource(t.text, w.text, baseLang(p.sourceLang)) {
						continue
					}
					used[i] = true
					out = append(out, rendering{source: w.text, forms: formsOf(w.text, baseLang(p.sourceLang)),
						sound: names.SoundKey(w.text), target: t})
					break
				}
			}
		}
	}
	return out
}

// isUnknownName reports whether a source word looks like a name: Cyrillic,
// capitalised, at least three letters, not an acronym, and not a word the
// language writes in lower case (a sentence's first word).
func isUnknownName(w word, lex *lexicon.Lexicon) bool {
	return startsUpper(w.text) && names.IsCyrillic(w.text) && utf8.RuneCountInString(w.text) >= 3 &&
		!isAllUpper(w.text) && !lex.Common(w.text)
}

// formsOf is a source word and the nominatives it may be a case of,
// lowercased: two occurrences sharing one are one name.
func formsOf(w, lang string) []string {
	out := []string{strings.ToLower(w)}
	for _, n := range names.Nominatives(w, lang) {
		out = append(out, strings.ToLower(n))
	}
	return out
}

// nominativeOf picks the name's nominative: a form every occurrence may be
// a case of, preferring one the source writes; else the first word.
func nominativeOf(g []rendering) string {
	common := g[0].forms
	for _, r := range g[1:] {
		common = slices.DeleteFunc(slices.Clone(common), func(f string) bool { return !slices.Contains(r.forms, f) })
	}
	for _, r := range g {
		if slices.Contains(common, strings.ToLower(r.source)) {
			return r.source
		}
	}
	if len(common) > 0 {
		return capitalized(common[0])
	}
	return g[0].source
}

// romanize writes a source name word as the glossary's conventions do for
// the target language.
func (p *pair) romanize(w string) string {
	return names.Romanize(w, baseLang(p.sourceLang), baseLang(p.lang))
}

// spelling is a target word as spellings are compared: lowercase, without
// a German genitive -s.
func (p *pair) spelling(w string) string {
	w = strings.ToLower(w)
	if isGerman(p.lang) {
		w = strings.TrimSuffix(w, "s")
	}
	return w
}

func cyrillicSourceLang(lang string) bool {
	base := baseLang(lang)
	return base == "ru" || base == "uk"
}

// baseLang is a BCP 47 tag's language: "uk-UA" → "uk".
func baseLang(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return base
}

func isAllUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}

func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
