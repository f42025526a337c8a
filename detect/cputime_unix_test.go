//go:build unix

package detect

import (
	"syscall"
	"time"
)

// processCPUTime is the user and system CPU time of this process. The check
// benchmark reports throughput per CPU second besides the wall-clock MB/s,
// which on a shared, loaded machine measures the neighbours as much as us.
func processCPUTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
