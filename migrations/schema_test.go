package migrations_test

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/audit"
	"lector/comment"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/notification"
	"lector/overview"
	"lector/rescan"
	"lector/review"
	"lector/webhook"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// models lists every GORM model; a new table needs a model here.
func models() []any {
	return []any{
		&account.User{}, &account.UserRole{}, &account.Session{}, &account.APIToken{}, &account.LoginAttempt{}, &account.OIDCLogin{},
		&glossary.Entry{}, &glossary.Term{}, &glossary.Proposal{}, &glossary.ProposalEvidence{}, &glossary.ImportUpload{},
		&review.Article{}, &review.Segment{}, &review.Flag{}, &review.Correction{}, &review.Dismissal{}, &review.Version{}, &review.VersionSegment{},
		&review.PropagationJob{}, &review.PropagationSegment{},
		&audit.Event{},
		&rescan.Rescan{}, &rescan.Article{},
		&webhook.Endpoint{}, &webhook.Delivery{}, &webhook.Attempt{},
		&comment.Comment{}, &notification.Notification{},
		&overview.StateDelta{}, &overview.FlagDelta{}, &overview.WrongFormDelta{},
	}
}

// ignoredTable reports tables that belong to tools, not to Lector's models.
// River's tables (river_job, river_leader, ...) are River's models.
func ignoredTable(name string) bool {
	return name == "goose_db_version" || strings.HasPrefix(name, "river_")
}

type column struct {
	Table    string `gorm:"column:table_name"`
	Name     string `gorm:"column:column_name"`
	DataType string `gorm:"column:data_type"`
	Nullable string `gorm:"column:is_nullable"`
}

// pgTypes are the PostgreSQL types a Go type may be stored in.
func pgTypes(t reflect.Type) []string {
	switch {
	case t == reflect.TypeOf(time.Time{}):
		return []string{"timestamp with time zone"}
	case t == reflect.TypeOf(json.RawMessage{}):
		return []string{"jsonb"}
	case t == reflect.TypeOf([]byte(nil)):
		return []string{"bytea"}
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64:
		return []string{"bigint", "integer"}
	case reflect.Int32:
		return []string{"integer"}
	case reflect.String:
		return []string{"text"}
	case reflect.Bool:
		return []string{"boolean"}
	case reflect.Float64:
		return []string{"double precision"}
	}
	return nil
}

// TestModelsMatchMigrations fails when a GORM model and the schema the
// migrations build disagree: a missing column or field, a type that cannot
// hold the field, or nullability that differs from the field's pointerness.
func TestModelsMatchMigrations(t *testing.T) {
	db := dbtest.New(t)
	var cols []column
	if err := db.Raw(`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
		WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`).Scan(&cols).Error; err != nil {
		t.Fatal(err)
	}
	schema := map[string]map[string]column{}
	for _, c := range cols {
		if schema[c.Table] == nil {
			schema[c.Table] = map[string]column{}
		}
		schema[c.Table][c.Name] = c
	}
	covered := map[string]bool{}
	for _, m := range models() {
		stmt := &gorm.Statement{DB: db}
		if err := stmt.Parse(m); err != nil {
			t.Fatal(err)
		}
		table := stmt.Schema.Table
		covered[table] = true
		tableCols, ok := schema[table]
		if !ok {
			t.Errorf("%T: table %s does not exist in the migrated schema", m, table)
			continue
		}
		seen := map[string]bool{}
		for _, f := range stmt.Schema.Fields {
			if f.DBName == "" {
				continue // a relation, not a column
			}
			seen[f.DBName] = true
			c, ok := tableCols[f.DBName]
			if !ok {
				t.Errorf("%s.%s: field %s has no column", table, f.DBName, f.Name)
				continue
			}
			ft := f.FieldType
			pointer := ft.Kind() == reflect.Pointer
			if pointer {
				ft = ft.Elem()
			}
			if want := pgTypes(ft); !contains(want, c.DataType) {
				t.Errorf("%s.%s: column is %s, field %s is %s (want one of %v)", table, c.Name, c.DataType, f.Name, f.FieldType, want)
			}
			if nullable := c.Nullable == "YES"; nullable != pointer && ft.Kind() != reflect.Slice {
				t.Errorf("%s.%s: column nullable=%v but field %s is %s", table, c.Name, nullable, f.Name, f.FieldType)
			}
		}
		for name := range tableCols {
			if !seen[name] {
				t.Errorf("%s.%s: column has no field in %T", table, name, m)
			}
		}
	}
	var tables []string
	for table := range schema {
		if !covered[table] && !ignoredTable(table) {
			tables = append(tables, table)
		}
	}
	sort.Strings(tables)
	if len(tables) > 0 {
		t.Errorf("tables without a model: %v", tables)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
