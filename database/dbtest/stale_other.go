//go:build !unix

package dbtest

// removeStaleDirs: without the embedded cluster there is nothing to clean.
func removeStaleDirs() {}
