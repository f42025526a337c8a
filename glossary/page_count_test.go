package glossary

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/labstack/echo/v4"
)

// TestPageCountCap: the list counts every entry up to pageMaxCount, and a
// list filtered by type, language or status up to filteredMaxCount, past
// which the page says "more than"; a search is counted exactly.
func TestPageCountCap(t *testing.T) {
	db, entries := impImported(t, 1_200) // each with an English preferred and a wrong form
	e := echo.New()
	for _, c := range []struct {
		query     string
		wantCap   int
		wantCount int64
	}{
		{"", pageMaxCount, 1_200},
		{"language=en", filteredMaxCount, filteredMaxCount + 1},
		{"status=deprecated", filteredMaxCount, filteredMaxCount + 1},
		{"type=person", filteredMaxCount, 300},
		{"type=person&language=en&status=admitted", filteredMaxCount, 100},
		{"q=" + url.QueryEscape(entries[7].Terms[0].Form), pageMaxCount, 1},
	} {
		ctx := e.NewContext(httptest.NewRequest(http.MethodGet, "/glossary?"+c.query, nil), httptest.NewRecorder())
		q, err := pageQuery(ctx)
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		if q.MaxCount != c.wantCap {
			t.Errorf("%q: counted up to %d, want %d", c.query, q.MaxCount, c.wantCap)
		}
		n, err := countEntries(context.Background(), db, q)
		if err != nil {
			t.Fatal(err)
		}
		if n != c.wantCount {
			t.Errorf("%q: count %d, want %d", c.query, n, c.wantCount)
		}
	}
}
