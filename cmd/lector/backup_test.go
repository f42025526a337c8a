package main

import (
	"context"
	"database/sql"
	"maps"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"lector/database"
	"lector/database/dbtest"
	"lector/seeds"
)

// TestBackupAndRestore is the README's backup recipe, run: pg_dump in the
// custom format from a seeded database, pg_restore into a new database, and
// the app on the copy: the same rows in every table, `lector migrate` with
// nothing to do, the same glossary export, and new writes accepted. pg_dump
// and pg_restore are clients, so running as root is fine.
func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	src := dbtest.NewURL(t)
	db, err := database.Open(ctx, database.Options{URL: src})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := seeds.Load(ctx, db.Gorm); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := lectorOn(t, src, "user", "add", "backup@example.org", "--role", "editor"); code != exitOK {
		t.Fatalf("user add: %d %s", code, stderr)
	}

	dump := filepath.Join(t.TempDir(), "lector.dump")
	pgTool(t, "pg_dump", "--format=custom", "--file="+dump, "--dbname="+src)
	dst := dbtest.NewEmptyURL(t)
	pgTool(t, "pg_restore", "--no-owner", "--exit-on-error", "--dbname="+dst, dump)

	restored, err := database.Open(ctx, database.Options{URL: dst})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	before := tableCounts(t, db.SQL)
	if len(before) < 10 || before["segments"] == 0 || before["glossary_entries"] == 0 || before["users"] == 0 {
		t.Fatalf("seeded database too thin to prove anything: %v", before)
	}
	if after := tableCounts(t, restored.SQL); !maps.Equal(before, after) {
		t.Fatalf("row counts differ after restore:\nbefore %v\nafter  %v", before, after)
	}

	if code, out, stderr := lectorOn(t, dst, "migrate"); code != exitOK || strings.Contains(stderr, "applied migration") {
		t.Fatalf("migrate on the restored database: %d %s %s", code, out, stderr)
	}
	if n := tableCounts(t, restored.SQL)["goose_db_version"]; n != before["goose_db_version"] {
		t.Fatalf("migrate changed the version table: %d rows, was %d", n, before["goose_db_version"])
	}
	_, srcCSV, _ := lectorOn(t, src, "glossary", "export", "--format", "csv")
	code, dstCSV, stderr := lectorOn(t, dst, "glossary", "export", "--format", "csv")
	if code != exitOK || dstCSV != srcCSV || !strings.Contains(dstCSV, "Elon Musk") {
		t.Fatalf("glossary export from the copy (%d, %s) differs from the original", code, stderr)
	}
	// Sequences came along: new rows do not collide with restored ones.
	if code, _, stderr := lectorOn(t, dst, "user", "add", "after-restore@example.org", "--role", "translator"); code != exitOK {
		t.Fatalf("user add on the restored database: %d %s", code, stderr)
	}
	if code, _, stderr := lectorOn(t, dst, "user", "token", "backup@example.org"); code != exitOK {
		t.Fatalf("token for a restored account: %d %s", code, stderr)
	}
}

func pgTool(t *testing.T, name string, args ...string) {
	t.Helper()
	path, err := database.Tool(name)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(path, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
}

// tableCounts counts the rows of every table in the public schema.
func tableCounts(t *testing.T, db *sql.DB) map[string]int {
	t.Helper()
	rows, err := db.Query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	counts := map[string]int{}
	for _, name := range tables {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM "` + name + `"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[name] = n
	}
	return counts
}
