package names

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"lector/detect/internal/enginetest"
	"lector/detect/names/namestest"
)

// processCPU is the CPU time the test process has used. The shared build
// machine is often oversubscribed, so wall-clock ns/op overstates the cost;
// cpu-ns/op (which includes GC) is reported next to it.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration, ops int) {
	if ops > 0 {
		b.ReportMetric(float64(processCPU()-start)/float64(ops), "cpu-ns/op")
	}
}

// benchSyllables pair a Latin spelling with its Russian one (onset × vowel
// × coda, 570 syllables), so generated entries have an en and a ru form like
// real glossary entries.
var benchSyllables = func() [][2]string {
	onsets := [][2]string{{"b", "б"}, {"v", "в"}, {"g", "г"}, {"d", "д"}, {"zh", "ж"},
		{"z", "з"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"p", "п"}, {"r", "р"},
		{"s", "с"}, {"t", "т"}, {"f", "ф"}, {"kh", "х"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"}}
	vowels := [][2]string{{"a", "а"}, {"e", "е"}, {"i", "и"}, {"o", "о"}, {"u", "у"}}
	codas := [][2]string{{"", ""}, {"n", "н"}, {"r", "р"}, {"l", "л"}, {"s", "с"}, {"k", "к"}}
	var out [][2]string
	for _, o := range onsets {
		for _, v := range vowels {
			for _, c := range codas {
				out = append(out, [2]string{o[0] + v[0] + c[0], o[1] + v[1] + c[1]})
			}
		}
	}
	return out
}()

// benchName returns a deterministic random name: a given name of 2 and a
// family name of 2–4 syllables, in Latin and in Cyrillic.
func benchName(r *rand.Rand) (latin, cyrillic string) {
	var lat, cyr strings.Builder
	for word, n := range []int{2, 2 + r.IntN(3)} {
		if word > 0 {
			lat.WriteByte(' ')
			cyr.WriteByte(' ')
		}
		for i := range n {
			s := benchSyllables[r.IntN(len(benchSyllables))]
			l, c := s[0], s[1]
			if i == 0 {
				l = strings.ToUpper(l[:1]) + l[1:]
				c = capitalize(c, false)
			}
			lat.WriteString(l)
			cyr.WriteString(c)
		}
	}
	return lat.String(), cyr.String()
}

func benchEntries(n int) []Entry {
	r := rand.New(rand.NewPCG(1, 2))
	entries := make([]Entry, n)
	for i := range entries {
		lat, cyr := benchName(r)
		entries[i] = person(fmt.Sprint("p", i), "en", lat, "ru", cyr)
	}
	return entries
}

// benchRuns are capitalised runs of one and two words built from English
// letter clusters the glossary syllables never produce ("Streaght Glaiff"):
// words of a text that are not glossary names, which is what almost every
// capitalised run is. Their phonetic keys still meet glossary keys, so the
// index and the verification are exercised.
func benchRuns(n int) []string {
	onsets := []string{"Bl", "Br", "Cl", "Cr", "Dr", "Fl", "Fr", "Gl", "Gr", "Pl", "Pr",
		"Sl", "Sm", "Sn", "Sp", "St", "Str", "Tr", "Tw", "Wh", "W", "Y", "H", "J", "Qu"}
	vowels := []string{"ea", "oo", "ou", "ai", "ay", "ee", "ie", "oa", "a", "e", "i", "o", "u"}
	codas := []string{"", "ck", "ght", "nd", "st", "ll", "ff", "rd", "th", "ng", "x", "wn"}
	r := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		var b strings.Builder
		for i := range 1 + r.IntN(3) {
			o := onsets[r.IntN(len(onsets))]
			if i > 0 {
				o = strings.ToLower(o)
			}
			b.WriteString(o + vowels[r.IntN(len(vowels))] + codas[r.IntN(len(codas))])
		}
		return b.String()
	}
	runs := make([]string, n)
	for i := range runs {
		runs[i] = word()
		if i%2 == 1 {
			runs[i] += " " + word()
		}
	}
	return runs
}

// benchNearRuns are glossary-like names from the glossary's own syllables
// and another seed: at a million names most are within two edits of some
// entry, so this measures the verification path (and reports hits/op).
func benchNearRuns(n int) []string {
	r := rand.New(rand.NewPCG(5, 6))
	runs := make([]string, n)
	for i := range runs {
		lat, _ := benchName(r)
		if i%2 == 0 {
			lat = lat[strings.IndexByte(lat, ' ')+1:]
		}
		runs[i] = lat
	}
	return runs
}

func benchLookup(b *testing.B, runs []string) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		f := NewFuzzy(benchEntries(n))
		b.Run(fmt.Sprintf("names=%d", n), func(b *testing.B) {
			hits, i := 0, 0
			cpu := processCPU()
			for b.Loop() {
				if _, ok := f.Lookup(runs[i%len(runs)], "en"); ok {
					hits++
				}
				i++
			}
			reportCPU(b, cpu, i)
			b.ReportMetric(float64(hits)/float64(i), "hits/op")
		})
	}
}

func BenchmarkFuzzyLookup(b *testing.B)     { benchLookup(b, benchRuns(4096)) }
func BenchmarkFuzzyLookupNear(b *testing.B) { benchLookup(b, benchNearRuns(4096)) }

func BenchmarkNewFuzzy(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		entries := benchEntries(n)
		b.Run(fmt.Sprintf("names=%d", n), func(b *testing.B) {
			cpu, i := processCPU(), 0
			for b.Loop() {
				NewFuzzy(entries)
				i++
			}
			reportCPU(b, cpu, i)
		})
	}
}

// BenchmarkNewFuzzyRecurring indexes a million generated English names,
// whose family names recur as real ones do (65,498 distinct): the names of
// BenchmarkNew1M in package detect and of `lector check`'s million-row
// benchmark glossary.
//
//	go test ./detect/names -run '^$' -bench NewFuzzyRecurring -benchtime 3x -benchmem
func BenchmarkNewFuzzyRecurring(b *testing.B) {
	entries := entriesFromNames(namestest.Names(1_000_000, 11))
	cpu, i := processCPU(), 0
	for b.Loop() {
		NewFuzzy(entries)
		i++
	}
	reportCPU(b, cpu, i)
}

// BenchmarkFuzzyCheck scans the seed article (about 1,300 words) against the
// seed glossary plus generated names.
func BenchmarkFuzzyCheck(b *testing.B) {
	text := enginetest.ReadText(b, seedArticle)
	for _, n := range []int{10_000, 1_000_000} {
		f := NewFuzzy(append(seedFuzzyGlossary(b), benchEntries(n)...))
		b.Run(fmt.Sprintf("names=%d", n), func(b *testing.B) {
			cpu, i := processCPU(), 0
			for b.Loop() {
				f.Check(text, "en", nil)
				i++
			}
			reportCPU(b, cpu, i)
		})
	}
}
