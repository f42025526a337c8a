package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"time"
)

// servers are `lector serve` processes the load test started on its own
// database, each on a free port of 127.0.0.1.
type servers struct {
	procs []*proc
	URLs  []string
}

// proc is one child process; done closes when it has exited (err is then
// its exit error).
type proc struct {
	cmd  *exec.Cmd
	log  *tailBuffer
	done chan struct{}
	err  error
}

// startServers starts n `lector serve` processes on dbURL one after the
// other, each once the previous answers /readyz, so that only the first
// seeds an empty database.
func startServers(ctx context.Context, n int, dbURL string) (*servers, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	s := &servers{}
	for range n {
		addr, err := freePort()
		if err != nil {
			return nil, errors.Join(err, s.stop())
		}
		cmd := exec.Command(exe, "serve", "--addr", addr)
		// The URL carries the password: the environment keeps it out of
		// the process list.
		cmd.Env = append(cmd.Environ(), "DATABASE_URL="+dbURL)
		p := &proc{cmd: cmd, log: &tailBuffer{max: 4096}, done: make(chan struct{})}
		cmd.Stderr = p.log
		if err := cmd.Start(); err != nil {
			return nil, errors.Join(err, s.stop())
		}
		go func() { p.err = cmd.Wait(); close(p.done) }()
		s.procs = append(s.procs, p)
		u := "http://" + addr
		if err := waitReady(ctx, u, p.done); err != nil {
			return nil, errors.Join(fmt.Errorf("lector serve on %s: %w\n%s", addr, err, p.log), s.stop())
		}
		s.URLs = append(s.URLs, u)
	}
	return s, nil
}

// stop interrupts every process, so they shut down gracefully, and waits
// for them.
func (s *servers) stop() error {
	for _, p := range s.procs {
		p.cmd.Process.Signal(os.Interrupt)
	}
	var errs []error
	for i, p := range s.procs {
		select {
		case <-p.done:
		case <-time.After(30 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
		}
		if p.err != nil {
			errs = append(errs, fmt.Errorf("lector serve %d: %w\n%s", i+1, p.err, p.log))
		}
	}
	return errors.Join(errs...)
}

// waitReady polls /readyz until it answers 200, the process exits or a
// minute passes.
func waitReady(ctx context.Context, base string, exited <-chan struct{}) error {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return errors.New("exited before it was ready")
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		res, err := http.Get(base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return errors.New("not ready after a minute")
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// tailBuffer keeps the last max bytes written: a server's request log under
// load is large, and only its end explains a failure.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = append(t.b[:0], t.b[len(t.b)-t.max:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}
