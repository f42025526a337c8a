package main

import (
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
