//go:build unix

package pgcluster

import (
	"fmt"
	"path/filepath"
	"syscall"
	"time"
)

// Stop shuts an owned server down and returns once no process of the cluster
// is left; for a server another process started it does nothing. It escalates
// fast shutdown (SIGINT: disconnect clients, checkpoint) to immediate shutdown
// (SIGQUIT: crash recovery on next start) to SIGKILL.
func (c *Cluster) Stop() error {
	if c == nil || !c.Owned {
		return nil
	}
	c.stopOnce.Do(func() {
		c.stopping.Store(true)
		close(c.halt)
		c.mu.Lock() // waits for a restart in progress
		defer c.mu.Unlock()
		c.stopErr = c.stop()
	})
	return c.stopErr
}

// kill stops the current process of a start that failed.
func (c *Cluster) kill() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stop()
}

// stop stops the current process; c.mu is held.
func (c *Cluster) stop() error {
	steps := []struct {
		sig  syscall.Signal
		pid  int
		wait time.Duration
	}{
		{syscall.SIGINT, c.Pid, 10 * time.Second},
		{syscall.SIGQUIT, c.Pid, 5 * time.Second},
		{syscall.SIGKILL, c.Pid, 5 * time.Second},
	}
	exited := false
	for _, st := range steps {
		select {
		case <-c.done:
			exited = true
		default:
		}
		if exited {
			break
		}
		_ = syscall.Kill(st.pid, st.sig)
		select {
		case <-c.done:
			exited = true
		case <-time.After(st.wait):
			c.log.Warn("PostgreSQL is slow to stop; escalating", "pid", c.Pid, "signal", st.sig.String())
		}
	}
	if !exited {
		return fmt.Errorf("PostgreSQL (pid %d) did not exit even after SIGKILL", c.Pid)
	}
	// The postmaster waits for its children, but a SIGKILLed one cannot,
	// and each child is its own process group leader (setsid), so they are
	// found through /proc. If another process has meanwhile started a new
	// server on the folder (ours had died), its processes are not ours.
	var except int
	if pf, err := readPidFile(filepath.Join(c.PGData, "postmaster.pid")); err == nil && pf.pid != c.Pid {
		except = pf.pid
	}
	if err := waitGone(c.PGData, except, 5*time.Second); err != nil {
		for _, pid := range leftovers(c.PGData, except) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
		return fmt.Errorf("stopping PostgreSQL: %w", err)
	}
	c.log.Info("embedded PostgreSQL stopped", "pid", c.Pid)
	return nil
}
