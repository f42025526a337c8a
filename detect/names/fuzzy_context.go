package names

import (
	"strings"
	"unicode/utf8"
)

// docContext is what Check learns about the entries a text mentions.
type docContext struct {
	keys    map[string]bool // entry keys of known hits, right forms, strong hits
	entries map[int32]bool  // indexes of those entries, where known
}

func (c docContext) add(key string, idx int32) {
	c.keys[key] = true
	c.entries[idx] = true
}

// newDocContext starts from the caller's known hits. Right-form hits are
// mapped back to their entries through the right-form index, so the
// lowercase pass can compare with them.
func (f *Fuzzy) newDocContext(text, lang string, known []Hit) docContext {
	ctx := docContext{keys: make(map[string]bool), entries: make(map[int32]bool)}
	for _, k := range known {
		ctx.keys[k.EntryKey] = true
		if k.Check != "" || k.Start < 0 || k.End > len(text) || k.Start >= k.End {
			continue
		}
		words := nameWords(FoldName(trimPossessive(text[k.Start:k.End])))
		if idx, ok := f.rightEntry(lang, strings.Join(words, " ")); ok {
			ctx.entries[idx] = true
		}
	}
	return ctx
}

// checkLowercase compares lowercase tokens with the entries the text
// mentions, through a small index of just those entries. A token that is an
// ordinary word, or a right form anywhere in the glossary, is left alone.
func (f *Fuzzy) checkLowercase(text, lang string, toks []fzToken, ctx docContext) []Hit {
	if len(toks) == 0 || len(ctx.entries) == 0 {
		return nil
	}
	mentioned := make([]Entry, 0, len(ctx.entries))
	for idx := range ctx.entries {
		mentioned = append(mentioned, f.entries[idx])
	}
	small := NewFuzzy(mentioned)
	var hits []Hit
	for _, t := range toks {
		word := text[t.start:t.end]
		if utf8.RuneCountInString(word) < 5 {
			continue
		}
		folded := FoldName(word)
		if folded == "" || isDictionaryLike(folded) {
			continue
		}
		if _, right := f.rightEntry(lang, folded); right {
			continue
		}
		if h, v, _ := small.match(word, lang, true); v == verdictHit {
			h.Start, h.End, h.Text = t.start, t.end, word
			hits = append(hits, h)
		}
	}
	return hits
}
