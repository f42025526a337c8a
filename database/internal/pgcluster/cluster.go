//go:build unix

package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Cluster is a running cluster this process either started (Owned) or found
// already running on the same data folder.
type Cluster struct {
	URL    string // postgres URL of the lector database, password included
	Owned  bool   // started by this process; only then does Stop stop it
	PGData string
	Pid    int // the postmaster

	log      *slog.Logger
	password string
	host     string
	port     int

	starter *starter      // how to start the server again; nil unless owned
	halt    chan struct{} // closed by Stop: the supervisor gives up
	// mu guards the current process (Pid, done) against a restart.
	mu   sync.Mutex
	done chan struct{} // closed once the current postmaster has exited
	// An exit after running is set and before stopping is unexpected: it
	// is logged and the server restarted.
	running  atomic.Bool
	stopping atomic.Bool
	failed   atomic.Pointer[error] // the supervisor could not restart the server within RestartFor
	stopOnce sync.Once
	stopErr  error
}

// Start returns the cluster of cfg.DataDir, reusing a server another lector
// process runs there, and otherwise initialising (first time) and starting
// one. Concurrent Starts on one folder are serialised by a file lock so that
// exactly one process starts the server and the others attach to it.
func Start(ctx context.Context, cfg Config) (*Cluster, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.DataDir == "" {
		return nil, errors.New("embedded PostgreSQL: no data folder given")
	}
	dataDir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("resolving data folder %q: %w", cfg.DataDir, err)
	}
	_, statErr := os.Stat(dataDir)
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("creating data folder: %w", err)
	}
	acct, err := serverAccount()
	if err != nil {
		return nil, err
	}
	if errors.Is(statErr, fs.ErrNotExist) && acct != nil {
		// A restrictive umask (077) would lock the server account out of
		// the folder we just made; its secrets are protected file by file.
		if err := os.Chmod(dataDir, 0o755); err != nil {
			return nil, fmt.Errorf("opening up data folder: %w", err)
		}
	}
	if err := acct.checkTraverse(dataDir); err != nil {
		return nil, err
	}
	unlock, err := lockFile(ctx, filepath.Join(dataDir, lockFileName), log)
	if err != nil {
		return nil, err
	}
	defer unlock()

	password, err := readOrCreatePassword(filepath.Join(dataDir, passFileName))
	if err != nil {
		return nil, err
	}
	pgdata := filepath.Join(dataDir, pgdataName)
	c, err := attach(ctx, pgdata, password, log)
	if c != nil || err != nil {
		return c, err
	}
	s := &starter{cfg: cfg, log: log, acct: acct, dataDir: dataDir, pgdata: pgdata, password: password}
	return s.run(ctx)
}

// Port is the TCP port the server listens on.
func (c *Cluster) Port() int { return c.port }

// DatabaseURL is the URL of another database on the same server.
func (c *Cluster) DatabaseURL(name string) string {
	return buildURL(c.host, c.port, c.password, name)
}

func buildURL(host string, port int, password, db string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(Superuser, password), Path: "/" + db}
	q := url.Values{"sslmode": {"disable"}}
	if filepath.IsAbs(host) {
		// Unix socket directory: pgx takes it from the host parameter.
		q.Set("host", host)
		q.Set("port", strconv.Itoa(port))
	} else {
		u.Host = net.JoinHostPort(host, strconv.Itoa(port))
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// attach connects to a server already running on pgdata. It returns nil, nil
// when there is none, after clearing a lock file that would stop a new server.
func attach(ctx context.Context, pgdata, password string, log *slog.Logger) (*Cluster, error) {
	pidPath := filepath.Join(pgdata, "postmaster.pid")
	deadline := time.Now().Add(readyTimeout)
	for {
		pf, err := readPidFile(pidPath)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			log.Warn("removing unreadable PostgreSQL lock file", "path", pidPath, "err", err)
			return nil, removeStale(pidPath, pgdata)
		}
		alive, ours := isPostmaster(pf.pid, pgdata)
		switch {
		case !alive:
			// A killed run. PostgreSQL removes such a file itself after
			// checking the old shared memory is unused, which we cannot, so
			// only make sure the old server's children are gone.
			log.Info("found the lock file of a stopped PostgreSQL; recovering", "pid", pf.pid)
			return nil, waitGone(pgdata, 0, 10*time.Second)
		case !ours:
			// The pid was reused by an unrelated process; PostgreSQL would
			// refuse to start, so the file has to go.
			log.Warn("removing stale PostgreSQL lock file: its pid now belongs to another process", "pid", pf.pid)
			return nil, removeStale(pidPath, pgdata)
		}
		if pf.port > 0 && pf.host() != "" {
			c := &Cluster{Owned: false, PGData: pgdata, Pid: pf.pid, log: log, password: password, host: pf.host(), port: pf.port}
			c.URL = c.DatabaseURL(Database)
			err := waitReady(ctx, c.DatabaseURL("postgres"), deadline, func() bool {
				alive, _ := isPostmaster(pf.pid, pgdata)
				return !alive
			})
			if errors.Is(err, errGone) {
				continue // it was shutting down; look again, then start our own
			}
			if err != nil {
				return nil, fmt.Errorf("connecting to the PostgreSQL already running on %s (pid %d): %w", pgdata, pf.pid, err)
			}
			log.Info("using the PostgreSQL cluster another lector process runs", "pid", pf.pid, "port", pf.port)
			return c, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("PostgreSQL (pid %d) on %s has not published its port within %v", pf.pid, pgdata, readyTimeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func removeStale(pidPath, pgdata string) error {
	if err := waitGone(pgdata, 0, 10*time.Second); err != nil {
		return err
	}
	if err := os.Remove(pidPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing stale lock file: %w", err)
	}
	return nil
}

// waitGone waits until no process of the cluster is left: children of a
// killed postmaster exit on their own shortly after noticing its death, and
// a new server must not start while any of them still touches the files.
// The family of the live postmaster except (0: none) is not waited for.
func waitGone(pgdata string, except int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		pids := leftovers(pgdata, except)
		if len(pids) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("processes of an earlier PostgreSQL on %s are still running (pids %v); stop them first", pgdata, pids)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func leftovers(pgdata string, except int) []int {
	var pids []int
	for _, pid := range Processes(pgdata) {
		if except == 0 || (pid != except && parentPid(pid) != except) {
			pids = append(pids, pid)
		}
	}
	return pids
}
