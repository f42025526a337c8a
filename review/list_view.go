package review

import (
	"context"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"
)

// listView is what a list page's search form and pager show: the query,
// the choices for its sort, language and state, and the neighbours.
type listView struct {
	Query  ListQuery
	Path   string
	Sorts  []string
	States []string
	Langs  []string
	Pager
}

func newListView(ctx context.Context, db *gorm.DB, q ListQuery, opt listOptions) (listView, error) {
	langs, err := articleLangs(ctx, db)
	if err != nil {
		return listView{}, err
	}
	return listView{Query: q, Path: opt.Path, Sorts: opt.sortNames(), States: opt.States, Langs: langs}, nil
}

// articleLangs returns the languages articles are in, for the language
// filter: a skip scan of articles_lang_idx (a recursive step per
// language), not a read of every article.
func articleLangs(ctx context.Context, db *gorm.DB) ([]string, error) {
	return rawRows[string](ctx, db, "article languages", `
WITH RECURSIVE l(lang) AS (
    (SELECT lang FROM articles ORDER BY lang LIMIT 1)
    UNION ALL
    SELECT (SELECT a.lang FROM articles a WHERE a.lang > l.lang ORDER BY a.lang LIMIT 1) FROM l WHERE l.lang IS NOT NULL)
SELECT lang FROM l WHERE lang IS NOT NULL`)
}

// listPageRows holds the steps of a list page: the query the address asks
// for, one page of the rows load gives for it (key: the cursor of a row
// under a sort) with its pager, and the view of the list's filters.
func listPageRows[R any](c echo.Context, db *gorm.DB, opt listOptions, key func(sort string) func(R) Cursor,
	load func(ctx context.Context, q ListQuery) ([]R, error)) ([]R, Pager, listView, error) {
	q, err := parseListQuery(c, opt)
	if err != nil {
		return nil, Pager{}, listView{}, err
	}
	ctx := c.Request().Context()
	rows, err := load(ctx, q)
	if err != nil {
		return nil, Pager{}, listView{}, err
	}
	view, err := newListView(ctx, db, q, opt)
	if err != nil {
		return nil, Pager{}, listView{}, err
	}
	rows, pager := window(rows, q, opt, key(q.Sort))
	return rows, pager, view, nil
}
