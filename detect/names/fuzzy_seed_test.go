package names

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"lector/detect/internal/enginetest"

	"lector/detect/names/namestest"
)

// readGlossaryCSV reads a glossary CSV into entries, in file order.
func readGlossaryCSV(tb testing.TB, path string) []Entry {
	var entries []Entry
	for _, e := range namestest.ReadCSV(tb, path) {
		entry := Entry{Key: e.Key, Type: e.Type}
		for _, t := range e.Terms {
			entry.Terms = append(entry.Terms, Term{Lang: t.Lang, Form: t.Form, Status: Status(t.Status), CaseSensitive: t.CaseSensitive})
		}
		entries = append(entries, entry)
	}
	return entries
}

// preferredOnly keeps the preferred en and ru forms, so that the listed wrong
// forms (Isaxon, Mileya...) cannot help: Fuzzy must find them on its own.
func preferredOnly(entries []Entry) []Entry {
	out := make([]Entry, 0, len(entries))
	for _, e := range entries {
		var terms []Term
		for _, t := range e.Terms {
			if t.Status == Preferred && (t.Lang == "en" || t.Lang == "ru") {
				terms = append(terms, t)
			}
		}
		e.Terms = terms
		out = append(out, e)
	}
	return out
}

// person builds an entry with preferred forms given as lang, form pairs.
func person(key string, langForms ...string) Entry {
	e := Entry{Key: key, Type: "person"}
	for i := 0; i+1 < len(langForms); i += 2 {
		e.Terms = append(e.Terms, Term{Lang: langForms[i], Form: langForms[i+1], Status: Preferred})
	}
	return e
}

func seedFuzzyGlossary(t testing.TB) []Entry {
	entries := preferredOnly(readGlossaryCSV(t, "../../seeds/glossary.csv"))
	return append(entries, seedExtraPersons()...)
}

// seedExtraPersons are the people of the seed article the seed glossary lacks.
func seedExtraPersons() []Entry {
	return []Entry{
		person("carlson", "en", "Tucker Carlson", "ru", "Такер Карлсон"),
		person("bremmer", "en", "Ian Bremmer", "ru", "Иэн Бреммер"),
		person("assad", "en", "Bashar al-Assad", "ru", "Башар Асад"),
		person("kim-jong-un", "en", "Kim Jong-un", "ru", "Ким Чен Ын"),
		person("putin", "en", "Vladimir Putin", "ru", "Владимир Путин"),
		person("trump", "en", "Donald Trump", "ru", "Дональд Трамп"),
	}
}

// naiveKnown finds the right forms the exact matcher would report: every
// case-sensitive occurrence of a preferred form or its family name.
func naiveKnown(text, lang string, entries []Entry) []Hit {
	var known []Hit
	for _, e := range entries {
		for _, t := range e.Terms {
			if t.Lang != lang || t.Status != Preferred {
				continue
			}
			forms := []string{t.Form}
			if f := strings.Fields(t.Form); len(f) > 1 {
				forms = append(forms, f[len(f)-1])
			}
			for _, form := range forms {
				for off := 0; ; {
					i := strings.Index(text[off:], form)
					if i < 0 {
						break
					}
					start := off + i
					known = append(known, Hit{Start: start, End: start + len(form), Text: form, EntryKey: e.Key})
					off = start + len(form)
				}
			}
		}
	}
	return known
}

// seedArticle is the seed article, from this package.
const seedArticle = "../../seeds/000_02e3862b8b13521d.txt"

// expectedHit is one wrong form an article contains, with its fix.
type expectedHit struct{ text, suggestion string }

// countWord counts occurrences of w in text that are whole words.
func countWord(text, w string) int {
	n := 0
	for off := 0; ; {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return n
		}
		start, end := off+i, off+i+len(w)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			n++
		}
		off = end
	}
}

// scoreHits counts true and false positives; every occurrence of an expected
// text is one expected hit.
func scoreHits(t *testing.T, text string, hits []Hit, want []expectedHit) (precision, recall float64) {
	t.Helper()
	total := 0
	for _, w := range want {
		total += countWord(text, w.text)
		// A wanted word inside a longer wanted run ("Erdogan" in "Redzhep
		// Erdogan") is found as that run, not again alone.
		for _, longer := range want {
			if longer.text != w.text {
				total -= countWord(text, longer.text) * countWord(longer.text, w.text)
			}
		}
	}
	tp := 0
	for _, h := range hits {
		if h.Start < 0 || h.End > len(text) || text[h.Start:h.End] != h.Text {
			t.Errorf("hit %q has bad offsets %d..%d", h.Text, h.Start, h.End)
		}
		ok := false
		for _, w := range want {
			if h.Text == w.text && h.Suggestion == w.suggestion {
				ok = true
			}
		}
		mark := "FP"
		if ok {
			tp++
			mark = "TP"
		}
		t.Logf("%s %-18q → %-18q conf %.2f entry %s", mark, h.Text, h.Suggestion, h.Confidence, h.EntryKey)
	}
	precision, recall = 1, 0
	if len(hits) > 0 {
		precision = float64(tp) / float64(len(hits))
	}
	if total > 0 {
		recall = float64(tp) / float64(total)
	}
	t.Logf("precision %.2f (%d/%d), recall %.2f (%d/%d)", precision, tp, len(hits), recall, tp, total)
	return precision, recall
}

