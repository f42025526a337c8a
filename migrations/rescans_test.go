package migrations_test

import (
	"context"
	"testing"

	"github.com/pressly/goose/v3"

	"lector/database/dbtest"
	"lector/migrations"
)

// TestRescansMigrationDownAndUp: 00009 (River's schema and the rescans
// tables, run outside goose's transaction, one block per River version)
// goes down without leaving a River table or type behind, and up again.
func TestRescansMigrationDownAndUp(t *testing.T) {
	db := dbtest.New(t)
	sqlDB := dbtest.SQL(t, db)
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	left := func() (tables, types int) {
		db.Raw("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE 'river%' OR tablename LIKE 'rescan%')").Scan(&tables)
		db.Raw("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typname LIKE 'river%'").Scan(&types)
		return tables, types
	}
	if tables, _ := left(); tables < 5 {
		t.Fatalf("only %d River and rescan tables after the migrations", tables)
	}
	if _, err := p.DownTo(ctx, 8); err != nil {
		t.Fatal(err)
	}
	if tables, types := left(); tables != 0 || types != 0 {
		t.Fatalf("down left %d tables and %d types of River or the rescans", tables, types)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	var versions int
	db.Raw("SELECT count(*) FROM river_migration WHERE line = 'main'").Scan(&versions)
	if versions != 8 {
		t.Errorf("river_migration records %d versions after up again, want 8", versions)
	}
}
