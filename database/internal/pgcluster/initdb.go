//go:build unix

package pgcluster

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// initdb creates the cluster in a scratch directory and renames it into place
// only when complete, so an interrupted first start never leaves a
// half-initialised PGDATA that later starts would trip over.
func (s *starter) initdb(ctx context.Context) error {
	tmp := s.pgdata + ".initdb"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("removing leftover %s: %w", tmp, err)
	}
	if err := os.Mkdir(tmp, 0o700); err != nil {
		return fmt.Errorf("creating %s: %w", tmp, err)
	}
	if err := s.acct.chownTree(tmp); err != nil {
		return fmt.Errorf("chown %s: %w", tmp, err)
	}
	// initdb reads the password from a file; it must be readable by the
	// server account and exists only for the duration of initdb.
	pwPath := filepath.Join(s.dataDir, ".initdb.pw")
	if err := os.WriteFile(pwPath, []byte(s.password+"\n"), 0o600); err != nil {
		return fmt.Errorf("writing initdb password file: %w", err)
	}
	defer os.Remove(pwPath)
	if err := s.acct.chownTree(pwPath); err != nil {
		return fmt.Errorf("chown %s: %w", pwPath, err)
	}

	s.log.Info("creating the embedded PostgreSQL cluster (first start)", "path", s.pgdata, "bin", s.bins.Dir)
	// C.UTF-8 gives Unicode-aware upper/lower/ILIKE with byte-order sorting;
	// plain C is the fallback for systems without that locale.
	out, err := s.runInitdb(ctx, tmp, pwPath, "C.UTF-8")
	if err != nil && strings.Contains(out, "invalid locale") {
		out, err = s.runInitdb(ctx, tmp, pwPath, "C")
	}
	if err != nil {
		return fmt.Errorf("initdb failed: %w\n%s", err, lastLines(out, 20))
	}
	if err := os.Rename(tmp, s.pgdata); err != nil {
		return fmt.Errorf("moving the new cluster into place: %w", err)
	}
	return nil
}

func (s *starter) runInitdb(ctx context.Context, dir, pwPath, locale string) (string, error) {
	// A retry needs an empty directory again.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		_ = os.RemoveAll(filepath.Join(dir, e.Name()))
	}
	args := []string{"-D", dir, "-U", Superuser, "--pwfile", pwPath,
		"--auth", "scram-sha-256", "-E", "UTF8", "--locale", locale}
	if s.cfg.NoSync {
		args = append(args, "--no-sync")
	}
	var buf bytes.Buffer
	w := io.Writer(&buf)
	if logf, err := os.OpenFile(filepath.Join(s.dataDir, logFileName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600); err == nil {
		defer logf.Close()
		w = io.MultiWriter(&buf, logf)
	}
	cmd := exec.CommandContext(ctx, s.bins.Initdb, args...)
	cmd.Dir = dir
	cmd.Env = serverEnv()
	cmd.Stdout, cmd.Stderr = w, w
	cmd.SysProcAttr = sysProcAttr(s.acct.credential())
	// Pdeathsig is per thread; keep this one until initdb has exited.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	err := cmd.Run()
	return buf.String(), err
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
