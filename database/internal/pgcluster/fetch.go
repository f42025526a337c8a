//go:build unix

package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"lector/database/internal/pgfetch"
)

// binariesFor finds the server binaries for acct (nil: the current user)
// and, where the machine has none, downloads a build into the cache (see
// fetchDir), once: later starts find it there.
func (s Search) binariesFor(ctx context.Context, acct *account, log *slog.Logger) (Binaries, error) {
	if b, ok := s.installed(); ok {
		return b, nil
	}
	dir, err := s.fetchDir(acct)
	if err != nil {
		return Binaries{}, fmt.Errorf("%w; %v", ErrNoBinaries, err)
	}
	build := s.build()
	dest := filepath.Join(dir, build.DirName())
	if b, ok := binariesIn(filepath.Join(dest, "bin")); ok {
		return b, nil
	}
	if err := mkdirOpen(dir); err != nil {
		return Binaries{}, fmt.Errorf("%w; creating the download cache: %v", ErrNoBinaries, err)
	}
	// Lector processes on other data folders may be fetching the same build.
	unlock, err := lockFile(ctx, filepath.Join(dir, ".download.lock"), log)
	if err != nil {
		return Binaries{}, err
	}
	defer unlock()
	if b, ok := binariesIn(filepath.Join(dest, "bin")); ok {
		return b, nil
	}
	if err := pgfetch.Fetch(ctx, s.Repository, build, dest, log); err != nil {
		return Binaries{}, fmt.Errorf("%w; downloading PostgreSQL %s failed too: %v", ErrNoBinaries, build, err)
	}
	b, ok := binariesIn(filepath.Join(dest, "bin"))
	if !ok {
		return Binaries{}, fmt.Errorf("the downloaded PostgreSQL build in %s has no initdb and postgres", dest)
	}
	log.Info("PostgreSQL "+build.String()+" is ready for the embedded cluster", "bin", b.Dir)
	return b, nil
}

// fetchDir is the cache a build is downloaded into: the user's cache, or,
// when the server runs as another account that cannot reach it, the shared
// one (/var/cache/lector).
func (s Search) fetchDir(acct *account) (string, error) {
	dirs := s.cacheDirs()
	var last error
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil {
			last = err
			continue
		}
		if last = acct.checkTraverse(existingAncestor(abs)); last == nil {
			return abs, nil
		}
	}
	return "", fmt.Errorf("no download cache the account %q can reach (%v): %w", acct.name, dirs, last)
}

// existingAncestor is the nearest directory at or above dir that exists:
// the missing rest is created searchable by everyone.
func existingAncestor(dir string) string {
	for {
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) || dir == filepath.Dir(dir) {
			return dir
		}
		dir = filepath.Dir(dir)
	}
}

// mkdirOpen creates dir and its missing parents searchable by everyone,
// whatever the umask, so that the server's account can reach the build.
func mkdirOpen(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := mkdirOpen(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return os.Chmod(dir, 0o755)
}
