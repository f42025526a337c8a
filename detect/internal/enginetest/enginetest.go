// Package enginetest holds what the tests and benchmarks of detect and its
// subpackages share: reading their input files, timing the process's CPU,
// and the loop of a table test of a pure function (Each1, Each2). Only
// tests import it.
package enginetest

import (
	"os"
	"testing"
	"time"

	"lector/internal/cputime"
)

// ReadText returns the file at path (relative to the test's package) as a
// string; a file that cannot be read fails tb.
func ReadText(tb testing.TB, path string) string {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(raw)
}

// CPUClock measures the process's user and system CPU time from a start.
// Benchmarks report throughput per CPU second besides the wall clock, which
// on a shared, loaded machine measures the neighbours as much as the code.
type CPUClock struct {
	start time.Duration
	ok    bool
}

// StartCPU starts a CPUClock now.
func StartCPU() CPUClock {
	start, ok := cputime.Process()
	return CPUClock{start: start, ok: ok}
}

// Elapsed is the CPU time used since the start; ok is false where the
// platform does not tell it or it has not advanced.
func (c CPUClock) Elapsed() (time.Duration, bool) {
	end, ok := cputime.Process()
	if !c.ok || !ok || end <= c.start {
		return 0, false
	}
	return end - c.start, true
}