var seedWant = []expectedHit{
	{"Ilon Musk", "Elon Musk"},
	{"Walter Isaxon", "Walter Isaacson"},
	{"Mileya", "Milei"},
	{"Zhaiir Bolsonar", "Jair Bolsonaro"},
	{"Si Jinping", "Xi Jinping"},
	{"Taler Carlson", "Tucker Carlson"},
	{"Jan Bremmer", "Ian Bremmer"},
	{"Bashara Assad", "Bashar al-Assad"},
	{"bammer", "Bremmer"},
}

func TestFuzzySeedArticle(t *testing.T) {
	checkEnglishArticle(t, enginetest.ReadText(t, seedArticle), seedFuzzyGlossary(t), seedWant)
}

// checkEnglishArticle checks Fuzzy on an English article with preferred
// forms only, once alone and once beside the exact matcher's hits: it must
// flag exactly the wrong forms want lists.
func checkEnglishArticle(t *testing.T, text string, entries []Entry, want []expectedHit) {
	f := NewFuzzy(entries)
	for _, tc := range []struct {
		name  string
		known []Hit
	}{
		{"no known hits", nil},
		{"naive exact hits", naiveKnown(text, "en", entries)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantPerfectScore(t, text, f.Check(text, "en", tc.known), want)
		})
	}
}

// wantPerfectScore fails unless hits are exactly the wrong forms want lists.
func wantPerfectScore(t *testing.T, text string, hits []Hit, want []expectedHit) {
	t.Helper()
	if p, r := scoreHits(t, text, hits, want); p < 1 || r < 1 {
		t.Errorf("precision %.2f recall %.2f, want 1 and 1", p, r)
	}
}

// naiveKnownAll imitates the exact matcher on a full glossary: right forms
// are reported unflagged, deprecated forms and (case-insensitively) false
// friends flagged.
func naiveKnownAll(text, lang string, entries []Entry) []Hit {
	var known []Hit
	lower := strings.ToLower(text)
	for _, e := range entries {
		for _, t := range e.Terms {
			if t.Lang != lang {
				continue
			}
			hay, needle, check := text, t.Form, ""
			switch t.Status {
			case Deprecated:
				check = CheckVariant
			case FalseFriend:
				hay, needle, check = lower, strings.ToLower(t.Form), CheckFalseFriend
			}
			for off := 0; ; {
				i := strings.Index(hay[off:], needle)
				if i < 0 {
					break
				}
				start := off + i
				known = append(known, Hit{Start: start, End: start + len(needle), Text: text[start : start+len(needle)],
					Check: check, EntryKey: e.Key})
				off = start + len(needle)
			}
		}
	}
	return known
}

// TestFuzzySeedArticleFullGlossary runs Fuzzy as the pipeline does: the full
// seed glossary (wrong forms listed) and the exact matcher's hits as known.
// Fuzzy must add exactly the wrong forms nobody listed.
func TestFuzzySeedArticleFullGlossary(t *testing.T) {
	text := enginetest.ReadText(t, seedArticle)
	entries := append(readGlossaryCSV(t, "../../seeds/glossary.csv"), seedExtraPersons()...)
	f := NewFuzzy(entries)
	want := []expectedHit{
		{"Taler Carlson", "Tucker Carlson"},
		{"Jan Bremmer", "Ian Bremmer"},
		{"Bashara Assad", "Bashar al-Assad"},
		{"bammer", "Bremmer"},
	}
	wantPerfectScore(t, text, f.Check(text, "en", naiveKnownAll(text, "en", entries)), want)
}

// TestFuzzySeedArticleLargeGlossary adds 100k generated names to the seed
// glossary: ordinary words of the article are now within two edits of some
// name, and precision must survive (document-context rule, common words).
func TestFuzzySeedArticleLargeGlossary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100k-name glossary")
	}
	text := enginetest.ReadText(t, seedArticle)
	f := NewFuzzy(append(seedFuzzyGlossary(t), benchEntries(100_000)...))
	wantPerfectScore(t, text, f.Check(text, "en", nil), seedWant)
}
