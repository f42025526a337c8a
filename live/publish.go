package live

import (
	"context"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"lector/apperr"
)

// maxPayload is below PostgreSQL's 8000-byte NOTIFY limit.
const maxPayload = 7000

// Publish sends an ephemeral event (no audit row: a job's progress, say) to
// the subscribers of its topics in every lector process, from any process
// with a database connection:
//
//	live.Publish(ctx, db, live.Event{Type: "rescan", Topics: []string{"rescan:7"},
//		Data: json.RawMessage(`{"done": 120, "total": 800}`)})
//
// Such events are not replayed to a browser that reconnects, so each should
// carry the whole state (done and total, not an increment). Within a
// transaction, PostgreSQL delivers it at commit. Codes: invalid (no type or
// topic, or too large), internal.
func Publish(ctx context.Context, db *gorm.DB, e Event) error {
	if e.Type == "" || len(e.Topics) == 0 {
		return apperr.New(apperr.Invalid, "error.live_event", nil)
	}
	e.ID = 0
	payload, err := json.Marshal(e)
	if err != nil {
		return apperr.Wrap(err, "live event")
	}
	if len(payload) > maxPayload {
		return apperr.New(apperr.Invalid, "error.live_event", nil)
	}
	if err := db.WithContext(ctx).Exec(`SELECT pg_notify(?, ?)`, Channel, string(payload)).Error; err != nil {
		return apperr.Wrap(err, fmt.Sprintf("publishing a %s event", e.Type))
	}
	return nil
}
