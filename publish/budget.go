package publish

import (
	"context"
	"strconv"
	"time"

	"lector/apperr"
)

// ReadBudget is how long one expensive read (a version diff, an export) may
// take by default. Diffs and exports are about linear in an article's size
// (about a second at the largest article Lector accepts, see BENCHMARKS.md),
// so only an overloaded server reaches it; past it the read stops, its
// queries are cancelled, and the client gets 503 with Retry-After rather
// than a connection held open while the server computes.
const ReadBudget = 30 * time.Second

// readRetryAfter is the Retry-After, in seconds, of a read over its budget.
const readRetryAfter = 30

// overBudget is the cause of a read's context ending at its budget, which
// tells it apart from the client going away.
type overBudget struct{}

func (overBudget) Error() string { return "read over its time budget" }

// readBudget is the handler's budget: h.ReadBudget, else ReadBudget.
func (h *Handlers) readBudget() time.Duration {
	if h.ReadBudget > 0 {
		return h.ReadBudget
	}
	return ReadBudget
}

// withBudget bounds an expensive read by the handler's budget. The request's
// context is the parent, so a client that goes away stops it too.
func (h *Handlers) withBudget(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, h.readBudget(), overBudget{})
}

// budgetErr is the error a read under ctx answers with: 503 unavailable
// when ctx ended at its budget, whatever the read failed with then (a
// cancelled query, a loop that saw ctx end); err otherwise.
func (h *Handlers) budgetErr(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := context.Cause(ctx).(overBudget); ok {
		return &apperr.Error{Code: apperr.Unavailable, MessageID: "error.read_over_budget", Cause: err,
			Data:   map[string]any{"Seconds": int(h.readBudget().Seconds())},
			Header: map[string]string{"Retry-After": strconv.Itoa(readRetryAfter)}}
	}
	return err
}
