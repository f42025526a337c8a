package server

import "time"

// Limits every request lives within.
const (
	readHeaderTimeout = 10 * time.Second
	// maxBody bounds request bodies; articles and glossaries larger than
	// this are imported from the command line.
	maxBody = "16M"
	// ShutdownTimeout is how long in-flight requests get to finish.
	ShutdownTimeout = 15 * time.Second
)
