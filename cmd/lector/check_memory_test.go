package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestLimitCheckMemory: the command sets a soft limit of at least
// minCheckMemoryLimit for its run and restores the one before; a GOMEMLIMIT
// in the environment is left alone.
func TestLimitCheckMemory(t *testing.T) {
	const before = 1 << 40
	old := debug.SetMemoryLimit(before)
	defer debug.SetMemoryLimit(old)
	for _, tt := range []struct {
		name, gomemlimit string
		want             func(limit int64) bool
	}{
		{"unset", "", func(limit int64) bool { return limit >= minCheckMemoryLimit && limit < before }},
		{"set by the user", "100MiB", func(limit int64) bool { return limit == before }},
	} {
		restore := limitCheckMemory(env{getenv: func(k string) string {
			if k == "GOMEMLIMIT" {
				return tt.gomemlimit
			}
			return ""
		}})
		if limit := debug.SetMemoryLimit(-1); !tt.want(limit) {
			t.Errorf("%s: limit %d during the command", tt.name, limit)
		}
		restore()
		if limit := debug.SetMemoryLimit(-1); limit != before {
			t.Errorf("%s: limit %d after the command, want %d restored", tt.name, limit, before)
		}
	}
}

// TestLimitReadMemory: while the glossary is read the limit is
// readMemoryPerByte times the files' size, at least minCheckMemoryLimit; a
// file it cannot stat counts nothing, and a GOMEMLIMIT is left alone.
func TestLimitReadMemory(t *testing.T) {
	const before = 1 << 40
	old := debug.SetMemoryLimit(before)
	defer debug.SetMemoryLimit(old)
	dir := t.TempDir()
	small, large := filepath.Join(dir, "small.csv"), filepath.Join(dir, "large.csv")
	if err := os.WriteFile(small, []byte("entry,type,lang,term,status\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size counts, and it takes no disk.
	if err := os.WriteFile(large, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(large, 100<<20); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, gomemlimit string
		paths            []string
		want             int64
	}{
		{"small file", "", []string{small}, minCheckMemoryLimit},
		{"large file", "", []string{large}, readMemoryPerByte * 100 << 20},
		{"two files", "", []string{large, large}, readMemoryPerByte * 200 << 20},
		{"missing file", "", []string{filepath.Join(dir, "missing.csv")}, minCheckMemoryLimit},
		{"set by the user", "100MiB", []string{large}, before},
	} {
		restore := limitReadMemory(env{getenv: func(k string) string {
			if k == "GOMEMLIMIT" {
				return tt.gomemlimit
			}
			return ""
		}}, tt.paths)
		if limit := debug.SetMemoryLimit(-1); limit != tt.want {
			t.Errorf("%s: limit %d during the read, want %d", tt.name, limit, tt.want)
		}
		restore()
		if limit := debug.SetMemoryLimit(-1); limit != before {
			t.Errorf("%s: limit %d after the read, want %d restored", tt.name, limit, before)
		}
	}
}
