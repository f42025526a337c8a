//go:build unix

package dbtest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"lector/database/internal/pgcluster"
)

// removeStaleDirs deletes the folders of earlier test runs that died before
// Main could clean up (their folder name carries the test binary's pid).
func removeStaleDirs() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "lector-dbtest-*-*"))
	for _, d := range dirs {
		parts := strings.SplitN(filepath.Base(d), "-", 4)
		pid, err := strconv.Atoi(parts[2])
		if err != nil || pid == os.Getpid() || syscall.Kill(pid, 0) != syscall.ESRCH {
			continue
		}
		if len(pgcluster.Processes(filepath.Join(d, "postgres"))) == 0 {
			_ = os.RemoveAll(d)
		}
	}
}
