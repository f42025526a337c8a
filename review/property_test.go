package review

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"lector/apperr"
)

// The property test drives one article through random sequences of the
// review workflow (claim, correct, dismiss, approve, reject, merge, split,
// publish, release, and forbidden tries) and checks the invariants of
// property_invariants_test.go against the database after every step. A
// failure prints the seed, the step, the op log and the segment, then
// shrinks the log to a short sequence that still fails, printed as Go
// literals that propertyCases can replay.
//
// `make test` runs the fixed seeds. More runs:
//
//	go test ./review -run 'TestProperty$' -property.seed=42 -property.n=200
//	go test ./review -run 'TestProperty$' -property.runs=50 -property.only=1,2
//
// or the environment: LECTOR_PROPERTY_SEED, LECTOR_PROPERTY_N,
// LECTOR_PROPERTY_RUNS, LECTOR_PROPERTY_ONLY.
var (
	propSeed   = flag.Uint64("property.seed", 0, "property test: run this seed only (0: the fixed seeds)")
	propN      = flag.Int("property.n", 0, "property test: steps per run (0: 60)")
	propRuns   = flag.Int("property.runs", 0, "property test: random seeds to run after the fixed ones")
	propShrink = flag.Bool("property.shrink", true, "property test: shrink a failing sequence")
	propOnly   = flag.String("property.only", "", "property test: the invariants to check, e.g. 1,2 (empty: propertyInvariants)")
)

// propertyInvariants are the invariants checked unless -property.only
// names others.
var propertyInvariants = []int{invStep, invFindings, invPublished, invState, invFourEyes, invLiveText}

// invariantSet is a list of invariants as the set invariants takes.
func invariantSet(invs []int) map[int]bool {
	out := map[int]bool{}
	for _, inv := range invs {
		out[inv] = true
	}
	return out
}

// propertySeeds are the seeds every run checks.
var propertySeeds = []uint64{1, 2, 3, 4, 5, 6, 7, 8}

const (
	propDefaultSteps = 60
	propMaxReplays   = 250 // the shrinking budget of one failure
)

// propConfig is the flags, else the environment, else the defaults.
type propConfig struct {
	seeds []uint64
	steps int
	only  map[int]bool // the invariants to check
}

func propertyConfig(t *testing.T) propConfig {
	t.Helper()
	num := func(flagValue int, env string, def int) int {
		if flagValue != 0 {
			return flagValue
		}
		if v := os.Getenv(env); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatalf("%s=%q: %v", env, v, err)
			}
			return n
		}
		return def
	}
	c := propConfig{steps: num(*propN, "LECTOR_PROPERTY_N", propDefaultSteps), only: invariantSet(propertyInvariants)}
	seed := *propSeed
	if v := os.Getenv("LECTOR_PROPERTY_SEED"); seed == 0 && v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("LECTOR_PROPERTY_SEED=%q: %v", v, err)
		}
	}
	if seed != 0 {
		c.seeds = []uint64{seed}
	} else {
		c.seeds = slices.Clone(propertySeeds)
		for range num(*propRuns, "LECTOR_PROPERTY_RUNS", 0) {
			c.seeds = append(c.seeds, rand.Uint64()>>1)
		}
	}
	only := *propOnly
	if only == "" {
		only = os.Getenv("LECTOR_PROPERTY_ONLY")
	}
	if only != "" {
		c.only = map[int]bool{invStep: true}
		for _, f := range strings.Split(only, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if _, known := invariantNames[n]; err != nil || !known {
				t.Fatalf("property.only: %q is no invariant", f)
			}
			c.only[n] = true
		}
	}
	return c
}

func TestProperty(t *testing.T) {
	c := propertyConfig(t)
	w := newPropWorld(t)
	start := time.Now()
	tally := map[string]map[string]int{} // op → how its steps ended
	for _, seed := range c.seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			res := runRandom(t, w, seed, c.steps, c.only)
			for i, s := range res.log {
				if tally[s.Op] == nil {
					tally[s.Op] = map[string]int{}
				}
				end := res.outcomes[i]
				tally[s.Op][end]++
			}
			if res.failAt < 0 {
				return
			}
			t.Errorf("%s", res.report(seed))
			if !*propShrink {
				return
			}
			minimal := shrink(t, w, res.log[:res.failAt+1], res.violations[0].inv)
			t.Errorf("minimal sequence for invariant %d (%d steps; replay it by adding it to propertyCases):\n%s",
				res.violations[0].inv, len(minimal), formatSteps(minimal))
		})
	}
	// What the steps did, so that a change that makes most of them refused
	// (and the test toothless) shows.
	for _, op := range slices.Sorted(maps.Keys(tally)) {
		t.Logf("%-22s %v", op, tally[op])
	}
	t.Logf("%d seeds × %d steps in %v", len(c.seeds), c.steps, time.Since(start).Round(time.Millisecond))
}

// runResult is what one run did: its steps, how each ended, and the first
// step after which an invariant broke (-1: none).
type runResult struct {
	log        []step
	outcomes   []string
	failAt     int
	violations []violation
	state      liveState
}

