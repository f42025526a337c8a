package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"lector/database/dbtest"
)

// TestMain lets the test binary act as the lector command, so the
// end-to-end test runs the real main with real signals.
func TestMain(m *testing.M) {
	if os.Getenv("LECTOR_TEST_RUN_MAIN") == "1" {
		main()
		return
	}
	dbtest.Main(m) // glossary_test.go's commands need a database
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServe runs `lector serve` on dataDir and waits for its URL line.
func startServe(t *testing.T, dataDir, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--data-dir", dataDir, "--addr", addr)
	cmd.Env = append(os.Environ(), "LECTOR_TEST_RUN_MAIN=1", "DATABASE_URL=")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- s
		io.Copy(io.Discard, out)
	}()
	select {
	case s := <-line:
		if !strings.Contains(s, "http://"+addr) {
			cmd.Wait()
			t.Fatalf("serve printed %q, want the URL http://%s; stderr:\n%s", s, addr, stderr.String())
		}
	case <-time.After(90 * time.Second):
		t.Fatal("serve did not print its URL within 90 s")
	}
	return cmd
}

func articleCount(t *testing.T, addr string) int {
	t.Helper()
	res, err := http.Get("http://" + addr + "/articles")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return strings.Count(string(body), `<a href="/articles/`)
}

// postgresOf lists the pids of postgres processes whose command line names dir.
func postgresOf(dir string) []string {
	var pids []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		cmdline, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && strings.Contains(string(cmdline), "postgres") && strings.Contains(string(cmdline), dir) {
			pids = append(pids, e.Name())
		}
	}
	return pids
}

// stop signals lector and waits for it to exit and for its postgres to go.
func stop(t *testing.T, cmd *exec.Cmd, sig syscall.Signal, dataDir string) {
	t.Helper()
	cmd.Process.Signal(sig)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatalf("lector did not exit within 60 s of %v", sig)
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(postgresOf(dataDir)) > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if pids := postgresOf(dataDir); len(pids) > 0 {
		t.Fatalf("postgres processes left after %v: %v", sig, pids)
	}
}

// TestServeLifecycle is the README's first command as a user lives it:
// the first start seeds, Ctrl-C leaves no postgres, a restart keeps the data
// without seeding twice, and a killed run restarts cleanly.
func TestServeLifecycle(t *testing.T) {
	// As root, PostgreSQL runs as an unprivileged account that must be able
	// to reach the data folder; t.TempDir makes 0700 folders.
	tmp := t.TempDir()
	for dir := tmp; dir != os.TempDir() && dir != "/"; dir = filepath.Dir(dir) {
		os.Chmod(dir, 0o755)
	}
	dataDir := filepath.Join(tmp, "data")
	addr := freeAddr(t)
	for i, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL, syscall.SIGTERM} {
		cmd := startServe(t, dataDir, addr)
		if n := articleCount(t, addr); n != 1 {
			t.Fatalf("start %d shows %d articles, want the one seed article", i+1, n)
		}
		stop(t, cmd, sig, dataDir)
	}
}
