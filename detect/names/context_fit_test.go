package names

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// ffLambdas are the L2 penalties the fit chooses from by five-fold
// cross-validation on the tuning half: with a few hundred sentences, a cue
// seen a handful of times must not get a weight that claims more than the
// data shows, and too strong a penalty pulls every confidence toward the
// base rate, which the reliability check would catch.
func ffLambdas() []float64 { return []float64{0.03, 0.1, 0.3, 1, 3} }

// ffLambda is the penalty chooseLambda picks on the tuning half;
// TestFalseFriendWeightsFitted checks it still does.
const ffLambda = 0.03

// chooseLambda returns the penalty with the lowest cross-validated log loss.
func chooseLambda(cases []ffCase) float64 {
	best, bestLoss := 0.0, math.Inf(1)
	for _, lambda := range ffLambdas() {
		loss := 0.0
		for fold := range 5 {
			var train, test []ffCase
			for i, c := range cases {
				if i%5 == fold {
					test = append(test, c)
				} else {
					train = append(train, c)
				}
			}
			m := fitFFModel(train, lambda)
			for i := range test {
				v := test[i].vector(&m)
				p := min(max(m.probability(&v), 1e-6), 1-1e-6)
				if test[i].name {
					loss -= math.Log(p)
				} else {
					loss -= math.Log(1 - p)
				}
			}
		}
		if loss < bestLoss {
			best, bestLoss = lambda, loss
		}
	}
	return best
}

// TestFalseFriendWeightsFitted fits the model on the tuning half and fails
// when the weights in context_model.go are not the fitted ones; its message
// (and its log with -v) is the code to paste:
//
//	go test ./detect/names -run TestFalseFriendWeightsFitted -v
func TestFalseFriendWeightsFitted(t *testing.T) {
	tuning := loadFFHalf(t, true)
	lambda := chooseLambda(tuning)
	if lambda != ffLambda {
		t.Errorf("cross-validation picks the penalty %g, ffLambda is %g", lambda, ffLambda)
	}
	fitted := fitFFModel(tuning, lambda)
	code := fittedModelCode(fitted, tuning)
	t.Logf("fitted on %d tuning sentences, L2 penalty %g chosen by cross-validation:\n%s", len(tuning), lambda, code)
	t.Logf("lowest threshold with precision ≥ 0.95 on the tuning half: %.2f (FalseFriendThreshold %.2f)",
		lowestThreshold(tuning, &fitted, 0.95), FalseFriendThreshold)
	stored := fittedModel()
	off := math.Abs(stored.bias - fitted.bias)
	for i := range stored.weights {
		off = max(off, math.Abs(stored.weights[i]-fitted.weights[i]))
	}
	if off > 0.01 {
		t.Errorf("the weights in context_model.go are not fitted on testdata/context (off by %.3f); paste:\n%s", off, code)
	}
}

// fitFFModel fits the logistic regression. featConsistent depends on the
// model (another occurrence that reads as the name on its own), so the fit
// starts without it and refits until the cue stops changing.
func fitFFModel(cases []ffCase, lambda float64) ffModel {
	model := ffModel{bias: -100} // nothing reads as a name: no featConsistent in the first round
	for range 5 {
		xs := make([]ffVector, len(cases))
		ys := make([]float64, len(cases))
		for i := range cases {
			xs[i] = cases[i].vector(&model)
			if cases[i].name {
				ys[i] = 1
			}
		}
		next := fitLogistic(xs, ys, lambda)
		if next == model {
			break
		}
		model = next
	}
	return model
}

// fitLogistic is Newton's method on the penalised log-likelihood; the bias
// is not penalised.
func fitLogistic(xs []ffVector, ys []float64, lambda float64) ffModel {
	const n = int(numFeatures) + 1 // the bias first
	var theta [n]float64
	for range 50 {
		var grad [n]float64
		var hess [n][n]float64
		for i, x := range xs {
			row := append([]float64{1}, x[:]...)
			z := 0.0
			for j := range n {
				z += theta[j] * row[j]
			}
			p := 1 / (1 + math.Exp(-z))
			for j := range n {
				grad[j] += (ys[i] - p) * row[j]
				for k := range n {
					hess[j][k] += p * (1 - p) * row[j] * row[k]
				}
			}
		}
		for j := 1; j < n; j++ {
			grad[j] -= lambda * theta[j]
			hess[j][j] += lambda
		}
		step := solve(hess, grad)
		size := 0.0
		for j := range n {
			theta[j] += step[j]
			size = max(size, math.Abs(step[j]))
		}
		if size < 1e-9 {
			break
		}
	}
	m := ffModel{bias: round3(theta[0])}
	for j := range numFeatures {
		m.weights[j] = round3(theta[j+1])
	}
	return m
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// solve solves a·x = b by Gaussian elimination with partial pivoting; a is
// positive definite here (the penalty sees to it).
func solve(a [numFeatures + 1][numFeatures + 1]float64, b [numFeatures + 1]float64) [numFeatures + 1]float64 {
	const n = int(numFeatures) + 1
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	var x [n]float64
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x
}

// lowestThreshold is the lowest confidence, in steps of 0.05, at which the
// flagged cases are names at least minPrecision of the time.
func lowestThreshold(cases []ffCase, model *ffModel, minPrecision float64) float64 {
	for t := 0.30; t < 0.951; t += 0.05 {
		s := scoreCases(cases, model, t)
		if s.precision() >= minPrecision {
			return math.Round(t*100) / 100
		}
	}
	return 1
}

// fittedModelCode prints fittedModel as Go, with how often each cue fired
// in the tuning half.
func fittedModelCode(m ffModel, cases []ffCase) string {
	var counts [numFeatures]int
	for i := range cases {
		v := cases[i].vector(&m)
		for f, x := range v {
			if x != 0 {
				counts[f]++
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "func fittedModel() ffModel {\n\treturn ffModel{bias: %g, weights: [numFeatures]float64{\n", m.bias)
	names := featureNames()
	for f := range numFeatures {
		fmt.Fprintf(&b, "\t\t%s: %g, // %s, in %d of %d tuning sentences\n", featConst(ffFeature(f)), m.weights[f], names[f], counts[f], len(cases))
	}
	b.WriteString("\t}}\n}\n")
	return b.String()
}

// featConst spells the constant of a cue.
func featConst(f ffFeature) string {
	name := featureNames()[f]
	var b strings.Builder
	b.WriteString("feat")
	for _, part := range strings.Split(name, "-") {
		if part == "de" {
			b.WriteString("De")
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// caseScore counts a model's decisions at one threshold.
type caseScore struct{ tp, fp, fn, tn int }

func (s caseScore) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s caseScore) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

func scoreCases(cases []ffCase, model *ffModel, threshold float64) caseScore {
	var s caseScore
	for i := range cases {
		v := cases[i].vector(model)
		flagged := model.confidence(&v) >= threshold
		switch {
		case flagged && cases[i].name:
			s.tp++
		case flagged:
			s.fp++
		case cases[i].name:
			s.fn++
		default:
			s.tn++
		}
	}
	return s
}
