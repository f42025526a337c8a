package names

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// compareWord is the reference evalSlot must agree with: w against every
// variant of the slot, generated in full.
func compareWord(w string, v *slotView, slot []slotVariant) wordEvidence {
	ev := wordEvidence{dist: maxWordDist + 1, length: len(w)}
	for _, x := range slot {
		if string(v.text(x)) == w && (!ev.exact || x.kind < ev.kind) {
			ev.exact, ev.kind, ev.dist = true, x.kind, 0
		}
	}
	if ev.exact {
		return ev
	}
	var keyBuf, varKeyBuf [64]byte
	pk := appendPhoneticKey(keyBuf[:0], w)
	for _, x := range slot {
		if x.kind == kindRelative {
			continue // exact only
		}
		vw := v.text(x)
		d := Damerau(w, string(vw), maxWordDist)
		if d < ev.dist {
			ev.dist, ev.length = d, max(len(w), len(vw))
			ev.first = vw[0] == w[0]
		}
		if !ev.phon && d <= maxWordDist && len(pk) > 1 && string(appendPhoneticKey(varKeyBuf[:0], string(vw))) == string(pk) {
			ev.phon = true
		}
	}
	return ev
}

// TestEditRowsPrefixBound feeds editRows prefixes that share prefixes in
// every way: prefixBound must be the distance from the prefix to the
// closest prefix of the word (capped), which bounds every string that
// starts with it.
func TestEditRowsPrefixBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		w := string(randomWord(rng, 1+rng.IntN(9)))
		for _, bound := range []int{0, 1, 3} {
			var r editRows
			r.reset(w, bound)
			prev := randomWord(rng, rng.IntN(10))
			for range 20 {
				p := append(append([]byte{}, prev[:rng.IntN(len(prev)+1)]...), randomWord(rng, rng.IntN(5))...)
				want := bound + 1
				for j := 0; j <= len(w); j++ {
					want = min(want, Damerau(string(p), w[:j], bound))
				}
				if got := r.prefixBound(p); got != want {
					t.Fatalf("prefixBound(%q, %q, bound %d) = %d, want %d", p, w, bound, got, want)
				}
				full := append(p, randomWord(rng, rng.IntN(4))...)
				if d := Damerau(string(full), w, 60); r.prefixBound(p) > d {
					t.Fatalf("prefixBound(%q, %q) = %d > Damerau(%q) = %d", p, w, r.prefixBound(p), full, d)
				}
				prev = p
			}
		}
	}
}

// evalTestData is entries of every shape (real, with Ukrainian and Russian
// forms, generated) and words to compare with them: generated forms, near
// misses of them, and name-like strangers.
func evalTestData(t *testing.T) ([]Entry, []string) {
	entries := append(readGlossaryCSV(t, "../../seeds/glossary.csv"), berlinGlossary()...)
	for i, p := range familyPairs {
		entries = append(entries, person(p[0], "en", "Given"+string(rune('A'+i))+" "+p[0], "ru", "Имя "+p[1], "uk", "Ім'я "+p[1]))
	}
	entries = append(entries, person("madonna", "en", "Madonna", "ru", "Мадонна Чикконе"),
		person("ustinov", "en", "Peter Ustinov", "ru", "Пётр Устинов", "uk", "Петро Устинов", "be", "Пётр Усцінаў"))
	entries = append(entries, benchEntries(300)...)
	rng := rand.New(rand.NewPCG(7, 8))
	mutate := func(w string) string {
		b := []byte(w)
		switch i := rng.IntN(len(b) + 1); rng.IntN(3) {
		case 0:
			if i < len(b) {
				b[i] = "aeiouybkstz"[rng.IntN(11)]
			}
		case 1:
			b = append(b[:i], append([]byte{"aeiouy"[rng.IntN(6)]}, b[i:]...)...)
		default:
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		}
		return string(b)
	}
	var words []string
	for _, e := range entries[:len(entries)-280] {
		for _, term := range e.Terms {
			for _, raw := range rawNameWords(term.Form) {
				for _, s := range ukSchemes {
					for _, form := range append([]string{raw}, CaseForms(raw, term.Lang)...) {
						w := string(appendFoldedTranslit(nil, form, s))
						words = append(words, w, mutate(w), mutate(mutate(w)))
					}
				}
			}
		}
	}
	for _, r := range benchNearRuns(300) {
		words = append(words, strings.Fields(FoldName(r))...)
	}
	return entries, words
}

