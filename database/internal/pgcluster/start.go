//go:build unix

package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// errPortTaken: another program grabbed the port between our probe and the
// server's bind; the caller retries with a new port.
var errPortTaken = errors.New("port already in use")

// starter carries what a fresh start of the server needs.
type starter struct {
	cfg      Config
	log      *slog.Logger
	acct     *account
	dataDir  string
	pgdata   string
	password string
	bins     Binaries
}

func (s *starter) run(ctx context.Context) (*Cluster, error) {
	var err error
	if s.bins, err = s.cfg.Search.binariesFor(ctx, s.acct, s.log); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(s.pgdata, "PG_VERSION")); errors.Is(err, fs.ErrNotExist) {
		if err := s.initdb(ctx); err != nil {
			return nil, err
		}
	} else if s.acct != nil && !s.acct.owns(s.pgdata) {
		// E.g. created by an earlier non-root run; postgres insists on
		// owning its data directory.
		s.log.Info("giving the PostgreSQL data directory to its account", "path", s.pgdata, "account", s.acct.name)
		if err := s.acct.chownTree(s.pgdata); err != nil {
			return nil, fmt.Errorf("chown %s: %w", s.pgdata, err)
		}
	}
	for try := 1; ; try++ {
		c, err := s.launch(ctx)
		if errors.Is(err, errPortTaken) && try < 5 && s.cfg.Port == 0 {
			continue
		}
		return c, err
	}
}

// launch starts postgres as our direct child on a port of its own and
// waits until it accepts connections. It listens on 127.0.0.1 only, with
// Unix sockets disabled (a socket path under a long data folder would
// exceed 107 bytes).
func (s *starter) launch(ctx context.Context) (*Cluster, error) {
	port := s.cfg.Port
	if port == 0 {
		var err error
		if port, err = freePort(); err != nil {
			return nil, err
		}
	}
	c := &Cluster{Owned: true, PGData: s.pgdata, log: s.log, password: s.password,
		host: "127.0.0.1", port: port, starter: s, halt: make(chan struct{})}
	c.URL = c.DatabaseURL(Database)
	if err := s.spawn(ctx, c); err != nil {
		return nil, err
	}
	return c, nil
}

// spawn starts one postgres process for c, on c's port, and waits until it
// accepts connections; when it exits unexpectedly later, c restarts it
// (supervise).
func (s *starter) spawn(ctx context.Context, c *Cluster) error {
	logPath := filepath.Join(s.dataDir, logFileName)
	rotateLog(logPath)
	logf, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("opening PostgreSQL log: %w", err)
	}
	defer logf.Close() // the child keeps its own descriptor
	logStart, _ := logf.Seek(0, 2)

	args := []string{"-D", s.pgdata, "-p", strconv.Itoa(c.port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories=",
		"-c", "cluster_name=lector", // shows in ps: "postgres: lector: checkpointer"
		"-c", "logging_collector=off",
	}
	for _, kv := range s.cfg.Settings {
		args = append(args, "-c", kv)
	}
	cmd := exec.Command(s.bins.Postgres, args...)
	cmd.Dir = s.pgdata
	cmd.Env = serverEnv()
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = sysProcAttr(s.acct.credential())

	done := make(chan struct{})
	started := make(chan error, 1)
	go func() {
		// Never unlocked: Pdeathsig fires when this OS thread exits, so the
		// thread must live exactly as long as the child. When the goroutine
		// returns locked, the runtime discards the thread.
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		err := cmd.Wait()
		close(done)
		if c.running.CompareAndSwap(true, false) && !c.stopping.Load() {
			s.log.Error("embedded PostgreSQL exited unexpectedly; restarting it", "pid", cmd.Process.Pid, "err", err,
				"log", logPath, "data", s.pgdata)
			go c.supervise()
		}
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("starting %s: %w", s.bins.Postgres, err)
	}
	c.mu.Lock()
	c.Pid, c.done = cmd.Process.Pid, done
	c.mu.Unlock()
	s.log.Info("starting embedded PostgreSQL", "pid", cmd.Process.Pid, "port", c.port, "data", s.pgdata, "log", logPath)

	exited := func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	}
	err = waitReady(ctx, c.DatabaseURL("postgres"), time.Now().Add(readyTimeout), exited)
	if err == nil {
		err = ensureDatabase(ctx, c.DatabaseURL("postgres"), Database)
	}
	if err != nil {
		_ = c.kill()
		tail := logTail(logPath, logStart)
		if strings.Contains(tail, "could not bind") || strings.Contains(tail, "could not create any TCP/IP sockets") {
			return errPortTaken
		}
		if strings.Contains(tail, "No space left on device") {
			return fmt.Errorf("%w: %s has %s free; end of %s:\n%s", ErrDiskFull, s.dataDir, freeSpace(s.dataDir), logPath, tail)
		}
		return fmt.Errorf("the server did not start (%w); end of %s:\n%s", err, logPath, tail)
	}
	c.running.Store(true)
	return nil
}

// rotateLog keeps the server log from growing forever: once it passes
// 10 MB it becomes postgres.log.old (replacing the previous one) at a start.
func rotateLog(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > 10<<20 {
		_ = os.Rename(path, path+".old")
	}
}

// freePort asks the kernel for an unused loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// serverEnv drops PG* variables meant for lector's own clients, which would
// otherwise change how initdb or postgres behave.
func serverEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PG") {
			env = append(env, kv)
		}
	}
	return env
}

var errGone = errors.New("the server exited")

// waitReady polls a real connection (pg_isready semantics, but also proving
// the password works) until it succeeds, the server exits, or the deadline.
func waitReady(ctx context.Context, url string, deadline time.Time, exited func() bool) error {
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	var last error
	for {
		cctx, ccancel := context.WithTimeout(ctx, 2*time.Second)
		conn, err := pgx.Connect(cctx, url)
		ccancel()
		if err == nil {
			return conn.Close(ctx)
		}
		last = err
		if strings.Contains(err.Error(), "password authentication failed") {
			return fmt.Errorf("%w (the password in %s no longer matches the cluster)", err, passFileName)
		}
		if exited() {
			return errGone
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("no connection within %v: %w", readyTimeout, last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// ensureDatabase creates the application database on first start (and after
// a first start that was interrupted before getting that far).
func ensureDatabase(ctx context.Context, adminURL, name string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connecting to create database %s: %w", name, err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return fmt.Errorf("looking for database %s: %w", name, err)
	}
	if exists {
		return nil
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return fmt.Errorf("creating database %s: %w", name, err)
	}
	return nil
}

// logTail returns the last lines the server wrote since offset.
func logTail(path string, offset int64) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "(log unreadable: " + err.Error() + ")"
	}
	if offset > 0 && offset <= int64(len(b)) {
		b = b[offset:]
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}
