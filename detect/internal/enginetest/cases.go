package enginetest

import "testing"

// Case1 is a row of a table test of a function of one argument: the
// argument and the result the function must return.
type Case1[A any, R comparable] struct {
	A    A
	Want R
}

// Case2 is a row of a table test of a function of two arguments.
type Case2[A, B any, R comparable] struct {
	A    A
	B    B
	Want R
}

// Each1 calls f on every case's argument and reports each result that is
// not the wanted one, as name(argument) = result, want wanted.
func Each1[A any, R comparable](tb testing.TB, name string, f func(A) R, cases []Case1[A, R]) {
	tb.Helper()
	for _, c := range cases {
		if got := f(c.A); got != c.Want {
			tb.Errorf("%s(%#v) = %#v, want %#v", name, c.A, got, c.Want)
		}
	}
}

// Each2 is Each1 for a function of two arguments.
func Each2[A, B any, R comparable](tb testing.TB, name string, f func(A, B) R, cases []Case2[A, B, R]) {
	tb.Helper()
	for _, c := range cases {
		if got := f(c.A, c.B); got != c.Want {
			tb.Errorf("%s(%#v, %#v) = %#v, want %#v", name, c.A, c.B, got, c.Want)
		}
	}
}
