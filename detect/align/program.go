package align

import (
	"math"
	"unicode/utf8"
)

// The costs of the program, in nats (minus the log of a probability). The
// priors of the kinds of bead are Gale and Church's, measured on
// parliamentary proceedings; news translated by machine drops and invents
// sentences about as rarely.
var (
	costOneOne = -math.Log(0.89)
	costTwo    = -math.Log(0.089 / 2) // 1:2 or 2:1
	costSkip   = -math.Log(0.02)
)

// costUnmatched is the cost reported for a unit left unmatched without
// running the program (one side empty).
var costUnmatched = costSkip

// variance is Gale and Church's s²: the variance of the target length per
// letter of source around its mean.
const variance = 6.8

// Anchor weights: a shared anchor makes a pair likelier, one on a side only
// less likely. A number or a name seen on one side only is strong evidence
// that two sentences say different things.
const (
	anchorShared   = 1.5
	anchorUnshared = 1.2
)

// band bounds how far from the diagonal the program looks, in units: an
// article of a hundred thousand sentences is aligned in memory linear in its
// length. A translation that drops or invents more sentences in a row than
// the band allows is rare and ends up partly unmatched.
const band = 60

// program is the dynamic program over two sequences of units; the beads it
// returns index into a and b. Row i keeps the cells j in [lo(i), lo(i)+w).
func program(a, b []Unit, ratio float64) []Bead {
	n, m := len(a), len(b)
	la, lb := lengths(a), lengths(b)
	aa, ab := anchorsAll(a), anchorsAll(b)
	w := min(m+1, 2*band+1+absInt(n-m))
	lo := func(i int) int {
		c := 0
		if n > 0 {
			c = i * m / n
		}
		return max(0, min(m+1-w, c-w/2))
	}
	cost := make([]float64, (n+1)*w)
	back := make([]uint8, (n+1)*w)
	at := func(i, j int) (int, bool) {
		k := j - lo(i)
		return i*w + k, k >= 0 && k < w
	}
	for k := range cost {
		cost[k] = math.Inf(1)
	}
	cost[0] = 0
	for i := 0; i <= n; i++ {
		for j := lo(i); j < lo(i)+w; j++ {
			here, _ := at(i, j)
			if i == 0 && j == 0 {
				continue
			}
			for k, s := range steps {
				if i < s.a || j < s.b {
					continue
				}
				prev, ok := at(i-s.a, j-s.b)
				if !ok || math.IsInf(cost[prev], 1) {
					continue
				}
				c := cost[prev] + beadCost(s, la[i-s.a:i], lb[j-s.b:j], aa[i-s.a:i], ab[j-s.b:j], ratio)
				if c < cost[here] {
					cost[here], back[here] = c, uint8(k)
				}
			}
		}
	}
	var out []Bead
	for i, j := n, m; i > 0 || j > 0; {
		here, _ := at(i, j)
		s := steps[back[here]]
		prev, _ := at(i-s.a, j-s.b)
		out = append(out, Bead{Source: indexes(i-s.a, i), Target: indexes(j-s.b, j), Cost: cost[here] - cost[prev]})
		i, j = i-s.a, j-s.b
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// step is a kind of bead: how many units of each side it takes.
type step struct{ a, b int }

var steps = [...]step{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}

func beadCost(s step, la, lb []int, aa, ab [][]string, ratio float64) float64 {
	if s.a == 0 || s.b == 0 {
		// A unit with no counterpart: its anchors stay unshared.
		return costSkip + anchorUnshared*float64(count(aa)+count(ab))
	}
	prior := costOneOne
	if s.a+s.b == 3 {
		prior = costTwo
	}
	return prior + lengthCost(sum(la), sum(lb), ratio) + anchorCost(aa, ab)
}

// lengthCost is -log of the probability that a source of la letters is
// translated by a target of lb letters: two-tailed, under the normal law
// of the target's length (mean la·ratio, variance la·s²).
func lengthCost(la, lb int, ratio float64) float64 {
	mean := (float64(la) + float64(lb)/ratio) / 2
	if mean == 0 {
		return 0
	}
	delta := (float64(lb) - float64(la)*ratio) / math.Sqrt(mean*variance)
	p := 2 * (1 - normalCDF(math.Abs(delta)))
	return -math.Log(math.Max(p, 1e-12))
}

func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// anchorCost counts the anchors both sides hold (as a multiset) and those
// only one side holds. It runs for every cell of the program, so it
// matches the few anchors pairwise instead of building a set.
func anchorCost(aa, ab [][]string) float64 {
	var buf [32]bool
	nb := count(ab)
	used := buf[:0]
	if nb <= len(buf) {
		used = buf[:nb]
	} else {
		used = make([]bool, nb)
	}
	shared := 0
	for _, as := range aa {
		for _, x := range as {
			if take(used, ab, x) {
				shared++
			}
		}
	}
	unshared := count(aa) + nb - 2*shared
	return anchorUnshared*float64(unshared) - anchorShared*float64(shared)
}

// take marks the first anchor of ab equal to x and not yet used, if any.
func take(used []bool, ab [][]string, x string) bool {
	k := 0
	for _, bs := range ab {
		for _, y := range bs {
			if !used[k] && x == y {
				used[k] = true
				return true
			}
			k++
		}
	}
	return false
}

func lengths(units []Unit) []int {
	out := make([]int, len(units))
	for i, u := range units {
		out[i] = utf8.RuneCountInString(u.Text)
	}
	return out
}

func anchorsAll(units []Unit) [][]string {
	out := make([][]string, len(units))
	for i, u := range units {
		out[i] = anchorsOf(u)
	}
	return out
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func count(xs [][]string) int {
	t := 0
	for _, x := range xs {
		t += len(x)
	}
	return t
}
