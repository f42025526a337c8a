package pgcluster

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ErrNoBinaries says that no PostgreSQL server installation was found. The
// message is written for the person running lector: it names what to install.
var ErrNoBinaries = errors.New("no PostgreSQL server binaries found " +
	"(looked in pg_config --bindir, PATH, /usr/lib/postgresql/*/bin); " +
	"install them with: apt-get install -y postgresql-15 " +
	"(Debian bookworm; elsewhere your distribution's PostgreSQL server package), " +
	"or set DATABASE_URL to use an existing server")

// Binaries are the absolute paths of the two server programs the embedded
// cluster needs. pg_ctl is deliberately not used: running postgres as our
// direct child is what lets us own its lifetime (process group, Pdeathsig).
type Binaries struct {
	Dir      string
	Initdb   string
	Postgres string
}

// FindBinaries looks, in order, in pg_config --bindir, PATH, and the Debian
// layout /usr/lib/postgresql/<major>/bin (highest major first). pg_config comes
// first because on Debian it names the server directory of the default major,
// while PATH there usually holds only the client wrappers.
func FindBinaries() (Binaries, error) {
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		if b, ok := binariesIn(strings.TrimSpace(string(out))); ok {
			return b, nil
		}
	}
	if p, err := exec.LookPath("postgres"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			// initdb locates postgres next to itself, so prefer the directory
			// the postgres symlink really points to.
			if b, ok := binariesIn(filepath.Dir(real)); ok {
				return b, nil
			}
		}
		if b, ok := binariesIn(filepath.Dir(p)); ok {
			return b, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return majorOf(dirs[i]) > majorOf(dirs[j]) })
	for _, d := range dirs {
		if b, ok := binariesIn(d); ok {
			return b, nil
		}
	}
	return Binaries{}, ErrNoBinaries
}

func binariesIn(dir string) (Binaries, bool) {
	if dir == "" {
		return Binaries{}, false
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	b := Binaries{Dir: dir, Initdb: filepath.Join(dir, "initdb"), Postgres: filepath.Join(dir, "postgres")}
	return b, isExecutable(b.Initdb) && isExecutable(b.Postgres)
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// majorOf extracts the version from /usr/lib/postgresql/<major>/bin so that
// 16 sorts above 9.6.
func majorOf(dir string) float64 {
	v, err := strconv.ParseFloat(filepath.Base(filepath.Dir(dir)), 64)
	if err != nil {
		return -1
	}
	return v
}