// runRandom runs n random steps from seed on a fresh article, stopping at
// the first broken invariant.
func runRandom(t *testing.T, w *propWorld, seed uint64, n int, only map[int]bool) runResult {
	t.Helper()
	rnd := rand.New(rand.NewPCG(seed, seed^0x5eed))
	r := w.newRun(t)
	res := runResult{failAt: -1}
	ops := r.ops
	total := 0
	for _, op := range ops {
		total += op.weight
	}
	for i := range n {
		st := r.load()
		s, ok := pickStep(rnd, r, st, ops, total)
		if !ok {
			break
		}
		res.log = append(res.log, s)
		outcome, vs := r.apply(st, s, only)
		res.outcomes = append(res.outcomes, outcome)
		if len(vs) > 0 {
			res.failAt, res.violations, res.state = i, vs, r.load()
			return res
		}
	}
	return res
}

// pickStep draws ops by weight until one's generator has a step for st.
func pickStep(rnd *rand.Rand, r *propRun, st liveState, ops []propOp, total int) (step, bool) {
	g := &propGen{rnd: rnd, r: r, st: st}
	for range 50 {
		x := rnd.IntN(total)
		for _, op := range ops {
			if x -= op.weight; x < 0 {
				if s, ok := op.gen(g); ok {
					return s, true
				}
				break
			}
		}
	}
	return step{}, false
}

// apply runs one step and checks the invariants after it. A step that
// fails must fail with an application error and change nothing; a
// forbidden try must fail with its code.
func (r *propRun) apply(st liveState, s step, only map[int]bool) (string, []violation) {
	r.t.Helper()
	op, ok := r.op(s.Op)
	if !ok {
		r.t.Fatalf("no op %q", s.Op)
	}
	before := r.digest()
	err := op.run(r, st, s)
	outcome := "ok"
	var vs []violation
	stepBad := func(format string, args ...any) {
		vs = append(vs, violation{inv: invStep, pos: s.Pos, msg: fmt.Sprintf(format, args...)})
	}
	switch ae := apperr.As(err); {
	case errors.Is(err, errSkip):
		outcome = "skipped: " + err.Error()
	case err != nil:
		outcome = fmt.Sprintf("refused: %s (%s)", ae.Code, ae.MessageID)
		if ae.Code == apperr.Internal {
			stepBad("internal error: %v", err)
		}
		if s.Want != "" && ae.Code != s.Want {
			stepBad("refused with %s, want %s", ae.Code, s.Want)
		}
	case s.Want != "":
		stepBad("a forbidden step succeeded (want %s)", s.Want)
	}
	if err != nil && r.digest() != before {
		stepBad("the refused step changed the article")
	}
	return outcome, append(vs, r.invariants(r.load(), only)...)
}

// replay runs steps on a fresh article and reports the first step after
// which invariant inv breaks (-1: it holds), with that step's violations.
func replay(t *testing.T, w *propWorld, steps []step, inv int) (int, []violation, []string) {
	t.Helper()
	r := w.newRun(t)
	only := map[int]bool{invStep: true, inv: true}
	var outcomes []string
	for i, s := range steps {
		outcome, vs := r.apply(r.load(), s, only)
		outcomes = append(outcomes, outcome)
		if slices.ContainsFunc(vs, func(v violation) bool { return v.inv == inv }) {
			return i, vs, outcomes
		}
		if len(vs) > 0 {
			return -1, nil, outcomes // another failure: not the one being shrunk
		}
	}
	return -1, nil, outcomes
}

// shrink drops steps, chunks first and then one at a time, as long as the
// rest still breaks invariant inv; it returns the shortest sequence found
// within propMaxReplays replays.
func shrink(t *testing.T, w *propWorld, steps []step, inv int) []step {
	t.Helper()
	steps = slices.Clone(steps)
	replays := 0
	for size := max(len(steps)/2, 1); size >= 1 && replays < propMaxReplays; {
		removed := false
		for at := 0; at+size <= len(steps) && replays < propMaxReplays; {
			candidate := slices.Concat(steps[:at], steps[at+size:])
			replays++
			if failAt, _, _ := replay(t, w, candidate, inv); failAt >= 0 {
				steps, removed = candidate[:failAt+1], true
				continue
			}
			at++
		}
		if !removed {
			size /= 2
		}
	}
	return steps
}

// report is a failure as a person reads and replays it.
func (res runResult) report(seed uint64) string {
	var b strings.Builder
	fmt.Fprintf(&b, "seed %d broke an invariant at step %d:\n", seed, res.failAt)
	for _, v := range res.violations {
		fmt.Fprintf(&b, "  %s\n", v)
	}
	b.WriteString("op log:\n")
	for i, s := range res.log {
		fmt.Fprintf(&b, "  %3d %s // %s\n", i, s, res.outcomes[i])
	}
	seen := map[int]bool{}
	for _, v := range res.violations {
		if v.pos >= 0 && !seen[v.pos] {
			seen[v.pos] = true
			b.WriteString(describe(res.state, v.pos))
		}
	}
	fmt.Fprintf(&b, "rerun: go test ./review -run 'TestProperty$' -property.seed=%d -property.n=%d", seed, res.failAt+1)
	return b.String()
}

func formatSteps(steps []step) string {
	var b strings.Builder
	for _, s := range steps {
		fmt.Fprintf(&b, "\t%s,\n", s)
	}
	return b.String()
}
