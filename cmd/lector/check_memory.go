package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// `lector check` is one short process whose heap is almost all live data:
// the glossary's names, then the checker built from them. Go's collector
// lets the heap grow to twice what was live at its last cycle before the
// next one, so with a million names (about 130 MB of names, 300 MB live once
// the checker is built) the build's garbage took the process to 550–650 MB
// resident. A soft memory limit, sized from what the glossary holds once
// read, makes the collector run before the heap doubles instead; results
// and the command's contract do not change.
//
// The limit is checkMemoryFactor times the live heap after the glossary is
// read, and at least minCheckMemoryLimit, so that a small glossary (the
// checker's word lists alone are tens of megabytes) never works the
// collector at all. The checker copies the names into a table of its own
// and lets the read ones go (detect/names, entry_store.go): built from a
// million English names it holds about 1.6 times what the names held, and
// its build about 1.7 times at its peak (225 MB live for 132 MB of names);
// the factor leaves room beyond that. A
// limit is soft: past it the collector runs more often, never more than
// half the CPU, and nothing fails. A GOMEMLIMIT in the environment is left as set.
const (
	checkMemoryFactor   = 2
	minCheckMemoryLimit = 256 << 20
)

// The glossary's read needs a limit too: without one the heap grew to
// twice what was live at the parse's first collection before the next
// (288 MB for a 55 MB file of a million names), and that, not the
// checker's build, was the command's peak resident size. While the files
// are read the limit is readMemoryPerByte times their size, and at least
// minCheckMemoryLimit: a file is held whole while it is parsed, and the
// names read from a million rows are about 2.4 times their bytes.
const readMemoryPerByte = 4

// limitReadMemory sets the memory limit for the read of the glossary files
// at paths (a file it cannot stat counts nothing: the read reports it) and
// returns a function that restores the one before.
func limitReadMemory(e env, paths []string) (restore func()) {
	if e.getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	var size int64
	for _, path := range paths {
		if info, err := os.Stat(path); err == nil {
			size += info.Size()
		}
	}
	before := debug.SetMemoryLimit(max(minCheckMemoryLimit, readMemoryPerByte*size))
	return func() { debug.SetMemoryLimit(before) }
}

// limitCheckMemory sets the memory limit for the rest of the command and
// returns a function that restores the one before (the tests run commands
// in their own process).
func limitCheckMemory(e env) (restore func()) {
	if e.getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	runtime.GC() // what the parse left behind is garbage: count only the names
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := debug.SetMemoryLimit(max(minCheckMemoryLimit, checkMemoryFactor*int64(m.HeapAlloc)))
	return func() { debug.SetMemoryLimit(before) }
}
