package review_test

import "testing"

// servedWorld starts a world and the whole server on its database, for the
// tests that go through HTTP: it returns the world and the server's base URL.
func servedWorld(t *testing.T) (*world, string) {
	t.Helper()
	w := newWorld(t)
	base, _ := serve(t, w)
	return w, base
}
