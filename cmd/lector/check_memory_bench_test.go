package main

import (
	"bytes"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// BenchmarkCheckMillionNames runs `lector check --format json` on the seed
// article with a glossary CSV of a million term rows (the contract's limit:
// the seed glossary and generated person names), each time in a fresh
// process, and reports that process's peak resident memory (the kernel's
// maxrss) and its CPU time; almost all of the time is reading the glossary
// and building the engine. "parse-all" is the command as it was
// (baselineCheck: every glossary.Entry parsed, then converted), "command" is
// the command as it is. Both must print the same bytes.
func BenchmarkCheckMillionNames(b *testing.B) {
	dir := b.TempDir()
	csv := writeNamesGlossary(b, dir, 1_000_000)
	var outputs [][]byte
	modes := []struct {
		name, env string
		exit      int // baselineCheck does not turn flags into an exit status
	}{{"parse-all", "baseline-check", exitOK}, {"command", "1", exitProblems}}
	for _, mode := range modes {
		b.Run(mode.name, func(b *testing.B) {
			var rss int64
			var cpu time.Duration
			var out []byte
			for range b.N {
				args := []string{csv, seedArticlePath()}
				if mode.env == "1" {
					args = []string{"check", "--format", "json", "--glossary", csv, seedArticlePath()}
				}
				cmd := exec.Command(os.Args[0], args...)
				cmd.Env = append(os.Environ(), "LECTOR_TEST_RUN_MAIN="+mode.env)
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				if code := cmd.ProcessState.ExitCode(); code != mode.exit {
					b.Fatalf("exit %d (%v), want %d: %s", code, err, mode.exit, stderr.String())
				}
				ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
				rss = max(rss, ru.Maxrss<<10)
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				out = stdout.Bytes()
			}
			b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			outputs = append(outputs, out)
		})
	}
	if len(outputs) == 2 && !bytes.Equal(outputs[0], outputs[1]) {
		b.Errorf("the command's output differs from the baseline's:\n%s\n%s", outputs[1], outputs[0])
	}
}
