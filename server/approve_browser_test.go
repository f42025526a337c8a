package server_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"lector/glossary"
	"lector/review"
)

// storedChecker is a checker of the glossary stored in db, the one the
// server under test builds, for tests that approve outside the server.
func storedChecker(t *testing.T, db *gorm.DB) *review.Checker {
	t.Helper()
	entries, err := glossary.LoadEntries(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return review.NewChecker(entries)
}
