package comment

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/request"
)

// Handlers serves comment threads: the segment page's form posts and the
// JSON API.
type Handlers struct {
	DB *gorm.DB
}

// maxJSONBody bounds a comment's JSON request: MaxBody characters of up to
// four bytes each, escaped, and the field's name.
const maxJSONBody = 6*4*MaxBody + 1024

type commentForm struct {
	Body string `json:"body"`
}

// onPathID reads the path's id and runs op on it as the signed-in user;
// it gives the id back with op's result.
func onPathID[T any](c echo.Context, db *gorm.DB, op func(context.Context, *gorm.DB, *account.Principal, int64) (T, error)) (int64, T, error) {
	id, err := request.PathID(c, "id")
	if err != nil {
		var none T
		return 0, none, err
	}
	ctx := c.Request().Context()
	v, err := op(ctx, db, account.PrincipalFrom(ctx), id)
	return id, v, err
}

// post posts, on the segment the path names, the body that read gives
// (read after the path's id, before anything is stored).
func (h *Handlers) post(c echo.Context, read func() (string, error)) (segment int64, n *Note, err error) {
	return onPathID(c, h.DB, func(ctx context.Context, db *gorm.DB, p *account.Principal, id int64) (*Note, error) {
		body, err := read()
		if err != nil {
			return nil, err
		}
		return Post(ctx, db, p, id, body)
	})
}

// APIThread: GET /api/v1/segments/:id/comments, the segment's comments
// oldest first (deleted ones with "deleted": true and no body). Codes:
// invalid (id), unauthorized, not_found (segment).
func (h *Handlers) APIThread(c echo.Context) error {
	_, notes, err := onPathID(c, h.DB, Thread)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"comments": notes})
}

// APIPost: POST /api/v1/segments/:id/comments {"body"}: 201 with the
// comment. Codes: invalid (id, body), unauthorized, not_found (segment).
func (h *Handlers) APIPost(c echo.Context) error {
	_, n, err := h.post(c, func() (string, error) {
		var f commentForm
		err := request.BindJSON(c, &f, maxJSONBody)
		return f.Body, err
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, n)
}

// APIDelete: DELETE /api/v1/comments/:id: 200 with the comment's segment.
// Codes: invalid (id), unauthorized, not_found, forbidden (neither its
// author nor an admin).
func (h *Handlers) APIDelete(c echo.Context) error {
	id, seg, err := onPathID(c, h.DB, Delete)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"id": id, "segment": seg, "deleted": true})
}

// PostPage: POST /segments/:id/comments, the segment page's comment form;
// back to the segment page at the new comment.
func (h *Handlers) PostPage(c echo.Context) error {
	id, n, err := h.post(c, func() (string, error) { return c.FormValue("body"), nil })
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d#comment-%d", id, n.ID))
}

// DeletePage: POST /comments/:id/delete; back to the segment page at the
// comment's place.
func (h *Handlers) DeletePage(c echo.Context) error {
	id, seg, err := onPathID(c, h.DB, Delete)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d#comment-%d", seg, id))
}
