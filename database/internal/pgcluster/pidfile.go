//go:build unix

package pgcluster

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// pidFile is what postmaster.pid tells about a running server: line 1 pid,
// 4 port, 5 Unix socket directory, 6 first listen address, 8 status.
type pidFile struct {
	pid     int
	port    int
	sockDir string
	listen  string
	status  string
}

func readPidFile(path string) (*pidFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(b), "\n")
	line := func(n int) string {
		if n <= len(lines) {
			return strings.TrimSpace(lines[n-1])
		}
		return ""
	}
	pf := &pidFile{sockDir: line(5), listen: line(6), status: line(8)}
	if pf.pid, err = strconv.Atoi(line(1)); err != nil || pf.pid <= 0 {
		return nil, fmt.Errorf("reading %s: bad pid %q", path, line(1))
	}
	// The port line is written a moment after the pid line; a file without
	// it belongs to a server still starting up.
	pf.port, _ = strconv.Atoi(line(4))
	return pf, nil
}

// host is where a client reaches the server, preferring TCP on loopback.
func (pf *pidFile) host() string {
	switch pf.listen {
	case "":
		if pf.sockDir != "" {
			return pf.sockDir
		}
		return ""
	case "*", "0.0.0.0":
		return "127.0.0.1"
	case "::":
		return "::1"
	}
	return pf.listen
}
