package review

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/apperr"
	"lector/request"
)

type mergeForm struct {
	Revision     int `json:"revision"`
	NextRevision int `json:"next_revision"`
}

type splitForm struct {
	Revision int `json:"revision"`
	Offset   int `json:"offset"`
}

// APIMerge: POST /api/v1/segments/:id/merge (editors) joins the segment
// with the next one; 200 with the merged segment and its flags.
func (h *Handlers) APIMerge(c echo.Context) error {
	return repairAPI(c, func(ctx context.Context, id int64, f mergeForm) (any, error) {
		return MergeSegments(ctx, h.DB, h.Checker, principal(c),
			MergeRequest{SegmentID: id, Revision: f.Revision, NextRevision: f.NextRevision})
	})
}

// APISplit: POST /api/v1/segments/:id/split (editors); 200 with the two
// segments.
func (h *Handlers) APISplit(c echo.Context) error {
	return repairAPI(c, func(ctx context.Context, id int64, f splitForm) (any, error) {
		segs, err := SplitSegment(ctx, h.DB, h.Checker, principal(c),
			SplitRequest{SegmentID: id, Revision: f.Revision, Offset: f.Offset})
		return map[string]any{"segments": segs}, err
	})
}

// repairAPI holds the steps of the repair API: the segment id of the path,
// the JSON form, the repair, a stale revision answered as staleJSON does,
// and 200 with what the repair gives.
func repairAPI[F any](c echo.Context, repair func(ctx context.Context, id int64, f F) (any, error)) error {
	var f F
	id, err := idAndForm(c, &f, false)
	if err != nil {
		return err
	}
	out, err := repair(c.Request().Context(), id, f)
	if ae, ok := err.(*apperr.Error); ok && ae.MessageID == "error.stale_revision" {
		return staleJSON(c, ae)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

// MergePage: POST /segments/:id/merge, the one-click join of a broken
// paragraph; back=article returns to the article page at the segment.
func (h *Handlers) MergePage(c echo.Context) error {
	return repairPage(c, "merged", func(ctx context.Context, id int64, rev int) (*Segment, error) {
		next, err := formInt4(c, "next_revision")
		if err != nil {
			return nil, err
		}
		return MergeSegments(ctx, h.DB, h.Checker, principal(c),
			MergeRequest{SegmentID: id, Revision: rev, NextRevision: next})
	})
}

// SplitPage: POST /segments/:id/split.
func (h *Handlers) SplitPage(c echo.Context) error {
	return repairPage(c, "split", func(ctx context.Context, id int64, rev int) (*Segment, error) {
		if c.FormValue("offset") == "" {
			return nil, apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "offset"})
		}
		offset, err := formInt4(c, "offset")
		if err != nil {
			return nil, err
		}
		segs, err := SplitSegment(ctx, h.DB, h.Checker, principal(c),
			SplitRequest{SegmentID: id, Revision: rev, Offset: offset})
		if err != nil {
			return nil, err
		}
		return &segs[0], nil
	})
}

// repairPage holds the steps of the repair forms: the segment id of the
// path, its revision, the repair, and back where the form says (see
// repairedURL) with what was done.
func repairPage(c echo.Context, what string, repair func(ctx context.Context, id int64, rev int) (*Segment, error)) error {
	id, rev, err := idAndRevision(c)
	if err != nil {
		return err
	}
	seg, err := repair(c.Request().Context(), id, rev)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, repairedURL(c.FormValue("back"), seg, what))
}

// idAndRevision reads the segment id of the path and the revision the
// form was written against. Codes: invalid.
func idAndRevision(c echo.Context) (int64, int, error) {
	id, err := request.PathID(c, "id")
	if err != nil {
		return 0, 0, err
	}
	rev, err := formInt4(c, "revision")
	return id, rev, err
}

// formInt4 reads the form's field name, a whole number from 0 to the
// largest int4; absent is 0. Codes: invalid.
func formInt4(c echo.Context, name string) (int, error) {
	n, err := request.Int(name, c.FormValue(name), 0, 0, request.MaxInt4)
	return int(n), err
}

// repairedURL is where a repair form returns: the article page at the
// segment (with a notice), or the segment page at its history, which shows
// the repair.
func repairedURL(back string, seg *Segment, what string) string {
	if back == "article" {
		// Start a few segments before it, so that it shows in its context
		// even deep in a long article.
		return fmt.Sprintf("/articles/%d?%s=%d&from=%d#segment-%d", seg.ArticleID, what, seg.ID, max(seg.Position-3, 0), seg.ID)
	}
	return fmt.Sprintf("/segments/%d#history", seg.ID)
}
