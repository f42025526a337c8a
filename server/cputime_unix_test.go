//go:build unix

package server_test

import (
	"syscall"
	"time"
)

// processCPUTime is the user and system CPU time of this process (the app,
// not PostgreSQL), which on the shared, loaded machine says more about the
// page's own cost than the wall clock.
func processCPUTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
