package pgcluster

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// sysProcAttr starts the server in its own process group, so a Ctrl-C on the
// terminal reaches only lector, which then shuts down in order (HTTP drains,
// then Close stops postgres). Pdeathsig asks the kernel to send postgres a
// fast-shutdown signal if lector dies without stopping it. The kernel ties
// Pdeathsig to the creating OS thread, not the process, so the child is
// started from a goroutine locked to its thread for the child's lifetime
// (see start). Go sets Pdeathsig after switching credentials, so it survives
// the switch to the postgres account.
func sysProcAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Credential: cred, Pdeathsig: syscall.SIGINT}
}

// isPostmaster reports whether pid is alive and is a postgres process serving
// pgdata. A pid from a stale postmaster.pid may have been reused by anything.
func isPostmaster(pid int, pgdata string) (alive, ours bool) {
	if err := syscall.Kill(pid, 0); err == syscall.ESRCH {
		return false, false
	}
	return true, isClusterProcess(pid, pgdata)
}

// isClusterProcess: every postgres process chdirs into its data directory,
// which makes the cwd the most reliable mark; the command line (-D) is the
// fallback where /proc/PID/cwd is unreadable.
func isClusterProcess(pid int, pgdata string) bool {
	comm, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm")
	if err != nil || string(bytes.TrimSpace(comm)) != "postgres" {
		return false
	}
	if cwd, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/cwd"); err == nil {
		return filepath.Clean(cwd) == pgdata
	}
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	return err == nil && bytes.Contains(cmdline, []byte("\x00"+pgdata+"\x00"))
}

// Processes lists the pids of all processes (postmaster and children) of the
// cluster in pgdata. Close uses it to verify that nothing is left behind.
func Processes(pgdata string) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		if isClusterProcess(pid, pgdata) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// parentPid reads the ppid from /proc/PID/stat ("pid (comm) state ppid ...";
// comm may contain spaces, hence the split after the last parenthesis).
func parentPid(pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(fields[1])
	return ppid
}
