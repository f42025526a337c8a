package segment

import (
	"os"
	"strings"
	"testing"
	"time"

	"lector/detect/internal/enginetest"
)

// newsCorpus builds about size bytes of news-like text: the seed article
// followed by varied sentences in English, Russian, Ukrainian and German
// with abbreviations, numbers, quotes, lists and URLs.
func newsCorpus(tb testing.TB, size int) string {
	tb.Helper()
	seed, err := os.ReadFile("../../seeds/000_02e3862b8b13521d.txt")
	if err != nil {
		tb.Fatal(err)
	}
	extra := []string{
		"At 5 p.m. Mr. Smith of Acme Inc. met Dr. Jones in the U.S. Capitol. He said \"Stop.\" Then he left.",
		"Revenue rose 3.14% to $1.8 billion, e.g. in Q3. See https://example.com/report.html or write to ir@example.com.",
		"В 2022 г. Путин, т.е. Кремль, и т.д. Потом А. С. Иванов ответил: «Нет!» — сказал он.",
		"У 2023 р. Президент В. Зеленський, т.зв. лідер, див. вул. Хрещатик. Вона мовчала… Потім пішла.",
		"Am 3. Oktober kam Dr. Müller, z.B. mit ca. 5 Euro usw. Er sagte: „Komm her.“ Dann ging er.",
		"Key points:\n1. Prices rose\n2. Wages fell\n- more to come",
		"Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot. What?! No way!!! I wasn't really ... well.",
	}
	var b strings.Builder
	for b.Len() < size {
		b.Write(seed)
		for _, e := range extra {
			b.WriteString(e)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// BenchmarkSplit: go test ./review -run '^$' -bench BenchmarkSplit -benchmem
//
// Besides MB/s it reports MB/cpu-s, the bytes split per second of process
// CPU time, which stays meaningful when other processes load the machine.
func BenchmarkSplit(b *testing.B) {
	text := newsCorpus(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := enginetest.StartCPU()
	for b.Loop() {
		if _, err := Split(text, "en"); err != nil {
			b.Fatal(err)
		}
	}
	if used, ok := cpu.Elapsed(); ok {
		megabytes := float64(len(text)) * float64(b.N) / 1e6
		b.ReportMetric(megabytes/used.Seconds(), "MB/cpu-s")
	}
}

// TestSplitLinearTime feeds pathological megabytes. A linear pass takes well
// under a second on each even on a loaded machine; a quadratic rule over a
// megabyte of tokens would take minutes, so the generous bound still catches
// it without flaking.
func TestSplitLinearTime(t *testing.T) {
	const size = 1 << 20
	inputs := map[string]string{
		"dots":             strings.Repeat(".", size),
		"spaced dots":      strings.Repeat(". ", size/2),
		"no spaces":        strings.Repeat("abcdefghijklmnopqrstuvwxyz", size/26),
		"no spaces, stops": strings.Repeat("Hello world.Today", size/17),
		"newlines":         strings.Repeat("\n", size),
		"lines":            strings.Repeat("a\n", size/2),
		"stops":            strings.Repeat("a. ", size/3),
		"closing quotes":   "x." + strings.Repeat(" ”", size/4),
		"list markers":     strings.Repeat("1. A ", size/5),
		"counting list":    countingList(size),
		"dashes":           strings.Repeat("— ", size/4),
		"quotes":           strings.Repeat(`" `, size/2),
		"ellipses":         strings.Repeat("… ", size/4),
		"invalid bytes":    strings.Repeat("\xff. \xe2\x80", size/5),
	}
	for name, text := range inputs {
		// The process's CPU time where the system tells it: a machine
		// loaded by other jobs stretches wall time, not CPU time.
		start, cpu := time.Now(), enginetest.StartCPU()
		spans := mustSplit(t, text, "en")
		elapsed, ok := cpu.Elapsed()
		if !ok {
			elapsed = time.Since(start)
		}
		t.Logf("%s: %v for %d bytes, %d spans", name, elapsed, len(text), len(spans))
		if elapsed > 10*time.Second {
			t.Errorf("%s: %v for %d bytes", name, elapsed, len(text))
		}
		checkSpans(t, text, spans)
	}
}

func countingList(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strings.Repeat("x", i%3))
		b.WriteString(" ")
		b.WriteString(string(rune('1' + i%9)))
		b.WriteString(". Item ")
	}
	return b.String()
}
