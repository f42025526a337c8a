package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"lector/database/dbtest"
)

// TestMain lets the test binary act as the lector command, so the
// end-to-end test runs the real main with real signals, and as the check
// before the streaming glossary (baselineCheck: arguments GLOSSARY... FILE),
// which the memory benchmark compares it with. Otherwise it runs the tests,
// with a throwaway PostgreSQL for those that need a database.
func TestMain(m *testing.M) {
	switch os.Getenv("LECTOR_TEST_RUN_MAIN") {
	case "1":
		main()
		return
	case "baseline-check":
		args := os.Args[1:]
		if err := baselineCheck(os.Stdout, args[:len(args)-1], args[len(args)-1]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(exitUsage)
		}
		return
	}
	dbtest.Main(m)
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

// startServe runs `lector serve` on dataDir and waits for its URL line; the
// rest of its stdout goes to the returned buffer.
func startServe(t *testing.T, dataDir, addr string) (*exec.Cmd, *dbtest.LockedBuffer) {
	t.Helper()
	cmd, out, _ := startLector(t, addr, "", "--data-dir", dataDir)
	return cmd, out
}

// startLector runs `lector serve --addr addr args...` with DATABASE_URL set
// to databaseURL (empty: the embedded PostgreSQL) and waits for its URL
// line. It returns the rest of its stdout and its log (stderr).
func startLector(t *testing.T, addr, databaseURL string, args ...string) (*exec.Cmd, *dbtest.LockedBuffer, *dbtest.LockedBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--addr", addr}, args...)...)
	cmd.Env = append(os.Environ(), "LECTOR_TEST_RUN_MAIN=1", "DATABASE_URL="+databaseURL)
	stderr := &dbtest.LockedBuffer{}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line := make(chan string, 1)
	rest := &dbtest.LockedBuffer{}
	go func() {
		r := bufio.NewReader(out)
		s, _ := r.ReadString('\n')
		line <- s
		io.Copy(rest, r)
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
	return cmd, rest, stderr
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
	password := ""
	for i, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL, syscall.SIGTERM} {
		cmd, out := startServe(t, dataDir, addr)
		if n := articleCount(t, addr); n != 1 {
			t.Fatalf("start %d shows %d articles, want the one seed article", i+1, n)
		}
		if i == 0 {
			password = demoPassword(t, out, "translator@demo.lector")
		} else if status := signIn(t, addr, "translator@demo.lector", password); status != http.StatusSeeOther {
			t.Errorf("start %d: signing in with the demo password printed at the first start: status %d, want 303", i+1, status)
		}
		stop(t, cmd, sig, dataDir)
		if i > 0 && strings.Contains(out.String(), "Demo accounts") {
			t.Errorf("start %d printed demo accounts again:\n%s", i+1, out)
		}
	}
}

// demoPassword waits for the first start's list of demo accounts and returns
// email's password.
func demoPassword(t *testing.T, out *dbtest.LockedBuffer, email string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(email) + `\s+translator\s+(\S{20})$`)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s := out.String()
		if m := re.FindStringSubmatch(s); m != nil && strings.Count(s, "@demo.lector") == 6 {
			return m[1]
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the first start did not list six demo accounts with %s; stdout after the URL:\n%s", email, out)
	return ""
}

// signIn posts the sign-in form as a browser would and returns the status.
func signIn(t *testing.T, addr, email, password string) int {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get("http://" + addr + "/login")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("no csrf_token in the sign-in page:\n%s", body)
	}
	res, err = client.PostForm("http://"+addr+"/login", url.Values{"email": {email}, "password": {password}, "csrf_token": {string(m[1])}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}
