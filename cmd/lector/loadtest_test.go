package main

import (
	"regexp"
	"strings"
	"testing"

	"lector/database/dbtest"
)

// TestLoadtestProcesses is a short `lector loadtest --processes 2`: two
// `lector serve` processes (this test binary acting as lector) on one
// database, the first seeding it; every phase works its article to the end.
func TestLoadtestProcesses(t *testing.T) {
	t.Setenv("LECTOR_TEST_RUN_MAIN", "1") // for the serve processes it starts
	dbURL := dbtest.NewURL(t)
	code, out, stderr := lectorOn(t, dbURL, "loadtest", "--processes", "2", "--reviewers", "3", "--segments", "12", "--duration", "60s")
	if code != exitOK {
		t.Fatalf("loadtest: %d\n%s\n%s", code, out, stderr)
	}
	t.Log(out)
	for _, phase := range []string{`(?m)^SQL: +12 cycles, 0 errors`, `HTTP, 1 server: +12 cycles, 0 errors`, `HTTP, 2 servers: +12 cycles, 0 errors`,
		`paced at 0.50 of the SQL rate`, `SQL, paced: +12 cycles, 0 errors`, `HTTP, paced: +12 cycles, 0 errors`} {
		if !regexp.MustCompile(phase).MatchString(out) {
			t.Errorf("report lacks %q:\n%s", phase, out)
		}
	}
}

func TestLoadtestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"loadtest", "--processes", "2", "--target", "http://127.0.0.1:1"},
		{"loadtest", "--processes", "17"},
		{"loadtest", "--reviewers", "0"},
		{"loadtest", "--pace", "-1"},
	} {
		code, _, stderr := lectorOn(t, "postgres://unused@127.0.0.1:1/x", args...)
		if code != exitUsage || !strings.HasPrefix(stderr, "lector loadtest: --") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}
