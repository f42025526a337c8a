package lexicon

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"
)

// benchWords are lookups as the name checks make them: words of the
// language in several cases, and names and mangled names that are not.
var benchWords = map[string][]string{
	"en": {"mask", "Mask", "shells", "President", "the", "Isaacson", "Taler", "Moscow", "unbelievably", "Czinpin"},
	"de": {"Maske", "Moskau", "scheiterte", "Tisch", "Putins", "Isaacson", "Bundesregierung", "dass", "Mask", "Schwarzenegger"},
	"ru": {"маска", "Маской", "сказал", "еще", "Маск", "Айзексон", "правительство", "Москве", "Кремля", "Маскович"},
	"uk": {"маска", "сказав", "уряд", "Маск", "Айзексон", "м’ясо", "Київ", "президента", "Зеленський", "будь-ласка"},
}

// BenchmarkHas: a lookup in the loaded table, against the baseline of a
// map[string]struct{} of the same keys (which needs the same key folding).
//
//	go test ./detect/lexicon -run '^$' -bench Has -benchmem
func BenchmarkHas(b *testing.B) {
	for _, lang := range Languages() {
		words := benchWords[lang]
		l := For(lang)
		l.Len() // load outside the timing
		benchLookups(b, lang, l, words, true)
	}
}

// BenchmarkHasCold: lookups of every word of the language in random order,
// half of them with a letter changed (mostly not words), so that nearly
// every lookup misses the processor's caches: the worst case, where
// BenchmarkHas repeats ten words.
func BenchmarkHasCold(b *testing.B) {
	for _, lang := range Languages() {
		l := For(lang)
		l.Len()
		var words []string
		for k := range keySet(b, lang) {
			if len(words)%2 == 1 {
				k = "q" + k[1:]
			}
			words = append(words, k)
		}
		rand.New(rand.NewPCG(1, 2)).Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		benchLookups(b, lang, l, words, false)
		b.Run("read-only/"+lang, func(b *testing.B) { // the benchmark's own cost: reading the word
			var buf [128]byte
			i := 0
			for b.Loop() {
				AppendKey(buf[:0], words[i%len(words)])
				i++
			}
		})
	}
}

// benchLookups runs lookups of words, in turn, in l and in a map of the
// language's keys as sub-benchmarks named for lang.
func benchLookups(b *testing.B, lang string, l *Lexicon, words []string, allocs bool) {
	b.Run("lexicon/"+lang, func(b *testing.B) {
		if allocs {
			b.ReportAllocs()
		}
		i := 0
		for b.Loop() {
			l.Has(words[i%len(words)])
			i++
		}
	})
	set := keySet(b, lang)
	b.Run("map/"+lang, func(b *testing.B) {
		if allocs {
			b.ReportAllocs()
		}
		var buf [128]byte
		i := 0
		for b.Loop() {
			_, _ = set[string(AppendKey(buf[:0], words[i%len(words)]))]
			i++
		}
	})
}

// BenchmarkLoad: building one language's table from its embedded file, the
// cost of the first lookup in a process.
func BenchmarkLoad(b *testing.B) {
	for _, lang := range Languages() {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := build(lang); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestResidentSize measures the heap the four tables hold once loaded
// against a map[string]struct{} of the same keys, and holds the tables to
// the budget of 40 MB (issue 16); -v prints the figures.
func TestResidentSize(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("loads every language twice; meaningless under the race detector")
	}
	tables, total := map[string]table{}, 0
	before := heapInUse()
	for _, lang := range Languages() {
		start := time.Now()
		tab, n, err := build(lang)
		if err != nil {
			t.Fatal(err)
		}
		tables[lang] = tab
		total += tab.bytes()
		t.Logf("%s: %d keys, table %.1f MB (%.1f bytes a key), built in %v", lang, n, mb(tab.bytes()),
			float64(tab.bytes())/float64(n), time.Since(start).Round(time.Millisecond))
	}
	heap := heapInUse() - before
	t.Logf("all four: tables %.1f MB, heap in use %.1f MB", mb(total), mb(int(heap)))
	before = heapInUse()
	var prefixes []table
	for _, lang := range []string{"en", "de"} { // HasPrefix serves the Latin-script targets of derived false friends
		start := time.Now()
		p, _, err := buildPrefixes(lang)
		if err != nil {
			t.Fatal(err)
		}
		prefixes = append(prefixes, p)
		t.Logf("%s prefixes: %d, table %.1f MB, built in %v", lang, len(p.fps), mb(p.bytes()), time.Since(start).Round(time.Millisecond))
	}
	t.Logf("prefix tables: heap in use %.1f MB", mb(int(heapInUse()-before)))
	runtime.KeepAlive(prefixes)
	if heap > 40<<20 {
		t.Errorf("the four tables hold %.1f MB of heap, over the 40 MB budget", mb(int(heap)))
	}
	runtime.KeepAlive(tables)
	if testing.Verbose() {
		before = heapInUse()
		sets := map[string]map[string]struct{}{}
		for _, lang := range Languages() {
			sets[lang] = keySet(t, lang)
		}
		t.Logf("baseline map[string]struct{} of the same keys: heap in use %.1f MB", mb(int(heapInUse()-before)))
		runtime.KeepAlive(sets)
	}
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func mb(n int) float64 { return float64(n) / (1 << 20) }

// keySet decodes lang's embedded file into a map, the baseline.
func keySet(tb testing.TB, lang string) map[string]struct{} {
	raw, err := data.ReadFile("data/" + lang + ".lex.gz")
	if err != nil {
		tb.Fatal(err)
	}
	var set map[string]struct{}
	err = Decode(bytes.NewReader(raw), func(_ string, n int) error { set = make(map[string]struct{}, n); return nil },
		func(key []byte, _ bool) { set[string(key)] = struct{}{} })
	if err != nil {
		tb.Fatal(fmt.Errorf("%s: %w", lang, err))
	}
	return set
}
