package dbtest

import (
	"context"
	"fmt"
	"testing"
)

// NewEmptyURL is NewURL without the migrations: the URL of a fresh, empty
// database (copied from template0), dropped at t.Cleanup. It is for tests
// that restore a dump into a new database or run the migrations themselves.
func NewEmptyURL(t testing.TB) string {
	t.Helper()
	return newDatabase(t, "lector_empty", func(ctx context.Context, s *server, name string) error {
		if _, err := s.admin.ExecContext(ctx, "CREATE DATABASE "+ident(name)+" TEMPLATE template0"); err != nil {
			return fmt.Errorf("creating an empty database: %w", err)
		}
		return nil
	})
}
