package dbtest

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"
)

// NewEmptyURL is NewURL without the migrations: the URL of a fresh, empty
// database (copied from template0), dropped at t.Cleanup. It is for tests
// that restore a dump into a new database or run the migrations themselves.
func NewEmptyURL(t testing.TB) string {
	t.Helper()
	if !mainCalled.Load() {
		t.Fatal("dbtest: this package needs `func TestMain(m *testing.M) { dbtest.Main(m) }` so the test server is stopped after the tests")
	}
	s, err := shared()
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	name := fmt.Sprintf("lector_empty_%d_%d", os.Getpid(), seq.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := s.admin.ExecContext(ctx, "CREATE DATABASE "+ident(name)+" TEMPLATE template0"); err != nil {
		t.Fatalf("dbtest: creating an empty database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := s.drop(ctx, name); err != nil {
			t.Errorf("dbtest: %v", err)
		}
	})
	return s.urlFor(name)
}
