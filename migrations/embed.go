// Package migrations holds the numbered goose SQL migrations, the only way
// Lector's schema changes. They are embedded and applied at start.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
