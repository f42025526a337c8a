//go:build unix

package pgcluster

import (
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// account is the OS user the server runs as. When lector itself is not root
// it is nil: the server simply runs as the current user.
type account struct {
	name string
	uid  uint32
	gid  uint32
	gids []uint32 // all groups, for the directory traversal check
}

// serverAccount picks the user to run PostgreSQL as. PostgreSQL refuses to
// run as root, so a root lector hands the server to "postgres" (the account
// the distribution package creates) or, failing that, "nobody".
func serverAccount() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 != nil || err2 != nil {
			continue
		}
		a := &account{name: name, uid: uint32(uid), gid: uint32(gid)}
		ids, _ := u.GroupIds()
		for _, s := range append(ids, u.Gid) {
			if g, err := strconv.ParseUint(s, 10, 32); err == nil {
				a.gids = append(a.gids, uint32(g))
			}
		}
		return a, nil
	}
	return nil, fmt.Errorf("running as root, but neither a %q nor a %q account exists to run PostgreSQL as (it refuses to run as root); create one with: useradd --system postgres", "postgres", "nobody")
}

func (a *account) credential() *syscall.Credential {
	if a == nil {
		return nil
	}
	return &syscall.Credential{Uid: a.uid, Gid: a.gid, NoSetGroups: true}
}

// checkTraverse makes sure the account can reach dir: every ancestor must be
// searchable by it. A typical failure is a data folder under /root (0700),
// which would otherwise surface as an obscure initdb "permission denied".
func (a *account) checkTraverse(dir string) error {
	if a == nil {
		return nil
	}
	for p := dir; ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("checking access to %s: %w", p, err)
		}
		if !a.canSearch(fi) {
			return fmt.Errorf("PostgreSQL must run as the unprivileged account %q, which cannot enter %s (mode %v); "+
				"choose a data folder it can reach (e.g. LECTOR_DATA_DIR=/var/lib/lector) or allow traversal with: chmod o+x %s",
				a.name, p, fi.Mode().Perm(), p)
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}

func (a *account) canSearch(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}
	perm := fi.Mode().Perm()
	if st.Uid == a.uid {
		return perm&0o100 != 0
	}
	for _, g := range a.gids {
		if st.Gid == g {
			return perm&0o010 != 0
		}
	}
	return perm&0o001 != 0
}

// chownTree gives dir and everything below it to the account. It is used on
// the fresh initdb directory and to repair a data folder created by an
// earlier non-root run (postgres refuses a data directory it does not own).
func (a *account) chownTree(dir string) error {
	if a == nil {
		return nil
	}
	return filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, int(a.uid), int(a.gid))
	})
}

// owns reports whether path belongs to the account (or, without an account,
// to the current user).
func (a *account) owns(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}
	if a == nil {
		return st.Uid == uint32(os.Geteuid())
	}
	return st.Uid == a.uid
}
