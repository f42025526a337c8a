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
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"loadtest", "--processes", "2", "--target", "http://127.0.0.1:1"}, "lector loadtest: --processes starts its own servers"},
		{[]string{"loadtest", "--processes", "17"}, "lector loadtest: --processes must be 0..16"},
		{[]string{"loadtest", "--reviewers", "0"}, "lector loadtest: --reviewers must be"},
		{[]string{"loadtest", "--pace", "-1"}, `invalid value "-1" for flag -pace: "-1": want fractions of the SQL rate from 0 to 10`},
		{[]string{"loadtest", "--pace", "0.3,x"}, `"0.3,x": want fractions of the SQL rate`},
		{[]string{"loadtest", "--pace", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9"}, "at most 8 paces"},
	} {
		code, _, stderr := lectorOn(t, "postgres://unused@127.0.0.1:1/x", tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.want)
		}
	}
}
