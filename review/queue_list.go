package review

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// queueListOptions: the queue lists articles in the order Claim takes them
// (oldest first) by default.
var queueListOptions = listOptions{
	Path:  "/queue",
	Sorts: []sortKey{{"oldest", 'i'}, {"newest", 'i'}, {"title", 's'}},
}

// QueueRows returns one page of the queue's articles (ListPageSize
// rows, one more when there are more) with their counts, in q's order and
// read in the page's direction. An article is in the queue while a segment
// is flagged, rejected or leased; the page's articles are found through the
// articles' keys with an index probe each (segments_claim_idx), and only
// they are counted. Codes: unauthorized.
func QueueRows(ctx context.Context, db *gorm.DB, p *account.Principal, q ListQuery) ([]QueueCount, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	col, asc := "", q.Sort != "newest"
	if q.Sort == "title" {
		col = "a.title"
	}
	where, args, order := keyset(q, col, "a.id", asc, func(c Cursor) any { return c.Title })
	conds := []string{where, `EXISTS (SELECT 1 FROM segments s WHERE s.article_id = a.id
	    AND s.state IN ('flagged', 'rejected', 'in_progress'))`}
	conds, args = q.articleFilters(conds, args)
	args = append(args, ListPageSize+1)
	return rawRows[QueueCount](ctx, db, "queue page", `
WITH page AS (
    SELECT a.id, a.title, a.lang FROM articles a
    WHERE `+strings.Join(conds, " AND ")+`
    ORDER BY `+order+` LIMIT ?)
SELECT a.id AS article_id, a.title, a.lang, c.claimable, c.in_progress
FROM page a
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE `+claimable+`) AS claimable,
           count(*) FILTER (WHERE s.state = 'in_progress' AND s.lease_expires_at >= now()) AS in_progress
    FROM segments s WHERE s.article_id = a.id AND s.state IN ('flagged', 'rejected', 'in_progress')) c
ORDER BY `+order, args...)
}

// queueCursor is the cursor of row r under sort.
func queueCursor(sort string) func(QueueCount) Cursor {
	return func(r QueueCount) Cursor {
		if sort == "title" {
			return Cursor{Title: r.Title, ID: r.ArticleID}
		}
		return Cursor{ID: r.ArticleID}
	}
}
