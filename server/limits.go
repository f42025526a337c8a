package server

import (
	"net/http"

	"lector/config"
)

// Limits every request lives within.
const (
	// maxBody bounds request bodies; articles and glossaries larger than
	// this are imported from the command line.
	maxBody = "16M"
)

// setTimeouts applies the configured HTTP timeouts (LECTOR_HTTP_*). The
// shutdown timeout is the caller's: it runs Shutdown.
func setTimeouts(s *http.Server, h config.HTTP) {
	s.ReadHeaderTimeout = h.ReadHeaderTimeout
	s.ReadTimeout = h.ReadTimeout
	s.WriteTimeout = h.WriteTimeout
	s.IdleTimeout = h.IdleTimeout
}
