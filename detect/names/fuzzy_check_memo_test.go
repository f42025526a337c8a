package names

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestCheckAnswersRepeatsAlike checks that a run met again in the same text
// (runMemo) and a Check after another (checkBuffers) find what the first
// time found: a text of the same sentences three times over (strong runs,
// weak single words and lowercase words among them, each judged against
// the same mentioned people) has the hits of one copy at each copy, in
// order, check after check and in checks at once.
func TestCheckAnswersRepeatsAlike(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("ardern", "en", "Jacinda Ardern", "ru", "Джасинда Ардерн"),
		person("kaljulaid", "en", "Kersti Kaljulaid", "ru", "Керсти Кальюлайд"),
		person("sandu", "en", "Maia Sandu", "ru", "Майя Санду"),
	})
	once := "Jacinta Ardern met Kersti Kaljulaid. Later Arderm said the talks went well. " +
		"The kaljulaidd visit ended. Maia Sandu and Maya Sandu spoke. Then Kersty Kalyulaid left. "
	hitsOf := func(text string) []string {
		var out []string
		for _, h := range f.Check(text, "en", nil) {
			out = append(out, fmt.Sprintf("%d:%s→%s", h.Start, h.Text, h.Suggestion))
		}
		return out
	}
	var want []string
	for c := range 3 {
		for _, h := range f.Check(once, "en", nil) {
			want = append(want, fmt.Sprintf("%d:%s→%s", h.Start+c*len(once), h.Text, h.Suggestion))
		}
	}
	for _, w := range []string{"Arderm→Ardern", "kaljulaidd→Kaljulaid", "Maya Sandu→Maia Sandu"} {
		if !strings.Contains(strings.Join(want, "|"), w) {
			t.Fatalf("one copy's hits %q lack %s: the test would compare less than it says", want, w)
		}
	}
	for round := range 2 {
		if got := hitsOf(strings.Repeat(once, 3)); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("round %d: three copies find %q, want %q", round, got, want)
		}
		hitsOf(once[:40]) // leaves smaller buffers for the next round
	}
	// Checks at once share the Fuzzy, each with buffers of its own.
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			text := strings.Repeat(once, 3)
			if g%2 == 1 {
				text = once[:40]
			}
			for range 3 {
				if got := hitsOf(text); g%2 == 0 && strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("checks at once: three copies find %q, want %q", got, want)
				}
			}
		})
	}
	wg.Wait()
}
