package glossary

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// impStored is the stored glossary the classification cases start from.
func impStored() []Entry {
	return []Entry{
		{ID: 1, Key: "musk", Type: "person", Note: "CEO", Terms: []Term{
			{Lang: "en", Form: "Elon Musk", Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "Ilon Musk", Status: Deprecated, CaseSensitive: true, Note: "back-translated"},
			{Lang: "ru", Form: "Илон Маск", Status: Preferred, CaseSensitive: true},
		}},
		{ID: 2, Key: "kyiv", Type: "place", Terms: []Term{
			{Lang: "en", Form: "Kyiv", Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "Kiev", Status: Deprecated, CaseSensitive: true},
		}},
		{ID: 3, Key: "mask", Type: "term", Terms: []Term{
			{Lang: "en", Form: "mask", Status: Preferred, CaseSensitive: false},
		}},
	}
}

// impWith returns a copy of stored entry key with change applied.
func impWith(key string, change func(*Entry)) Entry {
	for _, e := range impStored() {
		if e.Key == key {
			e.ID = 0
			e.Terms = append([]Term(nil), e.Terms...)
			change(&e)
			return e
		}
	}
	panic(key)
}

func impSame(key string) Entry { return impWith(key, func(*Entry) {}) }

func TestPlanClassification(t *testing.T) {
	tests := []struct {
		name     string
		incoming []Entry
		opts     ImportOptions
		want     Summary
		check    func(t *testing.T, p Plan)
	}{
		{"same entries unchanged", []Entry{impSame("musk"), impSame("kyiv")}, ImportOptions{},
			Summary{Unchanged: 2}, nil},
		{"term order is no change", []Entry{impWith("kyiv", func(e *Entry) { e.Terms[0], e.Terms[1] = e.Terms[1], e.Terms[0] })}, ImportOptions{},
			Summary{Unchanged: 1}, nil},
		{"new entry", []Entry{{Key: "putin", Type: "person", Terms: []Term{{Lang: "en", Form: "Vladimir Putin", Status: Preferred, CaseSensitive: true}}}}, ImportOptions{},
			Summary{New: 1}, func(t *testing.T, p Plan) {
				if p.New[0] != "putin" {
					t.Errorf("new %v", p.New)
				}
			}},
		{"term added, removed and changed", []Entry{impWith("musk", func(e *Entry) {
			e.Terms[1].Status, e.Terms[1].Note, e.Terms[1].Source, e.Terms[1].CaseSensitive = Admitted, "", "WSJ", false
			e.Terms = append(e.Terms[:2], Term{Lang: "uk", Form: "Ілон Маск", Status: Preferred, CaseSensitive: true})
		})}, ImportOptions{}, Summary{Changed: 1}, func(t *testing.T, p Plan) {
			want := []TermChange{
				{Lang: "en", Form: "Ilon Musk", Change: "changed", Status: Admitted, Fields: []FieldChange{
					{"status", "deprecated", "admitted"}, {"case_sensitive", "true", "false"},
					{"note", "back-translated", ""}, {"source", "", "WSJ"}}},
				{Lang: "uk", Form: "Ілон Маск", Change: "added", Status: Preferred, Fields: []FieldChange{}},
				{Lang: "ru", Form: "Илон Маск", Change: "removed", Status: Preferred, Fields: []FieldChange{}},
			}
			if got := p.Changed[0].Terms; !reflect.DeepEqual(got, want) {
				t.Errorf("term changes\n got %+v\nwant %+v", got, want)
			}
		}},
		{"type and note changed", []Entry{impWith("musk", func(e *Entry) { e.Type, e.Note = "organization", "" })}, ImportOptions{},
			Summary{Changed: 1}, func(t *testing.T, p Plan) {
				want := []FieldChange{{"type", "person", "organization"}, {"note", "CEO", ""}}
				if !reflect.DeepEqual(p.Changed[0].Fields, want) {
					t.Errorf("fields %+v", p.Changed[0].Fields)
				}
			}},
		{"a CSV keeps the entry note", []Entry{impWith("musk", func(e *Entry) { e.Note = "" })}, ImportOptions{KeepEntryNotes: true},
			Summary{Unchanged: 1}, nil},
		{"prune lists absent entries", []Entry{impSame("musk")}, ImportOptions{Prune: true},
			Summary{Unchanged: 1, Deleted: 2}, func(t *testing.T, p Plan) {
				if !reflect.DeepEqual(p.Deleted, []string{"kyiv", "mask"}) {
					t.Errorf("deleted %v", p.Deleted)
				}
			}},
		{"form is another stored entry's preferred form", []Entry{{Key: "kiev-band", Type: "organization", Terms: []Term{
			{Lang: "en", Form: "Kyiv", Status: Admitted, CaseSensitive: true}}}}, ImportOptions{},
			Summary{New: 1, Conflicts: 1}, func(t *testing.T, p Plan) {
				want := Conflict{Kind: ConflictFormClash, Key: "kiev-band", Lang: "en", Form: "Kyiv", Status: Admitted,
					Other: "kyiv", OtherForm: "Kyiv", OtherStatus: Preferred}
				if p.Conflicts[0] != want {
					t.Errorf("conflict %+v", p.Conflicts[0])
				}
			}},
		{"preferred form is another entry's deprecated form", []Entry{{Key: "kiev-band", Type: "organization", Terms: []Term{
			{Lang: "en", Form: "Kiev", Status: Preferred, CaseSensitive: true}}}}, ImportOptions{},
			Summary{New: 1, Conflicts: 1}, nil},
		{"same form in another language is fine", []Entry{{Key: "kyiv-de", Type: "place", Terms: []Term{
			{Lang: "de", Form: "Kyiv", Status: Preferred, CaseSensitive: true}}}}, ImportOptions{},
			Summary{New: 1}, nil},
		{"a case-insensitive form clashes whatever the case", []Entry{{Key: "mask-co", Type: "organization", Terms: []Term{
			{Lang: "en", Form: "Mask", Status: Admitted, CaseSensitive: true}}}}, ImportOptions{},
			Summary{New: 1, Conflicts: 1}, nil},
		{"case-sensitive forms differing in case do not clash", []Entry{{Key: "kyiv-lower", Type: "term", Terms: []Term{
			{Lang: "en", Form: "KYIV", Status: Admitted, CaseSensitive: true}}}}, ImportOptions{},
			Summary{New: 1}, nil},
		{"a shared non-preferred form is fine", []Entry{
			{Key: "a", Type: "person", Terms: []Term{{Lang: "en", Form: "Ann Smith", Status: Preferred, CaseSensitive: true}, {Lang: "en", Form: "Smith", Status: Admitted, CaseSensitive: true}}},
			{Key: "b", Type: "person", Terms: []Term{{Lang: "en", Form: "Bob Smith", Status: Preferred, CaseSensitive: true}, {Lang: "en", Form: "Smith", Status: Admitted, CaseSensitive: true}}},
		}, ImportOptions{}, Summary{New: 2}, nil},
		{"two entries of the file with one preferred form", []Entry{
			{Key: "a", Type: "person", Terms: []Term{{Lang: "en", Form: "Sam Lee", Status: Preferred, CaseSensitive: true}}},
			{Key: "b", Type: "person", Terms: []Term{{Lang: "en", Form: "Sam Lee", Status: Preferred, CaseSensitive: true}}},
		}, ImportOptions{}, Summary{New: 2, Conflicts: 1}, func(t *testing.T, p Plan) {
			if c := p.Conflicts[0]; c.Key != "b" || c.Other != "a" {
				t.Errorf("conflict %+v, want it on the later entry b", c)
			}
		}},
		{"moving a preferred form between entries in one file", []Entry{
			impWith("kyiv", func(e *Entry) { e.Terms = e.Terms[1:]; e.Terms[0].Status = Preferred }),
			{Key: "kyiv-new", Type: "place", Terms: []Term{{Lang: "en", Form: "Kyiv", Status: Preferred, CaseSensitive: true}}},
		}, ImportOptions{}, Summary{New: 1, Changed: 1}, nil},
		{"a stored clash the file does not touch is not reported", []Entry{impSame("musk")}, ImportOptions{},
			Summary{Unchanged: 1}, nil},
		{"pruning the other entry removes the clash", []Entry{{Key: "kiev-band", Type: "organization", Terms: []Term{
			{Lang: "en", Form: "Kyiv", Status: Preferred, CaseSensitive: true}}}}, ImportOptions{Prune: true},
			Summary{New: 1, Deleted: 3}, nil},
		{"database rules", []Entry{
			{Key: "x", Type: "animal", Terms: []Term{
				{Lang: "en", Form: "Rex", Status: Preferred}, {Lang: "en", Form: "Rexy", Status: Preferred},
				{Lang: "en", Form: "Rex", Status: Admitted}, {Lang: "en", Form: "R", Status: "wrong"},
				{Lang: "", Form: "R2"}, {Lang: "en", Form: "R\x00"}}},
			{Key: "x", Type: "person"},
			{Key: " ", Type: "person"},
		}, ImportOptions{}, Summary{New: 2, Conflicts: 8}, func(t *testing.T, p Plan) {
			for _, c := range p.Conflicts {
				if c.Kind != ConflictInvalid || c.Problem == "" {
					t.Errorf("conflict %+v, want invalid with a problem", c)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored := impStored()
			if strings.HasPrefix(tt.name, "a stored clash") {
				stored = append(stored, Entry{ID: 4, Key: "kyiv2", Type: "place", Terms: []Term{{Lang: "en", Form: "Kyiv", Status: Preferred, CaseSensitive: true}}})
			}
			p := impPlan(stored, tt.incoming, tt.opts)
			if got := p.Summary(); got != tt.want {
				t.Fatalf("summary %+v, want %+v; conflicts %+v", got, tt.want, p.Conflicts)
			}
			if tt.check != nil {
				tt.check(t, p)
			}
			if _, err := json.Marshal(p); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestPlanJSONHasEmptyLists(t *testing.T) {
	data, err := json.Marshal(impPlan(nil, nil, ImportOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"new":[],"changed":[],"unchanged":[],"deleted":[],"conflicts":[],"applied":false}`
	if string(data) != want {
		t.Errorf("JSON %s, want %s", data, want)
	}
}
