package names

import (
	"math"
	"sort"
	"testing"
)

// TestFalseFriendCalibration measures the fitted model on the held-out half
// of testdata/context, which the fit never saw:
//
//   - precision of "the name is meant" at FalseFriendThreshold ≥ 0.95, and
//     the recall (logged);
//   - reliability: in each confidence bucket of width 0.2 that holds at
//     least 20 sentences, the share of names is within 0.15 of the mean
//     confidence.
//
// go test ./detect/names -run TestFalseFriendCalibration -v prints the
// figures per language and per false friend.
func TestFalseFriendCalibration(t *testing.T) {
	model := fittedModel()
	held := loadFFHalf(t, false)
	s := scoreCases(held, &model, FalseFriendThreshold)
	t.Logf("held out: %d sentences (%d names); at threshold %.2f: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		len(held), s.tp+s.fn, FalseFriendThreshold, s.precision(), s.tp, s.tp+s.fp, s.recall(), s.tp, s.tp+s.fn)
	if s.precision() < 0.95 {
		t.Errorf("precision %.3f at the threshold, want ≥ 0.95", s.precision())
	}

	const width, minItems, tolerance = 0.2, 20, 0.15
	type bucket struct {
		n, names int
		sum      float64
	}
	var buckets [5]bucket
	for i := range held {
		v := held[i].vector(&model)
		p := model.confidence(&v)
		b := &buckets[min(int(p/width), len(buckets)-1)]
		b.n++
		b.sum += p
		if held[i].name {
			b.names++
		}
	}
	for i, b := range buckets {
		if b.n == 0 {
			continue
		}
		mean, rate := b.sum/float64(b.n), float64(b.names)/float64(b.n)
		t.Logf("confidence %.1f–%.1f: %3d sentences, mean confidence %.3f, names %.3f", float64(i)*width, float64(i+1)*width, b.n, mean, rate)
		if b.n >= minItems && math.Abs(mean-rate) > tolerance {
			t.Errorf("bucket %.1f–%.1f: mean confidence %.3f but %.3f are names (%d sentences)", float64(i)*width, float64(i+1)*width, mean, rate, b.n)
		}
	}

	if testing.Verbose() {
		by := map[string][]ffCase{}
		for _, c := range held {
			by[c.lang] = append(by[c.lang], c)
			by[c.lang+" "+c.entry] = append(by[c.lang+" "+c.entry], c)
		}
		keys := make([]string, 0, len(by))
		for k := range by {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s := scoreCases(by[k], &model, FalseFriendThreshold)
			t.Logf("%-12s %3d sentences: precision %.2f recall %.2f (tp %d fp %d fn %d)", k, len(by[k]), s.precision(), s.recall(), s.tp, s.fp, s.fn)
		}
		for _, c := range held {
			v := c.vector(&model)
			p := model.confidence(&v)
			if (p >= FalseFriendThreshold) != c.name {
				t.Logf("wrong: %s:%d %.2f name=%v %q", c.file, c.line, p, c.name, c.text)
			}
		}
	}
}

// TestFalseFriendLeaveOnePairOut asks whether the cues generalise to a false
// friend the fit never saw: for each entry, fit on every sentence of the
// other entries and score that entry's. It logs the pooled figures; only a
// collapse fails it, since a few sentences per entry make each figure rough.
func TestFalseFriendLeaveOnePairOut(t *testing.T) {
	cases := loadFFCases(t)
	entries := map[string]bool{}
	for _, c := range cases {
		entries[c.entry] = true
	}
	var pooled caseScore
	for entry := range entries {
		var train, test []ffCase
		for _, c := range cases {
			if c.entry == entry {
				test = append(test, c)
			} else {
				train = append(train, c)
			}
		}
		model := fitFFModel(train, ffLambda)
		s := scoreCases(test, &model, FalseFriendThreshold)
		pooled.tp += s.tp
		pooled.fp += s.fp
		pooled.fn += s.fn
		pooled.tn += s.tn
		if testing.Verbose() {
			t.Logf("without %-9s: %3d sentences, precision %.2f recall %.2f (tp %d fp %d fn %d)", entry, len(test), s.precision(), s.recall(), s.tp, s.fp, s.fn)
		}
	}
	t.Logf("leave one false friend out, pooled over %d entries: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		len(entries), pooled.precision(), pooled.tp, pooled.tp+pooled.fp, pooled.recall(), pooled.tp, pooled.tp+pooled.fn)
	if pooled.precision() < 0.85 {
		t.Errorf("pooled precision %.3f on unseen false friends, want ≥ 0.85", pooled.precision())
	}
}
