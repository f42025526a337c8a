package glossary

import (
	"strings"

	"golang.org/x/text/language"
)

// typeID returns the id of an entry type; past 63 types, the last id is
// reused (the id has 6 bits), which only matters for absurd glossaries.
func (m *Matcher) typeID(typ string) uint8 {
	for i, t := range m.types {
		if t == typ {
			return uint8(i)
		}
	}
	if len(m.types) == 63 {
		return 62
	}
	m.types = append(m.types, typ)
	return uint8(len(m.types) - 1)
}

func (m *Matcher) langID(canonical string) uint16 {
	if id, ok := m.langIDs[canonical]; ok {
		return id
	}
	id := uint16(len(m.langIDs))
	m.langIDs[canonical] = id
	return id
}

// langSeed makes the same word hash differently in each language, so that
// one table serves every language of the glossary.
func langSeed(id uint16) uint64 {
	return mix64(uint64(id)*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019)
}

// canonicalLang returns the canonical form of a BCP 47 tag, or the trimmed
// lower-case input when it is not one.
func canonicalLang(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(tag))
	}
	return t.String()
}

// langChain returns the glossary languages that apply to a text in lang,
// most specific first: "en-GB" uses "en-GB" terms, then "en" terms, then
// "und" (language-neutral) terms.
func (m *Matcher) langChain(lang string) []uint64 {
	var tags []string
	if t, err := language.Parse(lang); err == nil {
		for ; ; t = t.Parent() {
			tags = append(tags, t.String())
			// Base guesses a language for "und" (English): only an exact one.
			if base, conf := t.Base(); conf == language.Exact && base.String() != t.String() {
				tags = append(tags, base.String())
			}
			if t.IsRoot() {
				break
			}
		}
	} else {
		tags = append(tags, strings.ToLower(strings.TrimSpace(lang)), "und")
	}
	var seeds []uint64
	seen := map[uint16]bool{}
	for _, tag := range tags {
		if id, ok := m.langIDs[tag]; ok && !seen[id] {
			seen[id] = true
			seeds = append(seeds, langSeed(id))
		}
	}
	return seeds
}
