package webhook

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
)

// Inserter puts a River job in the queue inside tx, the transaction that
// calls for it (rescan.Queue.InsertTx).
type Inserter interface {
	InsertTx(ctx context.Context, tx *gorm.DB, args river.JobArgs) error
}

// Emitter turns events into deliveries. A nil *Emitter emits nothing (the
// command line, tests of other packages).
type Emitter struct {
	Jobs Inserter
}

// message is a delivery's body (contract §4).
type message struct {
	Type      string `json:"type"`
	Timestamp string `json:"timestamp"`
	Data      any    `json:"data"`
}

// Emit records event, with what data returns as its "data", for every
// endpoint that asked for it, and queues the jobs that send them, all
// inside tx: the deliveries exist exactly when the change that caused them
// commits, and nothing is sent from the request. With no endpoint for the
// event it costs one query of a table of a few rows, and data is not
// called.
func (e *Emitter) Emit(ctx context.Context, tx *gorm.DB, event string, data func() (any, error)) error {
	if e == nil || e.Jobs == nil {
		return nil
	}
	var endpoints []int64
	if err := tx.WithContext(ctx).Raw(`SELECT id FROM webhook_endpoints WHERE events @> jsonb_build_array(?::text) ORDER BY id`,
		event).Scan(&endpoints).Error; err != nil {
		return fmt.Errorf("webhook: %s: %w", event, err)
	}
	if len(endpoints) == 0 {
		return nil
	}
	d, err := data()
	if err != nil {
		return fmt.Errorf("webhook: %s: %w", event, err)
	}
	body, err := json.Marshal(message{Type: event, Timestamp: time.Now().UTC().Format(time.RFC3339), Data: d})
	if err != nil {
		return fmt.Errorf("webhook: %s: %w", event, err)
	}
	for _, id := range endpoints {
		d := Delivery{EndpointID: id, MessageID: newMessageID(), Event: event, Body: string(body), Status: StatusPending}
		if err := tx.WithContext(ctx).Create(&d).Error; err != nil {
			return fmt.Errorf("webhook: %s: %w", event, err)
		}
		if err := e.Jobs.InsertTx(ctx, tx, DeliverArgs{Delivery: d.ID}); err != nil {
			return fmt.Errorf("webhook: %s: %w", event, err)
		}
	}
	return nil
}

// GlossaryChanged emits GlossaryChanged with the write's reason (a
// glossary.Reason*); with rescan.Queue.Enqueue it makes a glossary.Changed.
func (e *Emitter) GlossaryChanged(ctx context.Context, tx *gorm.DB, reason string) error {
	return e.Emit(ctx, tx, GlossaryChanged, func() (any, error) { return map[string]any{"reason": reason}, nil })
}

// newMessageID is a webhook-id: unique per delivery, kept across retries.
func newMessageID() string {
	return "msg_" + rand.Text()
}
