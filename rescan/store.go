package rescan

import (
	"context"

	"gorm.io/gorm"

	"lector/apperr"
)

// MaxListed bounds how many rescans Latest returns.
const MaxListed = 20

// Progress is what the pages and GET /api/v1/rescans show: the latest
// rescans, newest first, and how many wait in the queue, not yet started.
type Progress struct {
	Rescans []Rescan `json:"rescans"`
	Queued  int      `json:"queued"`
}

// Running returns the newest rescan if it has not finished.
func (p *Progress) Running() *Rescan {
	if len(p.Rescans) > 0 && !p.Rescans[0].Finished() {
		return &p.Rescans[0]
	}
	return nil
}

// Latest returns the progress of the last n rescans (1..MaxListed) as any
// process sees it: it reads only rows. Anyone may read it.
func Latest(ctx context.Context, db *gorm.DB, n int) (*Progress, error) {
	n = min(max(n, 1), MaxListed)
	p := &Progress{Rescans: []Rescan{}}
	db = db.WithContext(ctx)
	if err := db.Order("id DESC").Limit(n).Find(&p.Rescans).Error; err != nil {
		return nil, apperr.Wrap(err, "list rescans")
	}
	// Jobs that River holds but no worker has started: the rescans row is
	// made when one starts.
	err := db.Raw(`SELECT count(*) FROM river_job j
WHERE j.kind = ? AND j.state IN ('available', 'scheduled', 'retryable', 'pending')
  AND NOT EXISTS (SELECT 1 FROM rescans r WHERE r.job_id = j.id)`, Kind).Scan(&p.Queued).Error
	if err != nil {
		return nil, apperr.Wrap(err, "count queued rescans")
	}
	return p, nil
}
