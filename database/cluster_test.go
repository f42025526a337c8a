//go:build unix

package database_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"lector/database"
	"lector/database/internal/pgcluster"
)

func TestSecondOpenUsesRunningCluster(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	first := openEmbedded(t, dir)
	defer first.Close()
	second := openEmbedded(t, dir)
	if !second.Embedded || second.URL != first.URL {
		t.Fatalf("second Open: Embedded=%v, same URL=%v", second.Embedded, second.URL == first.URL)
	}
	mustExec(t, first, "CREATE TABLE shared (n int)")
	mustExec(t, second, "INSERT INTO shared VALUES (1)")
	if err := second.Close(); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, first, "shared"); n != 1 {
		t.Fatalf("first sees %d rows after the second closed", n)
	}
	closeLast(t, dir, first)
}

// Two processes starting at once on a fresh folder must end up on one
// cluster: the file lock lets one initialise and start, the other attach.
func TestConcurrentFirstOpens(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	dbs := make([]*database.DB, 2)
	var wg sync.WaitGroup
	for i := range dbs {
		wg.Go(func() { dbs[i] = openEmbedded(t, dir) })
	}
	wg.Wait()
	if dbs[0] == nil || dbs[1] == nil {
		t.FailNow()
	}
	if dbs[0].URL != dbs[1].URL {
		t.Fatal("the two Opens use different clusters")
	}
	closeLast(t, dir, dbs...)
}

func TestRecoversFromStaleLockAfterSIGKILL(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	pgdata := filepath.Join(dir, "postgres")
	// Unsupervised: the stale lock is what a second process finds after
	// the server and its owner died together.
	db := openWith(t, dir, database.OpenUnsupervised)
	mustExec(t, db, "CREATE TABLE survivor (n int)")
	mustExec(t, db, "INSERT INTO survivor VALUES (1)")
	for _, pid := range pgcluster.Processes(pgdata) {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	waitNoProcesses(t, pgdata, 10*time.Second)
	if _, err := os.Stat(filepath.Join(pgdata, "postmaster.pid")); err != nil {
		t.Fatalf("expected a stale postmaster.pid: %v", err)
	}

	again := openEmbedded(t, dir)
	if n := countRows(t, again, "survivor"); n != 1 {
		t.Fatalf("after crash recovery: %d rows", n)
	}
	// Closing the killed instance must leave the new one alone.
	if err := db.Close(); err != nil {
		t.Fatalf("Close of the killed instance: %v", err)
	}
	if err := database.Ping(context.Background(), again.SQL); err != nil {
		t.Fatalf("new instance hurt by the old Close: %v", err)
	}
	closeLast(t, dir, again)
}

// A killed lector must not leave its postmaster behind (Pdeathsig). The
// lector here is this test binary re-run as a helper process.
func TestKilledOwnerLeavesNoOrphan(t *testing.T) {
	t.Parallel()
	dir := dataDir(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperOpenAndWait$")
	cmd.Env = append(os.Environ(), "LECTOR_TEST_HELPER_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	sc := bufio.NewScanner(out)
	for sc.Scan() && !strings.Contains(sc.Text(), "helper ready") {
	}
	pgdata := filepath.Join(dir, "postgres")
	if len(pgcluster.Processes(pgdata)) == 0 {
		t.Fatal("helper did not start a cluster")
	}
	// Meanwhile another process (this one) uses the helper's cluster, and
	// its Close leaves it running.
	other := openEmbedded(t, dir)
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	if len(pgcluster.Processes(pgdata)) == 0 {
		t.Fatal("a non-owner's Close stopped the cluster")
	}
	if os.Geteuid() == 0 {
		assertNotRoot(t, pgcluster.Processes(pgdata))
	}

	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	waitNoProcesses(t, pgdata, 15*time.Second)

	db := openEmbedded(t, dir)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// assertNotRoot checks that the server runs under an unprivileged account.
func assertNotRoot(t *testing.T, pids []int) {
	t.Helper()
	for _, pid := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Fields(line); len(f) > 1 && f[0] == "Uid:" && f[1] == "0" {
				t.Fatalf("postgres process %d runs as root", pid)
			}
		}
	}
}

func TestHelperOpenAndWait(t *testing.T) {
	dir := os.Getenv("LECTOR_TEST_HELPER_DIR")
	if dir == "" {
		t.Skip("helper process for TestKilledOwnerLeavesNoOrphan")
	}
	db := openEmbedded(t, dir)
	defer db.Close()
	fmt.Println("helper ready")
	time.Sleep(time.Minute)
}

func waitNoProcesses(t *testing.T, pgdata string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for len(pgcluster.Processes(pgdata)) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("processes of %s still running after %v: %v", pgdata, timeout, pgcluster.Processes(pgdata))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
