package pgfetch

import "testing"

// The platform names of embedded-postgres's version strategy, which are the
// artifact names of the zonky.io builds.
func TestPlatform(t *testing.T) {
	tests := []struct {
		goos, goarch, machine string
		alpine                bool
		want                  string
	}{
		{goos: "linux", goarch: "amd64", want: "linux-amd64"},
		{goos: "linux", goarch: "amd64", alpine: true, want: "linux-amd64-alpine"},
		{goos: "linux", goarch: "arm64", want: "linux-arm64v8"},
		{goos: "linux", goarch: "arm", machine: "armv7l", want: "linux-arm32v7"},
		{goos: "linux", goarch: "arm", machine: "armv6l", want: "linux-arm32v6"},
		{goos: "linux", goarch: "386", want: "linux-i386"},
		{goos: "darwin", goarch: "arm64", want: "darwin-arm64v8"},
		{goos: "darwin", goarch: "amd64", want: "darwin-amd64"},
	}
	for _, tt := range tests {
		b := platform(tt.goos, tt.goarch, "15.13.0", func() string { return tt.machine }, func() bool { return tt.alpine })
		if got := b.OS + "-" + b.Arch; got != tt.want {
			t.Errorf("%s/%s (%s, alpine %v): %s, want %s", tt.goos, tt.goarch, tt.machine, tt.alpine, got, tt.want)
		}
	}
}