func TestEvalSlotMatchesCompareWord(t *testing.T) {
	entries, words := evalTestData(t)
	rng := rand.New(rand.NewPCG(3, 4))
	checked := 0
	var fast, slow slotView
	for _, lang := range []string{"en", "ru", "uk", "de"} {
		for i := range entries {
			e := refOf(&entries[i])
			fast.reset(e, lang)
			slow.reset(e, lang)
			for slot := range fast.count() {
				for range 25 {
					w := words[rng.IntN(len(words))]
					if w == "" {
						continue
					}
					want := compareWord(w, &slow, slow.slot(slot))
					if got := fast.evalSlot(slot, w); got != want {
						t.Fatalf("%s %q slot %d, %q: evalSlot %+v, compareWord %+v", lang, e.Key(), slot, w, got, want)
					}
					checked++
				}
			}
		}
	}
	t.Logf("%d comparisons agree", checked)
}

// TestRecordMatchesEvalSlot checks that an entry's record compares a word
// with its family-name and given-name slots exactly as slotView does, for
// every language of text.
func TestRecordMatchesEvalSlot(t *testing.T) {
	entries, words := evalTestData(t)
	f := NewFuzzy(entries)
	rng := rand.New(rand.NewPCG(5, 6))
	var live, fromRecord slotView
	checked := 0
	eachRecord(f, []string{"en", "ru", "uk", "de", "be"}, func(lang string, rv *recordView, e entryRef) {
		live.reset(e, lang)
		if rv.needsLive() {
			return
		}
		if rv.slots() != live.count() {
			t.Fatalf("%s %q: record has %d slots, slotView %d", lang, e.Key(), rv.slots(), live.count())
		}
		n := live.count()
		for range 20 {
			w := words[rng.IntN(len(words))]
			if n == 0 || w == "" {
				continue
			}
			if got, want := rv.evalFamily(w, &fromRecord, true, false), live.evalSlot(n-1, w); got != want {
				t.Fatalf("%s %q family, %q: record %+v, slotView %+v", lang, e.Key(), w, got, want)
			}
			if n >= 2 {
				if got, want := rv.evalGiven(w, &fromRecord), live.evalSlot(0, w); got != want {
					t.Fatalf("%s %q given, %q: record %+v, slotView %+v", lang, e.Key(), w, got, want)
				}
			}
			checked++
		}
	})
	t.Logf("%d comparisons agree", checked)
}

// TestBitRowsMatchesDamerau is TestEditRowsMatchesDamerau for bitRows.
func TestBitRowsMatchesDamerau(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var r bitRows
	for range 3000 {
		w := string(randomWord(rng, rng.IntN(12)))
		for _, bound := range []int{0, 1, 3, 20} {
			r.reset(w, bound)
			prev := randomWord(rng, rng.IntN(12))
			for range 20 {
				s := append(append([]byte{}, prev[:rng.IntN(len(prev)+1)]...), randomWord(rng, rng.IntN(6))...)
				if got, want := r.dist(s), Damerau(string(s), w, bound); got != want {
					t.Fatalf("dist(%q, %q, bound %d) = %d, want %d", s, w, bound, got, want)
				}
				prev = s
			}
		}
	}
}

