package review

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// reviewListOptions: the review list shows the oldest corrections first by
// default, as PendingCorrections does.
var reviewListOptions = listOptions{
	Path:  "/review",
	Sorts: []sortKey{{"oldest", 't'}, {"newest", 't'}},
}

// ReviewItem is a pending correction on the review page, with the number
// of flags its segment has open now.
type ReviewItem struct {
	PendingCorrection
	OpenFlags int
}

// PendingRows returns one page of pending corrections (ListPageSize rows,
// one more when there are more) in q's order, read in the page's
// direction, filtered by the article's language and title, each with its
// word diff, its segment's open flags and, when checker is set, what
// approving it would do. Editors only. Codes: unauthorized, forbidden.
func PendingRows(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, q ListQuery) ([]ReviewItem, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	where, args, order := keyset(q, "c.created_at", "c.id", q.Sort != "newest", func(c Cursor) any { return c.Time() })
	conds := []string{"c.status = 'pending'", where}
	conds, args = q.articleFilters(conds, args)
	args = append(args, ListPageSize+1)
	var list []PendingCorrection
	err := db.WithContext(ctx).Raw(`
SELECT c.*, s.article_id, a.title AS article_title, s.mt_text, u.email AS author_email
FROM corrections c JOIN segments s ON s.id = c.segment_id JOIN articles a ON a.id = s.article_id
JOIN users u ON u.id = c.author_id
WHERE `+strings.Join(conds, " AND ")+`
ORDER BY `+order+` LIMIT ?`, args...).Scan(&list).Error
	if err != nil {
		return nil, apperr.Wrap(err, "review page")
	}
	segs := make([]int64, len(list))
	for i := range list {
		list[i].Diff = WordDiff(list[i].MTText, list[i].Text)
		list[i].Own = list[i].AuthorID == p.UserID
		segs[i] = list[i].SegmentID
	}
	var counts []struct {
		SegmentID int64
		N         int
	}
	if len(segs) > 0 {
		err = db.WithContext(ctx).Raw(`SELECT segment_id, count(*) AS n FROM flags
WHERE segment_id IN ? AND status = 'open' GROUP BY segment_id`, segs).Scan(&counts).Error
		if err != nil {
			return nil, apperr.Wrap(err, "review page")
		}
	}
	open := make(map[int64]int, len(counts))
	for _, c := range counts {
		open[c.SegmentID] = c.N
	}
	// Only the shown page is previewed: the extra row tells whether there
	// is a next page and is dropped.
	if err := previewApprovals(ctx, db, checker, list[:min(len(list), ListPageSize)]); err != nil {
		return nil, apperr.Wrap(err, "review page")
	}
	out := make([]ReviewItem, len(list))
	for i, c := range list {
		out[i] = ReviewItem{PendingCorrection: c, OpenFlags: open[c.SegmentID]}
	}
	return out, nil
}

// reviewCursor is the cursor of item r.
func reviewCursor(r ReviewItem) Cursor {
	return Cursor{At: r.CreatedAt.UnixMicro(), ID: r.ID}
}
