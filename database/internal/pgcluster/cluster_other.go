//go:build !unix

package pgcluster

import (
	"context"
	"errors"
)

// Cluster exists on every platform so that lector builds everywhere; only
// Unix systems can run the embedded cluster.
type Cluster struct {
	URL    string
	Owned  bool
	PGData string
	Pid    int
}

// Start always fails here: process credentials, Pdeathsig and flock are Unix.
func Start(context.Context, Config) (*Cluster, error) {
	return nil, errors.New("the embedded PostgreSQL cluster needs Linux or another Unix system; set DATABASE_URL to an existing server")
}

// Stop does nothing: no cluster was started.
func (c *Cluster) Stop() error { return nil }

// DatabaseURL is empty: no cluster was started.
func (c *Cluster) DatabaseURL(string) string { return "" }

// Processes finds nothing: no cluster was started.
func Processes(string) []int { return nil }

// Port is 0: no cluster was started.
func (c *Cluster) Port() int { return 0 }

// Up is true: no cluster was started.
func (c *Cluster) Up() bool { return true }

// Failed is nil: no cluster was started.
func (c *Cluster) Failed() error { return nil }

// FreeBytes is unknown here.
func (c *Cluster) FreeBytes() (uint64, error) { return 0, errors.New("not supported") }

// CurrentPid is 0: no cluster was started.
func (c *Cluster) CurrentPid() int { return 0 }
