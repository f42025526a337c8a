package review

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// articleListOptions: the article list sorts newest first by default.
var articleListOptions = listOptions{
	Path:   "/articles",
	Sorts:  []sortKey{{"newest", 't'}, {"oldest", 't'}, {"title", 's'}},
	States: []string{"flagged", "corrected", "done"},
}

// articleStates are the SQL conditions of the article list's state filter:
// work for translators (a flagged or rejected segment), work for editors (a
// correction waiting), or nothing left to do.
var articleStates = map[string]string{
	"flagged":   `EXISTS (SELECT 1 FROM segments s WHERE s.article_id = a.id AND s.state IN ('flagged', 'rejected'))`,
	"corrected": `EXISTS (SELECT 1 FROM segments s WHERE s.article_id = a.id AND s.state = 'corrected')`,
	"done": `NOT EXISTS (SELECT 1 FROM segments s WHERE s.article_id = a.id
	          AND s.state IN ('flagged', 'rejected', 'in_progress', 'corrected'))`,
}

// ArticleRow is an article of a list page: its counts and when it came.
type ArticleRow struct {
	ArticleSummary
	CreatedAt time.Time
}

// ArticleRows returns one page of the article list (ListPageSize rows,
// one more when there are more) in the order that q asks, read in the
// page's direction: the articles are found through an index on the sort
// key and, when count is set, only the page's articles are counted, never
// the whole table.
func ArticleRows(ctx context.Context, db *gorm.DB, q ListQuery, count bool) ([]ArticleRow, error) {
	col, asc := "a.created_at", q.Sort == "oldest"
	if q.Sort == "title" {
		col, asc = "a.title", true
	}
	where, args, order := keyset(q, col, "a.id", asc, func(c Cursor) any {
		if col == "a.title" {
			return c.Title
		}
		return c.Time()
	})
	conds := []string{where}
	conds, args = q.articleFilters(conds, args)
	if cond, ok := articleStates[q.State]; ok {
		conds = append(conds, cond)
	}
	args = append(args, ListPageSize+1)
	if !count {
		return rawRows[ArticleRow](ctx, db, "article page", `SELECT a.id, a.title, a.lang, a.created_at FROM articles a
WHERE `+strings.Join(conds, " AND ")+` ORDER BY `+order+` LIMIT ?`, args...)
	}
	return rawRows[ArticleRow](ctx, db, "article page", `
WITH page AS (
    SELECT a.id, a.title, a.lang, a.created_at FROM articles a
    WHERE `+strings.Join(conds, " AND ")+`
    ORDER BY `+order+` LIMIT ?)
SELECT a.id, a.title, a.lang, a.created_at, s.segments, s.flagged, s.in_progress, s.corrected, s.approved,
       f.open_flags
FROM page a
CROSS JOIN LATERAL (
    SELECT count(*) AS segments,
           count(*) FILTER (WHERE state IN ('flagged', 'rejected')) AS flagged,
           count(*) FILTER (WHERE state = 'in_progress') AS in_progress,
           count(*) FILTER (WHERE state = 'corrected') AS corrected,
           count(*) FILTER (WHERE state = 'approved') AS approved
    FROM segments WHERE article_id = a.id) s
CROSS JOIN LATERAL (
    SELECT count(*) AS open_flags FROM flags fl JOIN segments sg ON sg.id = fl.segment_id
    WHERE sg.article_id = a.id AND fl.status = 'open') f
ORDER BY `+order, args...)
}

// articleCursor is the cursor of row r under sort.
func articleCursor(sort string) func(ArticleRow) Cursor {
	return func(r ArticleRow) Cursor {
		if sort == "title" {
			return Cursor{Title: r.Title, ID: r.ID}
		}
		return Cursor{At: r.CreatedAt.UnixMicro(), ID: r.ID}
	}
}

// withCounts gives rows the counts of a SummaryCache: an article newer
// than its last count shows none until the cache counts again, as the
// whole list did before it paged.
func withCounts(rows []ArticleRow, byID map[int64]ArticleSummary) {
	for i := range rows {
		if a, ok := byID[rows[i].ID]; ok {
			a.Title, a.Lang = rows[i].Title, rows[i].Lang
			rows[i].ArticleSummary = a
		}
	}
}
