package names

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"lector/detect/internal/enginetest"

	"lector/detect/names/namestest"

	"github.com/coregx/ahocorasick"
)

// Benchmarks of the exact matcher over 1 MB of news-like text with generated
// glossaries of 10k, 100k and 1M names, side by side with two baselines:
//
//   - ac: github.com/coregx/ahocorasick v0.3.1, leftmost-longest, over the raw
//     bytes (no word boundaries, no case folding: it does less work). Its
//     automaton for 1M names takes tens of seconds and over a gigabyte to
//     build, so that size runs only with LECTOR_BENCH_AC1M=1.
//   - map: a Go map of names, probed with every window of 1 to 3 words.
//
// go test ./glossary -run '^$' -bench 'Find|NewMatcher' -benchtime 20x
type benchSize struct {
	name  string
	names int
}

func benchSizes() []benchSize {
	return []benchSize{{"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}}
}

func BenchmarkFind(b *testing.B) {
	for _, size := range benchSizes() {
		names := namestest.Names(size.names, 1)
		text := namestest.Text(names, 1<<20, 2)
		b.Run("names="+size.name+"/lector", func(b *testing.B) {
			entries := entriesFromNames(names)
			start := time.Now()
			m := NewMatcher(entries)
			build := time.Since(start)
			measureThroughput(b, len(text), func() int { return len(m.Find(text, "en")) })
			b.ReportMetric(build.Seconds(), "build-s")
		})
		b.Run("names="+size.name+"/map", func(b *testing.B) {
			start := time.Now()
			m := newWindowMapBaseline(names)
			build := time.Since(start)
			measureThroughput(b, len(text), func() int { return m.count(text) })
			b.ReportMetric(build.Seconds(), "build-s")
		})
		b.Run("names="+size.name+"/ac", func(b *testing.B) {
			if size.names >= 1_000_000 && os.Getenv("LECTOR_BENCH_AC1M") != "1" {
				b.Skip("the 1M-name automaton takes tens of seconds and >1 GB to build; set LECTOR_BENCH_AC1M=1")
			}
			start := time.Now()
			ac, err := ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostLongest).AddStrings(names).Build()
			if err != nil {
				b.Fatal(err)
			}
			build := time.Since(start)
			haystack := []byte(text)
			measureThroughput(b, len(text), func() int { return len(ac.FindAll(haystack, -1)) })
			b.ReportMetric(build.Seconds(), "build-s") // after the timer reset, which drops metrics
		})
	}
}

// BenchmarkNewMatcher reports the build time per glossary and the heap the
// index keeps (heapMB), on top of the entries themselves.
func BenchmarkNewMatcher(b *testing.B) {
	for _, size := range benchSizes() {
		entries := entriesFromNames(namestest.Names(size.names, 1))
		b.Run("names="+size.name, func(b *testing.B) {
			b.ReportAllocs()
			var heapMB float64
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				b.StartTimer()
				m := NewMatcher(entries)
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&after)
				heapMB = float64(int64(after.HeapInuse)-int64(before.HeapInuse)) / (1 << 20)
				runtime.KeepAlive(m)
				b.StartTimer()
			}
			b.ReportMetric(heapMB, "heapMB")
		})
	}
}

// measureThroughput runs find b.N times over size bytes. Besides the wall
// clock MB/s it reports MB per second of the thread's CPU time (cpu-MB/s),
// which stays meaningful on a machine shared with other jobs.
func measureThroughput(b *testing.B, size int, find func() int) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.SetBytes(int64(size))
	b.ResetTimer()
	start := threadCPUTime()
	sink := 0
	for b.Loop() {
		sink += find()
	}
	runtime.KeepAlive(sink)
	if cpu := threadCPUTime() - start; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}

// windowMapBaseline is the plain approach: a map from each first word to
// the longest name it starts, and a map of every name, probed with the
// windows of words that start with a first word.
type windowMapBaseline struct {
	names        map[string]bool
	firstWords   map[string]int
	starts, ends []int // reused between calls
}

func newWindowMapBaseline(names []string) *windowMapBaseline {
	m := &windowMapBaseline{names: make(map[string]bool, len(names)), firstWords: map[string]int{}}
	for _, n := range names {
		m.names[n] = true
		first, _, _ := strings.Cut(n, " ")
		m.firstWords[first] = max(m.firstWords[first], strings.Count(n, " ")+1)
	}
	return m
}

func (m *windowMapBaseline) count(text string) int {
	starts, ends := m.starts[:0], m.ends[:0]
	defer func() { m.starts, m.ends = starts, ends }()
	for i := 0; i < len(text); {
		for i < len(text) && !isASCIIWordByte(text[i]) {
			i++
		}
		start := i
		for i < len(text) && isASCIIWordByte(text[i]) {
			i++
		}
		if i > start {
			starts, ends = append(starts, start), append(ends, i)
		}
	}
	found := 0
	for i := 0; i < len(starts); i++ {
		longest := m.firstWords[text[starts[i]:ends[i]]]
		for k := min(longest, len(starts)-i); k >= 1; k-- {
			if m.names[text[starts[i]:ends[i+k-1]]] {
				found++
				i += k - 1
				break
			}
		}
	}
	return found
}

func isASCIIWordByte(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

func TestBenchmarkGeneratorsAreDeterministic(t *testing.T) {
	a, b := namestest.Names(500, 7), namestest.Names(500, 7)
	if strings.Join(a, "|") != strings.Join(b, "|") {
		t.Fatal("generateNames is not deterministic")
	}
	text := namestest.Text(a, 20_000, 3)
	if text != namestest.Text(b, 20_000, 3) {
		t.Fatal("generateText is not deterministic")
	}
	m := NewMatcher(entriesFromNames(a))
	hits := m.Find(text, "en")
	if want := newWindowMapBaseline(a).count(text); len(hits) != want {
		t.Fatalf("lector found %d names, the map baseline %d", len(hits), want)
	}
	if len(hits) == 0 {
		t.Fatal("the generated text has no glossary names")
	}
}

// BenchmarkCheckSeedArticle: the seed glossary over the seed article, the
// false-friend scoring included.
func BenchmarkCheckSeedArticle(b *testing.B) {
	entries := readGlossaryCSV(b, "testdata/seed_glossary.csv")
	text := enginetest.ReadText(b, seedArticle)
	m := NewMatcher(entries)
	b.ReportAllocs()
	measureThroughput(b, len(text), func() int { return len(m.Check(text, "en")) })
}
