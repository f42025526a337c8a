package database_test

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"lector/apperr"
	"lector/database"
)

func TestFaultOf(t *testing.T) {
	pg := func(code string) error { return &pgconn.PgError{Code: code, Message: "m"} }
	tests := []struct {
		name string
		err  error
		want database.Fault
	}{
		{"nil", nil, ""},
		{"a bug", errors.New("nil pointer"), ""},
		{"unique violation", pg("23505"), ""},
		{"serialization failure", pg("40001"), ""},
		{"client left", fmt.Errorf("query: %w", context.Canceled), ""},
		{"statement timeout", pg("57014"), database.FaultTimeout},
		{"lock timeout", pg("55P03"), database.FaultLock},
		{"too many clients", pg("53300"), database.FaultBusy},
		{"out of memory", pg("53200"), database.FaultBusy},
		{"disk full", pg("53100"), database.FaultDiskFull},
		{"I/O error", pg("58030"), database.FaultStorage},
		{"read-only", pg("25006"), database.FaultReadOnly},
		{"connection failure", pg("08006"), database.FaultConnection},
		{"admin shutdown", pg("57P01"), database.FaultConnection},
		{"starting up", pg("57P03"), database.FaultConnection},
		{"refused", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, database.FaultConnection},
		{"reset", fmt.Errorf("read: %w", syscall.ECONNRESET), database.FaultConnection},
		{"bad conn", driver.ErrBadConn, database.FaultConnection},
		{"unexpected EOF", fmt.Errorf("receive message: %w", io.ErrUnexpectedEOF), database.FaultConnection},
		{"deadline", context.DeadlineExceeded, database.FaultTimeout},
		{"wrapped in an application error", apperr.Wrap(pg("55P03"), "claim"), database.FaultLock},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := database.FaultOf(tt.err); got != tt.want {
				t.Errorf("FaultOf(%v) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}
