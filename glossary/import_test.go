package glossary

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/audit"
	"lector/database/dbtest"
)

// impSeed stores the classification glossary and returns it as loaded.
func impSeed(t *testing.T, db *gorm.DB) []Entry {
	t.Helper()
	var entries []Entry
	for _, e := range impStored() {
		e.ID = 0
		entries = append(entries, e)
	}
	if _, err := Import(context.Background(), db, entries, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return impLoad(t, db)
}

// impLoad returns the stored glossary without ids and timestamps, to
// compare glossaries across imports.
func impLoad(t *testing.T, db *gorm.DB) []Entry {
	t.Helper()
	entries, err := LoadEntries(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for i := range entries {
		e := &entries[i]
		e.ID, e.CreatedAt, e.UpdatedAt = 0, e.CreatedAt.UTC().Truncate(0), e.UpdatedAt.UTC().Truncate(0)
		if len(e.Terms) == 0 {
			e.Terms = nil
		}
		for j := range e.Terms {
			e.Terms[j].ID, e.Terms[j].EntryID = 0, 0
		}
	}
	return entries
}

func impAuditActions(t *testing.T, db *gorm.DB) map[string]int {
	t.Helper()
	var events []audit.Event
	if err := db.Where("subject_type = ?", "glossary_entry").Find(&events).Error; err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, e := range events {
		n[e.Action]++
	}
	return n
}

func TestImportCreatesChangesAndAudits(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	impSeed(t, db)
	var before Entry
	db.Where("key = ?", "musk").First(&before)
	incoming := []Entry{
		impWith("musk", func(e *Entry) { e.Terms[1].Status = Admitted; e.Terms[0], e.Terms[2] = e.Terms[2], e.Terms[0] }),
		impSame("kyiv"),
		{Key: "putin", Type: "person", Terms: []Term{{Lang: "en", Form: "Vladimir Putin", Status: Preferred, CaseSensitive: true}}},
	}
	plan, err := Import(ctx, db, incoming, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := plan.Summary(); got != (Summary{New: 1, Changed: 1, Unchanged: 1}) || !plan.Applied {
		t.Fatalf("plan %+v", plan)
	}
	var after Entry
	db.Preload("Terms", func(tx *gorm.DB) *gorm.DB { return tx.Order("id") }).Where("key = ?", "musk").First(&after)
	if after.ID != before.ID {
		t.Errorf("the changed entry's id went from %d to %d; flags point to it", before.ID, after.ID)
	}
	if len(after.Terms) != 3 || after.Terms[0].Form != "Илон Маск" || after.Terms[1].Status != Admitted {
		t.Errorf("terms after the import %+v, want the file's, in its order", after.Terms)
	}
	if got := impAuditActions(t, db); !reflect.DeepEqual(got, map[string]int{"import.create": 4, "import.update": 1}) {
		t.Errorf("audit actions %v", got)
	}
	// The same file again changes nothing.
	plan, err = Import(ctx, db, incoming, ImportOptions{})
	if err != nil || plan.Summary() != (Summary{Unchanged: 3}) {
		t.Errorf("second import: %+v, %v", plan.Summary(), err)
	}
}

func TestImportRefusesConflictsWritingNothing(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	before := impSeed(t, db)
	incoming := []Entry{
		impWith("musk", func(e *Entry) { e.Terms = e.Terms[:1] }),
		{Key: "new", Type: "person", Terms: []Term{{Lang: "en", Form: "Fresh Name", Status: Preferred, CaseSensitive: true}}},
		{Key: "kiev-band", Type: "organization", Terms: []Term{{Lang: "en", Form: "Kyiv", Status: Admitted, CaseSensitive: true}}},
		impSame("kyiv"), // named, so that pruning keeps the clash
	}
	for _, opts := range []ImportOptions{{}, {Prune: true}} {
		plan, err := Import(ctx, db, incoming, opts)
		if apperr.CodeOf(err) != apperr.Conflict || len(plan.Conflicts) != 1 || plan.Applied {
			t.Fatalf("Import = %+v, %v; want a conflict", plan, err)
		}
		if ae := apperr.As(err); ae.Data["Count"] != 1 {
			t.Errorf("error data %v", ae.Data)
		}
		if after := impLoad(t, db); !reflect.DeepEqual(after, before) {
			t.Errorf("the glossary changed:\n got %+v\nwant %+v", after, before)
		}
	}
	if got := impAuditActions(t, db); got["import.update"]+got["import.delete"] != 0 || got["import.create"] != 3 {
		t.Errorf("audit actions %v: a refused import wrote events", got)
	}
}

// A database error after some rows are written (a trigger refuses one term
// of the last entry) rolls everything back.
func TestImportRollsBackOnDatabaseError(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	before := impSeed(t, db)
	err := db.Exec(`CREATE FUNCTION imp_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'refused by the test'; END; $$;
		CREATE TRIGGER imp_refuse BEFORE INSERT ON glossary_terms FOR EACH ROW
		WHEN (NEW.form = 'Boom') EXECUTE FUNCTION imp_refuse();`).Error
	if err != nil {
		t.Fatal(err)
	}
	incoming := impGenerate(3000, 7)
	incoming = append(incoming, impWith("musk", func(e *Entry) { e.Terms[1].Note = "changed" }),
		Entry{Key: "boom", Type: "term", Terms: []Term{{Lang: "en", Form: "Boom", Status: Preferred}}})
	plan, err := Import(ctx, db, incoming, ImportOptions{Prune: true})
	if apperr.CodeOf(err) != apperr.Internal || plan.Applied {
		t.Fatalf("Import = %+v, %v; want an internal error", plan.Summary(), err)
	}
	if after := impLoad(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("the glossary changed after a failed import: %d entries, want %d", len(after), len(before))
	}
	if n, _ := CountEntries(ctx, db); n != int64(len(before)) {
		t.Errorf("%d entries, want %d", n, len(before))
	}
	if got := impAuditActions(t, db); len(got) != 1 {
		t.Errorf("audit actions %v, want only the seed's", got)
	}
}

func TestImportPrune(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	impSeed(t, db)
	keep := impWith("kyiv", func(e *Entry) { e.Note = "capital" })
	plan, err := Import(ctx, db, []Entry{keep}, ImportOptions{Prune: true})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Summary() != (Summary{Changed: 1, Deleted: 2}) {
		t.Fatalf("plan %+v", plan.Summary())
	}
	after := impLoad(t, db)
	if len(after) != 1 || after[0].Key != "kyiv" || after[0].Note != "capital" {
		t.Errorf("after pruning: %+v", after)
	}
	var terms int64
	db.Model(&Term{}).Count(&terms)
	if terms != 2 {
		t.Errorf("%d terms left, want kyiv's 2", terms)
	}
	if got := impAuditActions(t, db); got["import.delete"] != 2 {
		t.Errorf("audit actions %v", got)
	}
	// Without Prune, absent entries stay.
	if _, err := Import(ctx, db, []Entry{impSame("mask")}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if n, _ := CountEntries(ctx, db); n != 2 {
		t.Errorf("%d entries, want 2", n)
	}
}

func TestPlanImportWritesNothing(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	before := impSeed(t, db)
	plan, err := PlanImport(ctx, db, []Entry{impWith("musk", func(e *Entry) { e.Note = "" }), impSame("kyiv")}, ImportOptions{Prune: true})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Summary() != (Summary{Changed: 1, Unchanged: 1, Deleted: 1}) || plan.Applied {
		t.Errorf("plan %+v", plan)
	}
	if after := impLoad(t, db); !reflect.DeepEqual(after, before) {
		t.Error("PlanImport changed the glossary")
	}
}

// Inside a caller's transaction Import cannot reach the connection for COPY
// and inserts in batches instead; a rollback of the caller undoes it.
func TestImportInCallersTransaction(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	incoming := impGenerate(1500, 3)
	err := db.Transaction(func(tx *gorm.DB) error {
		plan, err := Import(ctx, tx, incoming, ImportOptions{})
		if err != nil || plan.Summary().New != 1500 {
			t.Fatalf("Import = %+v, %v", plan.Summary(), err)
		}
		if n, _ := CountEntries(ctx, tx); n != 1500 {
			t.Errorf("%d entries inside the transaction", n)
		}
		return errors.New("roll back")
	})
	if err == nil {
		t.Fatal("want the caller's error")
	}
	if n, _ := CountEntries(ctx, db); n != 0 {
		t.Errorf("%d entries after the caller's rollback", n)
	}
	if _, err := Import(ctx, db, incoming, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := impLoad(t, db); len(got) != 1500 || !reflect.DeepEqual(got[1499].Terms, incoming[1499].Terms) {
		t.Errorf("after COPY: %d entries, last terms %+v", len(got), got[len(got)-1].Terms)
	}
}

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
