//go:build !linux

package names

import "time"

// threadCPUTime is not measured outside Linux; cpu-MB/s is then not reported.
func threadCPUTime() time.Duration { return 0 }
