//go:build unix

package pgcluster

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPidFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "postmaster.pid")
	content := "4242\n/data/postgres\n1795655559\n43033\n\n127.0.0.1\n 10018834     65577\nready   \n"
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	pf, err := readPidFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if pf.pid != 4242 || pf.port != 43033 || pf.host() != "127.0.0.1" || pf.status != "ready" {
		t.Fatalf("%+v host %q", pf, pf.host())
	}
	// Socket-only servers (started by someone else) are reached by directory.
	if h := (&pidFile{sockDir: "/run/pg"}).host(); h != "/run/pg" {
		t.Fatalf("socket host %q", h)
	}
	if err := os.WriteFile(path, []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readPidFile(path); err == nil {
		t.Fatal("garbage accepted")
	}
}

func TestBuildURL(t *testing.T) {
	if u := buildURL("127.0.0.1", 5433, "pw", "lector"); u != "postgres://lector:pw@127.0.0.1:5433/lector?sslmode=disable" {
		t.Fatal(u)
	}
	if u := buildURL("/tmp/s", 5433, "pw", "lector"); !strings.Contains(u, "host=%2Ftmp%2Fs") || !strings.Contains(u, "port=5433") {
		t.Fatal(u)
	}
}

func TestFindBinaries(t *testing.T) {
	b, err := FindBinaries()
	if err != nil {
		t.Skipf("no PostgreSQL here: %v", err)
	}
	if !isExecutable(b.Initdb) || !isExecutable(b.Postgres) {
		t.Fatalf("%+v", b)
	}
	// Without pg_config and PATH the Debian layout still works.
	t.Setenv("PATH", "")
	if _, err := FindBinaries(); err != nil && !strings.HasPrefix(b.Dir, "/usr/lib/postgresql/") {
		t.Skip("binaries outside the Debian layout")
	} else if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ErrNoBinaries.Error(), "apt-get install") {
		t.Fatal("error does not say what to install")
	}
}

func TestMajorOrder(t *testing.T) {
	if majorOf("/usr/lib/postgresql/16/bin") <= majorOf("/usr/lib/postgresql/9.6/bin") {
		t.Fatal("16 must sort above 9.6")
	}
}
