package reviewtest

import (
	"testing"

	"gorm.io/gorm"

	"lector/apperr"
)

// WantCode fails the test unless err has the application error code.
func WantCode(t testing.TB, err error, code apperr.Code) {
	t.Helper()
	if apperr.CodeOf(err) != code {
		t.Fatalf("error %v, want code %q", err, code)
	}
}

// Must returns a function that passes a value through and fails the test on
// an error: reviewtest.Must[*review.Article](t)(review.GetArticle(...)).
func Must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// Found fails the test on err, and when n, what a store read, is 0: a
// timed store that reads nothing measures nothing.
func Found(t testing.TB, n int, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("nothing read")
	}
}

// NoRows fails the test unless model's table holds no row (what names the
// rows in the message): a refused request must store nothing.
func NoRows(t testing.TB, db *gorm.DB, model any, what string) {
	t.Helper()
	var n int64
	if err := db.Model(model).Count(&n).Error; err != nil || n != 0 {
		t.Errorf("%d %s stored (%v), want none", n, what, err)
	}
}
