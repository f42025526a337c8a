package rescan

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"lector/glossary"
	"lector/review"
)

// run is one slice of a rescan in progress: its row, the checker it uses,
// and the last article it looked at.
type run struct {
	db      *gorm.DB
	rescan  Rescan
	checker *review.Checker
	cursor  int64
}

// glossaryReadLock conflicts with every glossary write (they take ROW
// EXCLUSIVE or SHARE ROW EXCLUSIVE), so a rescan's row and the glossary it
// reads are one moment: a write committed before it is in the glossary
// read, a write after it finds the row and asks for the next rescan.
const glossaryReadLock = "LOCK TABLE glossary_entries, glossary_terms IN SHARE MODE"

// begin resumes job's rescan or starts it, and builds a checker from the
// glossary in the database: the process's own live checker may be older
// than a write another process made.
func begin(ctx context.Context, db *gorm.DB, jobID int64, reason string) (*run, error) {
	if reason == "" {
		reason = "glossary"
	}
	r := &run{db: db}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(glossaryReadLock).Error; err != nil {
			return err
		}
		if err := tx.Where("job_id = ?", jobID).Limit(1).Find(&r.rescan).Error; err != nil {
			return err
		}
		if r.rescan.ID == 0 {
			now := time.Now()
			r.rescan = Rescan{JobID: jobID, Reason: reason, StartedAt: now, UpdatedAt: now}
			if err := tx.Create(&r.rescan).Error; err != nil {
				return err
			}
		}
		// The articles left, counted again on every slice: articles added
		// meanwhile are rescanned too.
		var total []int
		err := tx.Raw(`UPDATE rescans SET total = done + (SELECT count(*) FROM articles a
WHERE NOT EXISTS (SELECT 1 FROM rescan_articles ra WHERE ra.rescan_id = rescans.id AND ra.article_id = a.id))
WHERE id = ? AND finished_at IS NULL RETURNING total`, r.rescan.ID).Scan(&total).Error
		if err != nil {
			return err
		}
		if len(total) == 1 {
			r.rescan.Total = total[0]
		}
		entries, err := glossary.LoadEntries(ctx, tx)
		if err != nil {
			return err
		}
		r.checker = review.NewChecker(entries)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rescan: starting job %d: %w", jobID, err)
	}
	return r, nil
}

// next returns the next article this rescan has not done.
func (r *run) next(ctx context.Context) (int64, bool, error) {
	var ids []int64
	err := r.db.WithContext(ctx).Raw(`SELECT a.id FROM articles a
WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM rescan_articles ra WHERE ra.rescan_id = ? AND ra.article_id = a.id)
ORDER BY a.id LIMIT 1`, r.cursor, r.rescan.ID).Scan(&ids).Error
	if err != nil {
		return 0, false, fmt.Errorf("rescan: next article: %w", err)
	}
	if len(ids) == 0 {
		return 0, false, nil
	}
	r.cursor = ids[0]
	return ids[0], true, nil
}

// article rescans one article and records it as done, in one transaction:
// a run that dies midway leaves the article to be done again, and one that
// commits never has it done twice (the row's key refuses a second).
func (r *run) article(ctx context.Context, id int64) error {
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		claim := tx.Exec(`INSERT INTO rescan_articles (rescan_id, article_id, done_at)
SELECT ?, id, now() FROM articles WHERE id = ? ON CONFLICT DO NOTHING`, r.rescan.ID, id)
		if claim.Error != nil {
			return claim.Error
		}
		if claim.RowsAffected == 0 {
			return nil // deleted meanwhile, or done by an earlier run of this job
		}
		res, err := review.RescanArticle(ctx, tx, r.checker, id)
		if err != nil {
			return err
		}
		if err := tx.Exec(`UPDATE rescan_articles SET flags_added = ?, flags_closed = ? WHERE rescan_id = ? AND article_id = ?`,
			res.Added, res.Closed, r.rescan.ID, id).Error; err != nil {
			return err
		}
		var c struct{ Done, FlagsAdded, FlagsClosed int }
		err = tx.Raw(`UPDATE rescans SET done = done + 1, flags_added = flags_added + ?, flags_closed = flags_closed + ?,
    updated_at = now() WHERE id = ? RETURNING done, flags_added, flags_closed`, res.Added, res.Closed, r.rescan.ID).
			Scan(&c).Error
		r.rescan.Done, r.rescan.FlagsAdded, r.rescan.FlagsClosed = c.Done, c.FlagsAdded, c.FlagsClosed
		return err
	})
}

// finish marks the rescan finished; the total becomes what was done, which
// differs from the count at the start when articles came or went.
func (r *run) finish(ctx context.Context) error {
	var done Rescan
	err := r.db.WithContext(ctx).Raw(`UPDATE rescans SET total = done, finished_at = coalesce(finished_at, now()), updated_at = now()
WHERE id = ? RETURNING *`, r.rescan.ID).Scan(&done).Error
	r.rescan = done
	if err != nil {
		return fmt.Errorf("rescan: finishing %d: %w", r.rescan.ID, err)
	}
	return nil
}
