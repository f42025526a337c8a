package review_test

import (
	"testing"

	"lector/review"
)

// servedWorld starts a world and the whole server on its database, for the
// tests that go through HTTP: it returns the world and the server's base URL.
func servedWorld(t *testing.T) (*world, string) {
	t.Helper()
	w := newWorld(t)
	base, _ := serve(t, w)
	return w, base
}

// servedArticle is servedWorld with one article titled title of n flagged
// segments (World.Article), the opening of most page and API journeys.
func servedArticle(t *testing.T, title string, n int) (*world, string, *review.Article) {
	t.Helper()
	w, base := servedWorld(t)
	return w, base, w.Article(t, title, n)
}
