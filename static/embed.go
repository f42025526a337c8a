// Package static holds the CSS, scripts and vendored htmx, embedded so that
// Lector serves every asset itself and needs no CDN.
package static

import "embed"

// FS holds every asset, served under /static/.
//
//go:embed *.css *.js vendor
var FS embed.FS
