package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"lector/review"
)

// BenchmarkFrontPage serves the open front page (GET /, anonymous) over
// 1,000,000 segments in 20 articles, one in ten flagged with an open flag,
// through the real server ("cached": the counts from review.SummaryCache,
// warm) beside the page as it was ("old-query-every-hit": the query of
// 05e5683 on every request, through the same template), the new query on
// every request ("count-every-hit"), and the first hit after a change
// ("after-a-change": a write, then the page, which counts again).
//
//	go test ./server -run '^$' -bench BenchmarkFrontPage -benchtime 5x -count 3
func BenchmarkFrontPage(b *testing.B) {
	const articles, perArticle = 20, 50_000
	e, db := newSeeded(b, nil)
	// Bulk rows in SQL: the engine would take minutes to check a million
	// sentences, and the counts do not care what the text says.
	err := db.Exec(`
WITH a AS (
    INSERT INTO articles (title, lang, text) SELECT 'Bulk ' || g, 'en', '' FROM generate_series(1, ?) g RETURNING id),
s AS (
    INSERT INTO segments (article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state)
    SELECT a.id, p, p / 10, 0, 0, 'A sentence of the bulk article.', 'A sentence of the bulk article.',
           CASE WHEN p % 10 = 0 THEN 'flagged' ELSE 'clean' END
    FROM a, generate_series(0, ? - 1) p RETURNING id, state)
INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, confidence)
SELECT id, 'name', 'bench', 0, 1, 'A', 0.9 FROM s WHERE state = 'flagged'`, articles, perArticle).Error
	if err != nil {
		b.Fatal(err)
	}
	if err := db.Exec("VACUUM ANALYZE").Error; err != nil { // as autovacuum would after a bulk insert
		b.Fatal(err)
	}
	var segments int64
	db.Raw("SELECT count(*) FROM segments").Scan(&segments)
	e.GET("/bench/old-query-every-hit", func(c echo.Context) error {
		var list []review.ArticleSummary
		if err := db.WithContext(c.Request().Context()).Raw(oldListArticles).Scan(&list).Error; err != nil {
			return err
		}
		return c.Render(http.StatusOK, "articles.html", struct{ Articles []review.ArticleSummary }{list})
	})
	e.GET("/bench/count-every-hit", func(c echo.Context) error {
		list, err := review.ListArticles(c.Request().Context(), db)
		if err != nil {
			return err
		}
		return c.Render(http.StatusOK, "articles.html", struct{ Articles []review.ArticleSummary }{list})
	})
	// The real server's cache lives inside it; a change reaches it as a
	// successful unsafe request would (request.AfterWrites).
	e.POST("/bench/change", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	ts := httptest.NewServer(e)
	b.Cleanup(ts.Close)
	get := func(b *testing.B, method, path string) int {
		req, _ := http.NewRequest(method, ts.URL+path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode >= 300 {
			b.Fatalf("%s %s: %d", method, path, res.StatusCode)
		}
		return int(n)
	}
	for _, v := range []struct{ name, path string }{{"old-query-every-hit", "/bench/old-query-every-hit"}, {"count-every-hit", "/bench/count-every-hit"}, {"cached", "/"}, {"after-a-change", "/"}} {
		b.Run(fmt.Sprintf("segments=%d/%s", segments, v.name), func(b *testing.B) {
			get(b, http.MethodGet, v.path) // warm
			size := 0
			for b.Loop() {
				if v.name == "after-a-change" {
					b.StopTimer()
					get(b, http.MethodPost, "/bench/change")
					b.StartTimer()
				}
				size = get(b, http.MethodGet, v.path)
			}
			b.ReportMetric(float64(size), "page-bytes")
		})
	}
}

// oldListArticles is review.ListArticles as it was before issue 18: a
// subquery over flags for every segment.
const oldListArticles = `
SELECT a.id, a.title, a.lang,
       count(s.id) AS segments,
       count(s.id) FILTER (WHERE s.state IN ('flagged', 'rejected')) AS flagged,
       count(s.id) FILTER (WHERE s.state = 'in_progress') AS in_progress,
       count(s.id) FILTER (WHERE s.state = 'corrected') AS corrected,
       count(s.id) FILTER (WHERE s.state = 'approved') AS approved,
       coalesce(sum((SELECT count(*) FROM flags f WHERE f.segment_id = s.id AND f.status = 'open')), 0) AS open_flags
FROM articles a LEFT JOIN segments s ON s.article_id = a.id
GROUP BY a.id ORDER BY a.created_at DESC, a.id DESC`
