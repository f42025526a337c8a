package dbtest

import (
	"bytes"
	"sync"
)

// LockedBuffer collects output that other goroutines write while the test
// reads it: the log of a cluster, of River's workers, of a lector process.
// Its zero value is ready to use.
type LockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *LockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *LockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
