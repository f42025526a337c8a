package glossary

import (
	"context"
	"slices"
	"testing"

	"gorm.io/gorm"

	"lector/database/dbtest"
)

// impIndexDefs lists glossary_terms' index and constraint definitions,
// sorted.
func impIndexDefs(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var defs []string
	if err := db.Raw(`SELECT indexdef FROM pg_indexes WHERE tablename = 'glossary_terms'
UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'glossary_terms'::regclass
ORDER BY 1`).Scan(&defs).Error; err != nil {
		t.Fatal(err)
	}
	return defs
}

// TestImportBulkRebuildsIndexes: a bulk import drops the search indexes and
// the foreign key for its COPY and makes the same ones again; a bulk import that fails keeps
// them, as its transaction is rolled back.
func TestImportBulkRebuildsIndexes(t *testing.T) {
	ctx := context.Background()
	db := dbtest.New(t)
	before := impIndexDefs(t, db)
	entries := impGenerate(impBulkTerms/2, 1)
	n := 0
	for _, e := range entries {
		n += len(e.Terms)
	}
	if n < impBulkTerms {
		t.Fatalf("%d generated terms, below the bulk threshold %d", n, impBulkTerms)
	}
	if _, err := Import(ctx, db, entries, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if after := impIndexDefs(t, db); !slices.Equal(before, after) {
		t.Fatalf("indexes after a bulk import:\n%q\nwant\n%q", after, before)
	}

	// A failure between the drop and the rebuild: a trigger made for this
	// test refuses one term during the COPY.
	for _, q := range []string{
		`CREATE FUNCTION imp_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END; $$`,
		`CREATE TRIGGER imp_refuse BEFORE INSERT ON glossary_terms FOR EACH ROW WHEN (NEW.form = 'Refuse Me') EXECUTE FUNCTION imp_refuse()`,
	} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	more := impGenerate(impBulkTerms/2, 2)
	more[len(more)-1].Terms[0].Form = "Refuse Me"
	if _, err := Import(ctx, db, more, ImportOptions{}); err == nil {
		t.Fatal("the refused import succeeded")
	}
	if after := impIndexDefs(t, db); !slices.Equal(before, after) {
		t.Fatalf("indexes after a failed bulk import:\n%q\nwant\n%q", after, before)
	}
}
