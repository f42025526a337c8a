package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"lector/detect/finding"
	"lector/review"
)

// BenchmarkArticlePage renders the article page of a 2,000- and a
// 5,000-segment article through the real handler (PostgreSQL queries
// included), beside the baseline of the same run: the same template with
// every segment on one page, as the page was before it was chunked, with
// the data in memory ("unpaginated-template") and loaded as before
// ("unpaginated-with-db": GetArticle, every segment and flag).
//
//	go test ./server -run '^$' -bench BenchmarkArticlePage -benchtime 20x -count 3
func BenchmarkArticlePage(b *testing.B) {
	e, db := newSeeded(b, nil)
	ctx := context.Background()
	checker := storedChecker(b, db)
	for _, n := range []int{2000, 5000} {
		a, err := review.CreateArticle(ctx, db, checker, review.NewArticle{Title: fmt.Sprintf("Long %d", n), Lang: "en", Text: longText(n)})
		if err != nil {
			b.Fatal(err)
		}
		// Planner statistics, as autovacuum gathers them after a bulk insert.
		if err := db.Exec("ANALYZE").Error; err != nil {
			b.Fatal(err)
		}
		full := func() (*review.ArticlePage, error) {
			art, err := review.GetArticle(ctx, db, a.ID)
			if err != nil {
				return nil, err
			}
			page := &review.ArticlePage{States: review.States(), KindList: finding.Kinds(),
				Chunk: &review.ArticleChunkData{Paragraphs: review.Paragraphs(art.Segments), Next: -1}}
			page.ArticleOverview, err = review.LoadOverview(ctx, db, a.ID)
			return page, err
		}
		inMemory, err := full()
		if err != nil {
			b.Fatal(err)
		}
		if got := len(inMemory.Chunk.Paragraphs); got == 0 || inMemory.Segments != n {
			b.Fatalf("article of %d segments, want %d", inMemory.Segments, n)
		}
		e.GET(fmt.Sprintf("/bench/%d/template", n), func(c echo.Context) error { return c.Render(http.StatusOK, "article.html", inMemory) })
		e.GET(fmt.Sprintf("/bench/%d/with-db", n), func(c echo.Context) error {
			page, err := full()
			if err != nil {
				return err
			}
			return c.Render(http.StatusOK, "article.html", page)
		})
		path := fmt.Sprintf("/articles/%d", a.ID)
		for _, v := range []struct{ name, url, htmx string }{
			{"handler", path, ""},
			{"handler-filtered", path + "?kind=name&q=Musk", ""},
			{"handler-chunk-htmx", path + fmt.Sprintf("?from=%d", n/2), "true"},
			{"unpaginated-template", fmt.Sprintf("/bench/%d/template", n), ""},
			{"unpaginated-with-db", fmt.Sprintf("/bench/%d/with-db", n), ""},
		} {
			b.Run(fmt.Sprintf("segments=%d/%s", n, v.name), func(b *testing.B) {
				size := 0
				reportCPU := appCPU(b)
				for b.Loop() {
					req := httptest.NewRequest(http.MethodGet, v.url, nil)
					if v.htmx != "" {
						req.Header.Set("HX-Request", v.htmx)
					}
					rec := httptest.NewRecorder()
					e.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("%s: %d %.300s", v.url, rec.Code, rec.Body.String())
					}
					size = rec.Body.Len()
				}
				b.ReportMetric(float64(size)/1024, "kB/page")
				reportCPU()
			})
		}
	}
}

// longText is a news-like article of n sentences, five to a paragraph,
// with a wrong name in every seventh and a typography slip in every
// eleventh, so that about a fifth of the segments are flagged.
func longText(n int) string {
	var b strings.Builder
	for i := range n {
		switch {
		case i%7 == 0:
			fmt.Fprintf(&b, "Report %d says that Ilon Musk met officials in Moscow last spring.", i)
		case i%11 == 0:
			fmt.Fprintf(&b, "The super -secret contract number %d was signed in 2021 by the agency.", i)
		default:
			fmt.Fprintf(&b, "Officials said on Tuesday that talks number %d went on for hours in the city.", i)
		}
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}
