package database

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// Fault names why the database could not do a request's work although the
// request itself was fine: the client may send it again later. The values
// are metric labels and log fields.
type Fault string

// The faults FaultOf tells apart.
const (
	// FaultConnection: no connection, or it broke (server down, restarting,
	// network).
	FaultConnection Fault = "connection"
	// FaultBusy: the server refused for lack of resources (too many
	// clients, out of memory) or the pool had no connection in time.
	FaultBusy Fault = "busy"
	// FaultTimeout: a statement ran past statement_timeout, or was
	// cancelled by the server.
	FaultTimeout Fault = "timeout"
	// FaultLock: a lock was not granted within lock_timeout.
	FaultLock Fault = "lock"
	// FaultReadOnly: the server accepts no writes (a standby, or
	// default_transaction_read_only after an operator's intervention).
	FaultReadOnly Fault = "read_only"
	// FaultDiskFull: the server could not write for lack of space.
	FaultDiskFull Fault = "disk_full"
	// FaultStorage: the server's files could not be read or written.
	FaultStorage Fault = "storage"
)

// RetryAfter is how many seconds a client should wait before sending a
// request again after the fault: a storage problem needs a person, the
// others usually pass in moments.
func (f Fault) RetryAfter() int {
	switch f {
	case FaultDiskFull, FaultStorage, FaultReadOnly:
		return 30
	}
	return 2
}

// FaultOf classifies err: a Fault when the database was down, saturated or
// unable to write, "" for anything else (a bug, a constraint, bad input,
// a client that went away).
func FaultOf(err error) Fault {
	if err == nil {
		return ""
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return sqlstateFault(pgErr.Code)
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return "" // the client left; nothing to tell it
	case errors.Is(err, context.DeadlineExceeded), pgconn.Timeout(err):
		return FaultTimeout
	case errors.As(err, &connectErr), errors.As(err, &netErr),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return FaultConnection
	}
	return ""
}

// sqlstateFault classifies PostgreSQL's error codes (Appendix A of its
// manual).
func sqlstateFault(code string) Fault {
	switch code {
	case "53100": // disk_full
		return FaultDiskFull
	case "57014": // query_canceled: statement_timeout
		return FaultTimeout
	case "55P03": // lock_not_available: lock_timeout
		return FaultLock
	case "25006": // read_only_sql_transaction
		return FaultReadOnly
	case "57P01", "57P02", "57P03": // admin_shutdown, crash_shutdown, cannot_connect_now
		return FaultConnection
	}
	switch code[:min(2, len(code))] {
	case "08": // connection exception
		return FaultConnection
	case "53": // insufficient resources: too many connections, out of memory
		return FaultBusy
	case "58": // system error: I/O error
		return FaultStorage
	}
	return ""
}
