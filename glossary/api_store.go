package glossary

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/audit"
)

// apiLock keeps other glossary writers, imports included, out until the
// commit, so that the conflict check is about what gets written; readers
// go on. The same lock Import takes.
const apiLock = "LOCK TABLE glossary_entries, glossary_terms IN SHARE ROW EXCLUSIVE MODE"

// SaveEntry creates in (id 0) or replaces the type, note and terms of entry
// id, keeping its key, with an audit event naming actor. The entry is
// checked by the import's rules against the whole glossary (impPlan): a
// broken rule is Invalid naming the field, a form that is another entry's
// preferred form a Conflict naming it; either comes as an *EntryError that
// lists every rule the entry breaks. When in.Revision is not 0 and the
// stored entry has moved past it, the edit is stale: a Conflict with
// message error.glossary_stale. Callers must have checked the role.
func SaveEntry(ctx context.Context, db *gorm.DB, id int64, in Entry, actor *int64) (Entry, error) {
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(apiLock).Error; err != nil {
			return apperr.Wrap(err, "lock glossary")
		}
		stored, err := LoadEntries(ctx, tx)
		if err != nil {
			return err
		}
		var old *Entry
		for i := range stored {
			if (id != 0 && stored[i].ID == id) || (id == 0 && stored[i].Key == in.Key) {
				old = &stored[i]
			}
		}
		switch {
		case id != 0 && old == nil:
			return apperr.New(apperr.NotFound, "error.glossary_entry_not_found", map[string]any{"ID": id})
		case id == 0 && old != nil:
			return apperr.New(apperr.Conflict, "error.glossary_key_taken", map[string]any{"Key": in.Key})
		case old != nil && in.Revision != 0 && in.Revision != old.Revision:
			return apperr.New(apperr.Conflict, "error.glossary_stale", map[string]any{"Revision": old.Revision, "Yours": in.Revision})
		case old != nil:
			in.Key, in.ID, in.CreatedAt = old.Key, old.ID, old.CreatedAt
		}
		plan := impPlan(stored, []Entry{in}, ImportOptions{})
		if err := apiConflictError(in, plan.Conflicts); err != nil {
			return &EntryError{Conflicts: plan.Conflicts, Err: err}
		}
		in.UpdatedAt = time.Now()
		if old == nil {
			in.CreatedAt = in.UpdatedAt
			if err := tx.Create(&in).Error; err != nil {
				return apperr.Wrap(err, "create glossary entry")
			}
			in.Revision = 1 // set by the trigger
			return apiAudit(ctx, tx, actor, in.ID, "create", map[string]any{"key": in.Key, "after": apiView(in)})
		}
		if len(plan.Changed) == 0 {
			in.Terms, in.UpdatedAt, in.Revision = old.Terms, old.UpdatedAt, old.Revision
			return nil // nothing to write, nothing to record
		}
		in.Revision = old.Revision + 1 // the trigger's count
		if err := tx.Model(&Entry{}).Where("id = ?", in.ID).
			Updates(map[string]any{"type": in.Type, "note": in.Note, "updated_at": in.UpdatedAt}).Error; err != nil {
			return apperr.Wrap(err, "update glossary entry")
		}
		// Replaced, not diffed: this sidesteps the one-preferred index while
		// a preferred form moves, as Import does.
		if err := tx.Exec("DELETE FROM glossary_terms WHERE entry_id = ?", in.ID).Error; err != nil {
			return apperr.Wrap(err, "replace glossary terms")
		}
		in.Terms = impAppendTerms(nil, in.ID, in.Terms)
		if err := tx.Create(&in.Terms).Error; err != nil {
			return apperr.Wrap(err, "replace glossary terms")
		}
		return apiAudit(ctx, tx, actor, in.ID, "update", plan.Changed[0])
	})
	return in, err
}

// EntryError is SaveEntry's refusal of an entry that breaks the glossary's
// rules: Conflicts lists every problem (the pages show each by its field),
// Err is the first as an *apperr.Error (what the API answers).
type EntryError struct {
	Conflicts []Conflict
	Err       error
}

func (e *EntryError) Error() string { return e.Err.Error() }
func (e *EntryError) Unwrap() error { return e.Err }

// apiConflictError turns the import plan's conflicts about one entry into
// the error the API answers with: the first conflict decides.
func apiConflictError(e Entry, conflicts []Conflict) error {
	if len(conflicts) == 0 {
		return nil
	}
	c := conflicts[0]
	if c.Kind == ConflictFormClash {
		return apperr.New(apperr.Conflict, "error.glossary_form_clash", map[string]any{
			"Lang": c.Lang, "Form": c.Form, "Other": c.Other, "OtherForm": c.OtherForm})
	}
	field := "key"
	if c.Form != "" {
		for i, t := range e.Terms {
			if t.Lang == c.Lang && t.Form == c.Form {
				field = fmt.Sprintf("terms[%d]", i)
			}
		}
	} else if strings.Contains(c.Problem, "note") {
		field = "note"
	}
	return apiInvalid(field, c.Problem)
}

// DeleteEntry deletes entry id and its terms, with an audit event that
// keeps the entry as it was; flags keep their text and lose the link (ON
// DELETE SET NULL). Codes: not_found.
func DeleteEntry(ctx context.Context, db *gorm.DB, id int64, actor *int64) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		// Locked first, so that the audit's "before" is what gets deleted.
		if err := tx.Exec("SELECT 1 FROM glossary_entries WHERE id = ? FOR UPDATE", id).Error; err != nil {
			return apperr.Wrap(err, "lock glossary entry")
		}
		before, err := GetEntry(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM glossary_entries WHERE id = ?", id).Error; err != nil {
			return apperr.Wrap(err, "delete glossary entry")
		}
		return apiAudit(ctx, tx, actor, id, "delete", map[string]any{"key": before.Key, "before": apiView(before)})
	})
}

// GetEntry returns entry id with its terms.
func GetEntry(ctx context.Context, db *gorm.DB, id int64) (Entry, error) {
	var e Entry
	err := db.WithContext(ctx).Preload("Terms", func(q *gorm.DB) *gorm.DB { return q.Order("id") }).First(&e, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return e, apperr.New(apperr.NotFound, "error.glossary_entry_not_found", map[string]any{"ID": id})
	}
	if err != nil {
		return e, apperr.Wrap(err, "get glossary entry")
	}
	return e, nil
}

func apiAudit(ctx context.Context, tx *gorm.DB, actor *int64, id int64, action string, detail any) error {
	raw, err := json.Marshal(detail)
	if err != nil {
		return apperr.Wrap(err, "audit detail")
	}
	return audit.Record(ctx, tx, &audit.Event{ActorID: actor, SubjectType: "glossary_entry", SubjectID: id,
		Action: action, Detail: raw})
}
