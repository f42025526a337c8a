package glossary

import (
	"context"

	"gorm.io/gorm"
)

// The glossary's entry writes, one method per use case, called by both the
// JSON API and the pages: the store function in its transaction, then the
// live checker's reload. Whatever must follow every entry write (a rescan
// of the articles, say) belongs here, so that it covers both.

// writeEntry saves entry id (0: a new one) as SaveEntry does, with
// Changed in its transaction, then reloads the checker. Codes: as SaveEntry.
func (h *Handlers) writeEntry(ctx context.Context, id int64, in Entry, actor *int64) (Entry, error) {
	reason := ReasonUpdate
	if id == 0 {
		reason = ReasonCreate
	}
	var e Entry
	err := h.write(ctx, reason, func(tx *gorm.DB) (err error) {
		e, err = SaveEntry(ctx, tx, id, in, actor)
		return err
	})
	if err != nil {
		return e, err
	}
	h.reload(ctx)
	return e, nil
}

// removeEntry deletes entry id as DeleteEntry does, with Changed in its
// transaction, then reloads the checker. Codes: not_found.
func (h *Handlers) removeEntry(ctx context.Context, id int64, actor *int64) error {
	err := h.write(ctx, ReasonDelete, func(tx *gorm.DB) error { return DeleteEntry(ctx, tx, id, actor) })
	if err != nil {
		return err
	}
	h.reload(ctx)
	return nil
}
