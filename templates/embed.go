// Package templates holds the html/template layouts, partials and pages.
package templates

import "embed"

// FS holds every template.
//
//go:embed *.html partials/*.html
var FS embed.FS
