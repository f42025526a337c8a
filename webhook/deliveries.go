package webhook

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// MaxLogRows is how many deliveries the log shows, newest first.
const MaxLogRows = 200

// LogRow is one delivery as the log shows it.
type LogRow struct {
	Delivery
	URL string `json:"url"`
}

// Log returns the newest deliveries with their endpoint's URL; only admins
// may read it.
func Log(ctx context.Context, db *gorm.DB, p *account.Principal) ([]LogRow, error) {
	if err := account.Require(p, account.RoleAdmin); err != nil {
		return nil, err
	}
	rows := []LogRow{}
	err := db.WithContext(ctx).Raw(`SELECT d.*, e.url FROM webhook_deliveries d
JOIN webhook_endpoints e ON e.id = d.endpoint_id ORDER BY d.created_at DESC, d.id DESC LIMIT ?`, MaxLogRows).Scan(&rows).Error
	if err != nil {
		return nil, apperr.Wrap(err, "webhook log")
	}
	return rows, nil
}

// SendAgain queues one more round of attempts for delivery id, with the
// same body and webhook-id (so that a receiver that did get it can tell);
// only admins may. Codes: unauthorized, forbidden, not_found.
func SendAgain(ctx context.Context, db *gorm.DB, jobs Inserter, p *account.Principal, id int64) error {
	if err := account.Require(p, account.RoleAdmin); err != nil {
		return err
	}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Delivery{}).Where("id = ?", id).Updates(map[string]any{"status": StatusPending, "updated_at": time.Now()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return apperr.New(apperr.NotFound, "webhook.error.delivery_not_found", map[string]any{"ID": id})
		}
		if jobs == nil { // a server wired without its River client: a bug, not the caller's fault
			return errors.New("no job queue")
		}
		return jobs.InsertTx(ctx, tx, DeliverArgs{Delivery: id})
	})
	return apperr.Annotate(err, "send webhook again")
}