// TestScoreRecordMatchesScoreEntry checks whole verdicts: runs of one to
// three words scored from records (with the phonetic test skipped where it
// cannot matter) and through slotView agree.
func TestScoreRecordMatchesScoreEntry(t *testing.T) {
	entries, words := evalTestData(t)
	f := NewFuzzy(entries)
	rng := rand.New(rand.NewPCG(11, 12))
	var live, fromRecord slotView
	checked, verdicts := 0, map[verdict]int{}
	eachRecord(f, []string{"en", "ru", "uk", "de"}, func(lang string, rv *recordView, e entryRef) {
		for range 30 {
			// Words of the entry's own forms (and near misses of them)
			// half of the time, so that hits and right forms occur.
			own := entryWords(e)
			run := make([]string, 1+rng.IntN(3))
			for i := range run {
				run[i] = words[rng.IntN(len(words))]
				if rng.IntN(2) == 0 && len(own) > 0 {
					run[i] = own[rng.IntN(len(own))]
				}
			}
			if slices.Contains(run, "") {
				continue
			}
			for _, lower := range []bool{false, true} {
				if lower && len(run) > 1 {
					continue
				}
				c1, v1 := scoreRecord(rv, &fromRecord, e, lang, run, lower, 0)
				c2, v2 := scoreEntry(&live, e, lang, run, lower)
				if v1 != v2 || c1 != c2 {
					t.Fatalf("%s %q %q (lower %v): record %v %.2f, slotView %v %.2f", lang, e.Key(), run, lower, v1, c1, v2, c2)
				}
				checked++
				verdicts[v1]++
				if len(run) == 1 && !lower {
					// Strong evidence only: the same right forms,
					// relatives and strong hits.
					c3, v3 := scoreRecord(rv, &fromRecord, e, lang, run, lower, confGenerated)
					strong := func(c float64, v verdict) bool { return v == verdictHit && c >= confGenerated }
					if (v3 == verdictRight) != (v2 == verdictRight) || (v3 == verdictRelative) != (v2 == verdictRelative) ||
						strong(c3, v3) != strong(c2, v2) || strong(c3, v3) && c3 != c2 {
						t.Fatalf("%s %q %q, strong only: record %v %.2f, slotView %v %.2f", lang, e.Key(), run, v3, c3, v2, c2)
					}
				}
			}
		}
	})
	t.Logf("%d verdicts agree: %d none, %d right, %d hit", checked, verdicts[verdictNone], verdicts[verdictRight], verdicts[verdictHit])
	if verdicts[verdictHit] < checked/20 || verdicts[verdictRight] < checked/50 {
		t.Errorf("too few hits or right forms to compare")
	}
}

// entryWords is every generated form of e's words, some of them mutated.
func entryWords(e entryRef) []string {
	var out []string
	for _, term := range e.Terms() {
		for _, raw := range rawNameWords(term.Form) {
			for _, form := range append([]string{raw}, CaseForms(raw, term.Lang)...) {
				w := string(appendFoldedTranslit(nil, form, SchemeGOST))
				out = append(out, w, w+"a", string(appendFoldedTranslit(nil, form, SchemeBGN)))
			}
		}
	}
	return out
}

// TestExactCandidatesKeepVariants checks the initials in the index: looking
// up a word for exact matches only must still reach every entry of which the
// word is a family-name variant, in every language of text.
func TestExactCandidatesKeepVariants(t *testing.T) {
	entries, _ := evalTestData(t)
	f := NewFuzzy(entries)
	offsets := f.recOff
	checked := 0
	for i := range entries {
		for _, lang := range []string{"en", "ru", "uk", "de"} {
			view := newEntryView(refOf(&entries[i]), lang, false)
			if len(view.slots) == 0 {
				continue
			}
			for _, x := range view.slots[len(view.slots)-1] {
				all := f.candidates(nil, false, x.word)
				if !slices.Contains(all, offsets[i]) {
					continue // not reached by its keys at all
				}
				checked++
				if !slices.Contains(f.candidates(nil, true, x.word), offsets[i]) {
					t.Fatalf("%s %q: exact lookup of %q misses it", lang, entries[i].Key, x.word)
				}
			}
		}
	}
	t.Logf("%d variants reach their entry", checked)
}

// randomWord is n letters drawn from a few, so that random words share
// prefixes and near misses often.
func randomWord(rng *rand.Rand, n int) []byte {
	const letters = "abcdeiou"
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[rng.IntN(len(letters))]
	}
	return b
}

// eachRecord calls fn with every entry's record in f parsed for each of
// langs in turn, and the entry it stands for.
func eachRecord(f *Fuzzy, langs []string, fn func(lang string, rv *recordView, e entryRef)) {
	var rv recordView
	for _, lang := range langs {
		for _, off := range f.recOff {
			rv.parse(f.records[off:], lang)
			fn(lang, &rv, f.entry(rv.idx))
		}
	}
}
