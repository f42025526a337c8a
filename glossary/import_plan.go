package glossary

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"

	"gorm.io/gorm"
)

// Plan is what an import does, or would do, to the stored glossary. It is
// the answer of a dry run and of a real import, and is shaped for the JSON
// API: every list is present, empty rather than null.
type Plan struct {
	New       []string      `json:"new"`       // keys of entries the file adds, in file order
	Changed   []EntryChange `json:"changed"`   // entries the file changes, in file order
	Unchanged []string      `json:"unchanged"` // keys of entries the file names as they are
	Deleted   []string      `json:"deleted"`   // keys of stored entries absent from the file (only with Prune), in key order
	Conflicts []Conflict    `json:"conflicts"` // why the import is refused; empty when it may go ahead
	Applied   bool          `json:"applied"`   // true once Import has committed it
}

// EntryChange lists how one stored entry differs from the file's.
type EntryChange struct {
	Key    string        `json:"key"`
	Fields []FieldChange `json:"fields"` // "type", "note"
	Terms  []TermChange  `json:"terms"`
}

// TermChange is one term added, removed or changed; a term is known by its
// language and form.
type TermChange struct {
	Lang   string        `json:"lang"`
	Form   string        `json:"form"`
	Change string        `json:"change"` // "added", "removed", "changed"
	Status Status        `json:"status"` // the new status; the old one for a removed term
	Fields []FieldChange `json:"fields"` // for "changed": "status", "case_sensitive", "note", "source"
}

// FieldChange is one field's value before and after.
type FieldChange struct {
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// Summary counts a plan's lists.
type Summary struct {
	New       int `json:"new"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
	Deleted   int `json:"deleted"`
	Conflicts int `json:"conflicts"`
}

// Summary returns the sizes of p's lists.
func (p Plan) Summary() Summary {
	return Summary{New: len(p.New), Changed: len(p.Changed), Unchanged: len(p.Unchanged),
		Deleted: len(p.Deleted), Conflicts: len(p.Conflicts)}
}

// Digest names the plan's content: two plans have the same digest when
// they create, change, leave and delete the same entries in the same way
// and list the same conflicts. Applied is not part of it.
func (p Plan) Digest() string {
	p.Applied = false
	b, _ := json.Marshal(p) // strings, bools and slices of them always marshal
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// ImportOptions choose how the file's entries meet the stored ones.
type ImportOptions struct {
	// Prune deletes stored entries the file does not name. Without it an
	// import only adds and changes: the file is the truth for the entries
	// it names, and the others stay.
	Prune bool
	// KeepEntryNotes keeps the stored entry notes: set it for CSV, which has
	// no column for them, so that a CSV import does not erase them.
	KeepEntryNotes bool
	// ActorID is the account the audit events name; nil for the command line.
	ActorID *int64
	// Expect, when set, is the Digest of the plan a person saw in a dry
	// run: Import then writes only if the plan it makes under its lock is
	// that plan, so that what is applied is exactly what was previewed.
	Expect string `json:"-"`
	// Changed, when set, is called inside the import's transaction once it
	// has written something (see Changed); its error rolls the import back.
	Changed Changed `json:"-"`
}

// PlanImport compares incoming entries, by key, with the stored glossary
// and says what Import would do, writing nothing. It takes the options
// because Prune and KeepEntryNotes change the answer. Anyone who may read
// the glossary may call it; it returns only internal errors: a problem with
// the entries is a Conflict in the plan.
func PlanImport(ctx context.Context, db *gorm.DB, incoming []Entry, opts ImportOptions) (Plan, error) {
	stored, err := LoadEntries(ctx, db)
	if err != nil {
		return Plan{}, err
	}
	return impPlan(stored, incoming, opts), nil
}

// impPlan is PlanImport on entries in memory.
func impPlan(stored, incoming []Entry, opts ImportOptions) Plan {
	p := Plan{New: []string{}, Changed: []EntryChange{}, Unchanged: []string{}, Deleted: []string{}}
	byKey := make(map[string]*Entry, len(stored))
	for i := range stored {
		byKey[stored[i].Key] = &stored[i]
	}
	named := make(map[string]bool, len(incoming))
	for _, in := range incoming {
		if named[in.Key] { // reported as a conflict; counted once
			continue
		}
		named[in.Key] = true
		old, ok := byKey[in.Key]
		switch {
		case !ok:
			p.New = append(p.New, in.Key)
		default:
			if c := impDiff(*old, in, opts.KeepEntryNotes); c != nil {
				p.Changed = append(p.Changed, *c)
			} else {
				p.Unchanged = append(p.Unchanged, in.Key)
			}
		}
	}
	if opts.Prune {
		for _, e := range stored {
			if !named[e.Key] {
				p.Deleted = append(p.Deleted, e.Key)
			}
		}
		slices.Sort(p.Deleted)
	}
	p.Conflicts = impConflicts(stored, incoming, opts.Prune)
	return p
}

// impTermID is a term's identity within its entry.
type impTermID struct{ lang, form string }

// impDiff returns how in differs from old, or nil when it does not. The
// order of the terms is not a difference: nothing reads meaning into it.
func impDiff(old, in Entry, keepNote bool) *EntryChange {
	c := EntryChange{Key: in.Key, Fields: []FieldChange{}, Terms: []TermChange{}}
	if old.Type != in.Type {
		c.Fields = append(c.Fields, FieldChange{"type", old.Type, in.Type})
	}
	if !keepNote && old.Note != in.Note {
		c.Fields = append(c.Fields, FieldChange{"note", old.Note, in.Note})
	}
	before := make(map[impTermID]Term, len(old.Terms))
	for _, t := range old.Terms {
		before[impTermID{t.Lang, t.Form}] = t
	}
	seen := make(map[impTermID]bool, len(in.Terms))
	for _, t := range in.Terms {
		id := impTermID{t.Lang, t.Form}
		seen[id] = true
		o, ok := before[id]
		if !ok {
			c.Terms = append(c.Terms, TermChange{Lang: t.Lang, Form: t.Form, Change: "added", Status: t.Status, Fields: []FieldChange{}})
			continue
		}
		if f := impTermFields(o, t); len(f) > 0 {
			c.Terms = append(c.Terms, TermChange{Lang: t.Lang, Form: t.Form, Change: "changed", Status: t.Status, Fields: f})
		}
	}
	for _, t := range old.Terms {
		if !seen[impTermID{t.Lang, t.Form}] {
			c.Terms = append(c.Terms, TermChange{Lang: t.Lang, Form: t.Form, Change: "removed", Status: t.Status, Fields: []FieldChange{}})
		}
	}
	if len(c.Fields) == 0 && len(c.Terms) == 0 {
		return nil
	}
	return &c
}

func impTermFields(old, in Term) []FieldChange {
	var f []FieldChange
	if old.Status != in.Status {
		f = append(f, FieldChange{"status", string(old.Status), string(in.Status)})
	}
	if old.CaseSensitive != in.CaseSensitive {
		f = append(f, FieldChange{"case_sensitive", strconv.FormatBool(old.CaseSensitive), strconv.FormatBool(in.CaseSensitive)})
	}
	if old.Note != in.Note {
		f = append(f, FieldChange{"note", old.Note, in.Note})
	}
	if old.Source != in.Source {
		f = append(f, FieldChange{"source", old.Source, in.Source})
	}
	return f
}
