package review_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"lector/review"
)

// lcsLength is the textbook quadratic LCS length, the oracle.
func lcsLength(a, b []int) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// checkPairs fails unless pairs increase in both indexes and pair equal
// elements.
func checkPairs(t *testing.T, a, b []int, pairs [][2]int) {
	t.Helper()
	for k, p := range pairs {
		if p[0] < 0 || p[0] >= len(a) || p[1] < 0 || p[1] >= len(b) || a[p[0]] != b[p[1]] {
			t.Fatalf("pair %d %v does not pair equal elements", k, p)
		}
		if k > 0 && (p[0] <= pairs[k-1][0] || p[1] <= pairs[k-1][1]) {
			t.Fatalf("pair %d %v does not follow %v", k, p, pairs[k-1])
		}
	}
}

func randomSeq(r *rand.Rand, n, alphabet int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = r.IntN(alphabet)
	}
	return s
}

func TestCommonSubsequenceIsLongest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		a, b := randomSeq(r, r.IntN(40), 1+r.IntN(5)), randomSeq(r, r.IntN(40), 1+r.IntN(5))
		pairs, err := review.CommonSubsequence(context.Background(), a, b)
		if err != nil {
			t.Fatal(err)
		}
		checkPairs(t, a, b, pairs)
		if want := lcsLength(a, b); len(pairs) != want {
			t.Fatalf("a %v b %v: %d pairs, the LCS has %d", a, b, len(pairs), want)
		}
	}
}

// Two long sequences with nothing in order in common would take Myers's
// algorithm (n+m)·D steps; past MaxDiffSteps the unique elements align
// them, still in order, in far less time than the quadratic table took.
func TestCommonSubsequenceBoundedOnHugeUnmatchedInput(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const n = 200_000
	a, b := randomSeq(r, n, 1<<30), randomSeq(r, n, 1<<30)
	copy(b[n/2:], a[:1000]) // a run in common, unique elements
	start := time.Now()
	pairs, err := review.CommonSubsequence(context.Background(), a, b)
	if err != nil {
		t.Fatal(err)
	}
	checkPairs(t, a, b, pairs)
	if len(pairs) < 1000 {
		t.Errorf("%d pairs; the common run of 1000 was missed", len(pairs))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

// A diff whose context ends stops: the loop looks at it as it goes.
func TestCommonSubsequenceStopsWithItsContext(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	a, b := randomSeq(r, 100_000, 4), randomSeq(r, 100_000, 4)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := review.CommonSubsequence(ctx, a, b); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if _, err := review.WordDiffContext(ctx, "a b c d e f g h", "h g f e d c b a"); err != nil {
		// Small inputs never reach a look at the context: they finish.
		t.Errorf("small diff: %v", err)
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		a, b string
		want string // ops as [-del-] {+ins+}
	}{
		{"Ilon Musk met Putin.", "Elon Musk met Putin.", "[-Ilon-]{+Elon+} Musk met Putin."},
		{"a mask said", "a Musk said", "a [-mask-]{+Musk+} said"},
		{"same", "same", "same"},
		{"", "new text", "{+new text+}"},
		{"old text", "", "[-old text-]"},
		{"Hello , world", "Hello, world", "Hello[- -], world"},
		{"Маск сказал", "Илон Маск сказал", "{+Илон +}Маск сказал"},
	}
	for _, tt := range tests {
		ops := review.WordDiff(tt.a, tt.b)
		var got, a, b strings.Builder
		for _, op := range ops {
			switch op.Op {
			case review.OpEqual:
				got.WriteString(op.Text)
				a.WriteString(op.Text)
				b.WriteString(op.Text)
			case review.OpDelete:
				got.WriteString("[-" + op.Text + "-]")
				a.WriteString(op.Text)
			case review.OpInsert:
				got.WriteString("{+" + op.Text + "+}")
				b.WriteString(op.Text)
			}
		}
		if got.String() != tt.want {
			t.Errorf("WordDiff(%q, %q) = %s, want %s", tt.a, tt.b, got.String(), tt.want)
		}
		if a.String() != tt.a || b.String() != tt.b {
			t.Errorf("WordDiff(%q, %q) does not rebuild both texts", tt.a, tt.b)
		}
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("Ilon Musk met Putin.", "Elon Musk met Putin.")
	f.Fuzz(func(t *testing.T, a, b string) {
		var x, y strings.Builder
		for _, op := range review.WordDiff(a, b) {
			if op.Op != review.OpInsert {
				x.WriteString(op.Text)
			}
			if op.Op != review.OpDelete {
				y.WriteString(op.Text)
			}
		}
		if x.String() != a || y.String() != b {
			t.Fatalf("diff of %q and %q does not rebuild them", a, b)
		}
	})
}
