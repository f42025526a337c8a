//go:build unix

package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"syscall"
	"time"
)

// ErrDiskFull: the server could not start or write for lack of space in
// its data folder.
var ErrDiskFull = errors.New("the data folder's file system is full")

// Restart timings: the first restart comes almost at once (a killed
// server is back in well under a second), then the pauses double up to
// maxBackoff. A server that could not be restarted for RestartFor is
// reported as failed (Failed), and restarts go on at maxBackoff.
const (
	firstBackoff      = 100 * time.Millisecond
	maxBackoff        = 5 * time.Second
	DefaultRestartFor = time.Minute
)

// supervise restarts the owned server after it exited unexpectedly, on the
// same port (so the pools' URL stays valid), until it runs again or Stop.
func (c *Cluster) supervise() {
	s := c.starter
	if s.cfg.NoRestart {
		return
	}
	restartFor := s.cfg.RestartFor
	if restartFor <= 0 {
		restartFor = DefaultRestartFor
	}
	giveUp := time.Now().Add(restartFor)
	backoff := firstBackoff
	for try := 1; ; try++ {
		select {
		case <-c.halt:
			return
		case <-time.After(backoff):
		}
		err := c.restart()
		if err == nil {
			c.failed.Store(nil)
			s.log.Info("embedded PostgreSQL restarted", "pid", c.CurrentPid(), "port", c.port, "tries", try)
			return
		}
		if c.stopping.Load() {
			return
		}
		if errors.Is(err, errTakenOver) {
			e := fmt.Errorf("the embedded PostgreSQL exited and %w; restart this process to use it", err)
			c.failed.Store(&e)
			s.log.Error("embedded PostgreSQL taken over by another process", "err", err)
			return
		}
		attrs := []any{"err", err, "try", try, "data", s.dataDir, "free", freeSpace(s.dataDir), "retry_in", backoff}
		if errors.Is(err, ErrDiskFull) {
			s.log.Error("embedded PostgreSQL cannot restart: its disk is full", attrs...)
		} else {
			s.log.Error("embedded PostgreSQL did not restart", attrs...)
		}
		if time.Now().After(giveUp) && c.failed.Load() == nil {
			e := fmt.Errorf("the embedded PostgreSQL on %s exited and could not be restarted for %v: %w", s.pgdata, restartFor, err)
			c.failed.Store(&e)
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

// errTakenOver: another lector process started a server on the folder
// meanwhile; this process's pools point at the old port.
var errTakenOver = errors.New("another lector process restarted the server")

func (c *Cluster) restart() error {
	s := c.starter
	ctx, cancel := context.WithTimeout(context.Background(), lockTimeout+readyTimeout)
	defer cancel()
	// Starts are serialised between processes, as at the first start: a
	// `lector migrate` may find the server dead at the same moment.
	unlock, err := lockFile(ctx, filepath.Join(s.dataDir, lockFileName), s.log)
	if err != nil {
		return err
	}
	defer unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopping.Load() {
		return errors.New("stopping")
	}
	if pf, err := readPidFile(filepath.Join(c.PGData, "postmaster.pid")); err == nil {
		if alive, ours := isPostmaster(pf.pid, c.PGData); alive && ours {
			return fmt.Errorf("%w (pid %d, port %d)", errTakenOver, pf.pid, pf.port)
		}
	}
	// The children of a killed postmaster leave on their own shortly;
	// a new one must not start while any still touches the files.
	if err := waitGone(c.PGData, 0, 10*time.Second); err != nil {
		return err
	}
	// spawn takes c.mu itself to publish the new process.
	c.mu.Unlock()
	err = s.spawn(ctx, c)
	c.mu.Lock()
	if err == nil && c.stopping.Load() {
		// Stop came while the server was starting and found the old,
		// dead process: this one is stopped here.
		return errors.Join(errors.New("stopping"), c.stop())
	}
	return err
}

// Up reports whether the server this process started runs now (always true
// for one another process runs: that process supervises it).
func (c *Cluster) Up() bool {
	if c == nil || !c.Owned {
		return true
	}
	return c.running.Load()
}

// Failed is the error of a server that exited and could not be restarted
// for RestartFor; nil while it runs or may still come back.
func (c *Cluster) Failed() error {
	if c == nil {
		return nil
	}
	if e := c.failed.Load(); e != nil {
		return *e
	}
	return nil
}

// CurrentPid is the pid of the current postmaster.
func (c *Cluster) CurrentPid() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.Pid
}

// FreeBytes is the space left to unprivileged users on the file system of
// the data folder.
func (c *Cluster) FreeBytes() (uint64, error) {
	return freeBytes(filepath.Dir(c.PGData))
}

func freeBytes(dir string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return st.Bavail * uint64(st.Bsize), nil
}

// freeSpace is freeBytes for a log line.
func freeSpace(dir string) string {
	n, err := freeBytes(dir)
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
