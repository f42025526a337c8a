//go:build unix && !linux

package pgcluster

import "syscall"

// sysProcAttr: without Linux's Pdeathsig an orphaned server survives a killed
// lector; the next start then finds it through postmaster.pid and reuses it.
func sysProcAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Credential: cred}
}

// isPostmaster can only check liveness here; a reused pid is taken for ours.
func isPostmaster(pid int, _ string) (alive, ours bool) {
	err := syscall.Kill(pid, 0)
	alive = err == nil || err == syscall.EPERM
	return alive, alive
}

// Processes cannot enumerate processes portably; callers rely on waiting
// for the postmaster instead.
func Processes(string) []int { return nil }

func parentPid(int) int { return 0 }
