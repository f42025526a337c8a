package review

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/detect/finding"
	"lector/request"
)

// ArticlePage is the data of article.html: the overview, the filter and
// the first chunk of segments (later chunks come as fragments).
type ArticlePage struct {
	*ArticleOverview
	Chunk    *ArticleChunkData
	Filter   ArticleFilter
	States   []string
	KindList []string
	IsEditor bool
	// Grid shows the chunk as a table (source | target | state | flags),
	// an editor's view asked for with ?view=grid.
	Grid bool
	// Merged and Split name the segment a repair just changed, for the notice.
	Merged, Split int64
	// LatestVersion is the newest published version (nil: none yet), for
	// the partial article-publish.
	LatestVersion *VersionSummary
}

// TextURL is this page as running text, filter kept.
func (p *ArticlePage) TextURL() string { return p.inView(false).url(p.Filter.From) }

// GridURL is this page as the editor's grid, filter kept.
func (p *ArticlePage) GridURL() string { return p.inView(true).url(p.Filter.From) }

func (p *ArticlePage) inView(grid bool) *ArticlePage {
	q := *p
	q.Grid = grid
	return &q
}

// MoreURL is the address of the chunk after this one.
func (p *ArticlePage) MoreURL() string { return p.url(p.Chunk.Next) }

// StartURL is the filtered list from its first segment.
func (p *ArticlePage) StartURL() string { return p.url(0) }

func (p *ArticlePage) url(from int) string {
	q := request.Query(map[string]string{"state": p.Filter.State, "check": p.Filter.Check, "kind": p.Filter.Kind, "q": p.Filter.Q})
	if from > 0 {
		q.Set("from", strconv.Itoa(from))
	}
	if p.Grid {
		q.Set("view", "grid")
	}
	u := "/articles/" + strconv.FormatInt(p.Article.ID, 10)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// Article: GET /articles/:id shows an article's counts, its filter and the
// first chunk of matching segments in their paragraphs, flagged spans
// highlighted with their suggestions. An htmx request gets only the chunk
// (with the link to the next one), which "Load more" swaps in.
func (h *Handlers) Article(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	// A negative position has always meant the first; one past int4 is
	// no position of any article.
	from, err := request.QueryInt(c, "from", 0, -request.MaxInt4-1, request.MaxInt4)
	if err != nil {
		return err
	}
	from = max(from, 0)
	f := ArticleFilter{State: c.QueryParam("state"), Check: c.QueryParam("check"), Kind: c.QueryParam("kind"),
		Q: c.QueryParam("q"), From: int(from)}
	ctx := c.Request().Context()
	page := &ArticlePage{Filter: f, States: States(), KindList: finding.Kinds(), IsEditor: principal(c).Has(account.RoleEditor)}
	if page.Chunk, err = LoadChunk(ctx, h.DB, id, f); err != nil {
		return err // an invalid filter, before anything else is loaded
	}
	if page.ArticleOverview, err = LoadOverview(ctx, h.DB, id); err != nil {
		return err
	}
	if page.LatestVersion, err = LatestVersion(ctx, h.DB, id); err != nil {
		return err
	}
	page.Filter.From = int(from)
	page.Grid = page.IsEditor && c.QueryParam("view") == "grid"
	page.Merged, _ = strconv.ParseInt(c.QueryParam("merged"), 10, 64)
	page.Split, _ = strconv.ParseInt(c.QueryParam("split"), 10, 64)
	// The same address answers a page or, to htmx, a fragment: caches
	// must keep them apart.
	c.Response().Header().Add("Vary", "HX-Request")
	if isHTMX(c) && !page.Grid { // the grid's "more" is a plain link
		return c.Render(http.StatusOK, "article.html#article-segments", page)
	}
	return c.Render(http.StatusOK, "article.html", page)
}
