// Package webhook tells other systems what happened in Lector: admins
// register endpoints (a URL, a secret, the events wanted); every event
// (a version published, a correction submitted, approved or rejected, a
// glossary change) becomes, in the transaction of the change, one delivery
// per endpoint and a River job that sends it, signed the Standard Webhooks
// way, with retries and exponential backoff; every attempt is logged.
package webhook

import (
	"encoding/json"
	"slices"
	"time"
)

// The events an endpoint may ask for (contract §3).
const (
	VersionPublished    = "version.published"
	CorrectionSubmitted = "correction.submitted"
	CorrectionApproved  = "correction.approved"
	CorrectionRejected  = "correction.rejected"
	GlossaryChanged     = "glossary.changed"
)

// Events lists every event, in the order pages show them.
func Events() []string {
	return []string{VersionPublished, CorrectionSubmitted, CorrectionApproved, CorrectionRejected, GlossaryChanged}
}

// Endpoint is a registered receiver. Secret signs its deliveries and never
// leaves the server (not in JSON, not on pages).
type Endpoint struct {
	ID        int64           `json:"id" gorm:"primaryKey"`
	URL       string          `json:"url"`
	Secret    string          `json:"-"`
	Events    json.RawMessage `json:"events" gorm:"type:jsonb"` // a JSON array of event names
	CreatedBy *int64          `json:"-"`
	CreatedAt time.Time       `json:"created_at"`
}

// TableName is the endpoints' table.
func (Endpoint) TableName() string { return "webhook_endpoints" }

// EventList is Events decoded.
func (e Endpoint) EventList() []string {
	var out []string
	_ = json.Unmarshal(e.Events, &out) // the column is checked to be an array of strings by Add
	return out
}

// Wants reports whether the endpoint asked for event.
func (e Endpoint) Wants(event string) bool { return slices.Contains(e.EventList(), event) }

// Delivery statuses.
const (
	StatusPending   = "pending"   // waiting for its first attempt
	StatusRetrying  = "retrying"  // an attempt failed; River tries again later
	StatusDelivered = "delivered" // the receiver answered 2xx
	StatusFailed    = "failed"    // every attempt failed
)

// Delivery is one event for one endpoint. Body is the exact JSON that is
// signed and sent; MessageID is the webhook-id header, the same on every
// attempt so that receivers can tell a retry from a new event.
type Delivery struct {
	ID          int64      `json:"id" gorm:"primaryKey"`
	EndpointID  int64      `json:"endpoint_id"`
	MessageID   string     `json:"message_id"`
	Event       string     `json:"event"`
	Body        string     `json:"-"`
	Status      string     `json:"status"`
	Attempts    int        `json:"attempts"`
	LastStatus  int        `json:"last_status"`
	LastError   string     `json:"last_error"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	DeliveredAt *time.Time `json:"delivered_at"`
}

// TableName is the deliveries' table.
func (Delivery) TableName() string { return "webhook_deliveries" }

// Attempt is one try to send a delivery: the receiver's status code (0
// when none came) or what went wrong.
type Attempt struct {
	ID         int64 `gorm:"primaryKey"`
	DeliveryID int64
	At         time.Time
	StatusCode int
	Error      string
	DurationMs int
}

// TableName is the attempts' table.
func (Attempt) TableName() string { return "webhook_attempts" }
