package review

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm/schema"

	"lector/database/dbtest"
)

// TestColumnsMatchModels: each hand-written column list names every
// column of its table, once, and fields() points, at each position, at
// the model field the ORM maps to that column. A column added by a
// migration, or a field reordered, fails here rather than scanning a
// value into the wrong field.
func TestColumnsMatchModels(t *testing.T) {
	db := dbtest.New(t)
	for _, tc := range []struct {
		table, columns string
		model          interface{ fields() []any }
	}{
		{"segments", segmentColumns, &Segment{}},
		{"corrections", correctionColumns, &Correction{}},
		{"flags", flagColumns, &Flag{}},
	} {
		t.Run(tc.table, func(t *testing.T) {
			fields := tc.model.fields()
			cols := strings.Split(tc.columns, ",")
			for i := range cols {
				cols[i] = strings.Trim(strings.TrimSpace(cols[i]), `"`)
			}
			var inTable []string
			if err := db.Raw(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()
AND table_name = ? ORDER BY ordinal_position`, tc.table).Scan(&inTable).Error; err != nil {
				t.Fatal(err)
			}
			if got, want := slices.Sorted(slices.Values(cols)), slices.Sorted(slices.Values(inTable)); !slices.Equal(got, want) {
				t.Fatalf("column list %v\ntable has  %v", got, want)
			}
			if len(fields) != len(cols) {
				t.Fatalf("%d fields for %d columns", len(fields), len(cols))
			}
			s, err := schema.Parse(tc.model, &sync.Map{}, schema.NamingStrategy{})
			if err != nil {
				t.Fatal(err)
			}
			base := reflect.ValueOf(tc.model).Pointer()
			for i, col := range cols {
				f := s.LookUpField(col)
				if f == nil {
					t.Fatalf("column %s: no field in %s", col, s.Name)
				}
				// The field's address, not its Offset: an embedded struct's
				// fields (Decision's) have offsets within it.
				want := reflect.ValueOf(tc.model).Elem().FieldByIndex(f.StructField.Index).Addr().Pointer() - base
				if off := reflect.ValueOf(fields[i]).Pointer() - base; off != want {
					t.Errorf("column %d (%s): fields() points at offset %d, the ORM maps it to %s at offset %d",
						i, col, off, f.Name, want)
				}
			}
		})
	}
}
