package dbtest_test

import (
	"database/sql"
	"fmt"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"lector/database/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// Parallel tests each get their own migrated database and cannot see each
// other's rows.
func TestNewParallelIsolated(t *testing.T) {
	for i := range 8 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			db := dbtest.New(t)
			var applied int
			if err := db.Raw("SELECT count(*) FROM goose_db_version WHERE version_id > 0").Scan(&applied).Error; err != nil || applied == 0 {
				t.Fatalf("not migrated: %d, %v", applied, err)
			}
			if err := db.Exec("CREATE TABLE probe (n int)").Error; err != nil {
				t.Fatal(err)
			}
			if err := db.Exec("INSERT INTO probe VALUES (?)", i).Error; err != nil {
				t.Fatal(err)
			}
			var ns []int
			if err := db.Raw("SELECT n FROM probe").Scan(&ns).Error; err != nil || len(ns) != 1 || ns[0] != i {
				t.Fatalf("rows %v, %v", ns, err)
			}
		})
	}
}

func TestNewURL(t *testing.T) {
	u := dbtest.NewURL(t)
	db, err := sql.Open("pgx", u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var name string
	if err := db.QueryRow("SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	t.Logf("database %s", name)
}
