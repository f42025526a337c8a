package notification

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/request"
)

// Handlers serves the notifications page, marking read, and the badge's
// count.
type Handlers struct {
	DB *gorm.DB
}

type listPage struct {
	Items  []Item
	More   bool
	Next   int64 // the before of the next page
	Before int64
	Read   int // how many "mark all read" just marked
}

// parseBefore reads the list's cursor. Codes: invalid, naming before.
func parseBefore(c echo.Context) (int64, error) {
	return request.Int("before", c.QueryParam("before"), 0, 1, request.MaxInt8)
}

func (p *listPage) setNext() {
	if p.More && len(p.Items) > 0 {
		p.Next = p.Items[len(p.Items)-1].ID
	}
}

// Page: GET /notifications[?before=ID], the signed-in user's notifications
// newest first, a page at a time. Codes: invalid (before), unauthorized.
func (h *Handlers) Page(c echo.Context) error {
	before, err := parseBefore(c)
	if err != nil {
		return err
	}
	items, more, err := List(c.Request().Context(), h.DB, account.PrincipalFrom(c.Request().Context()), before)
	if err != nil {
		return err
	}
	page := listPage{Items: items, More: more, Before: before}
	page.setNext()
	if n, err := strconv.Atoi(c.QueryParam("read")); err == nil && n > 0 { // a notice only: anything else shows none
		page.Read = n
	}
	return c.Render(http.StatusOK, "notifications.html", page)
}

// ReadPage: POST /notifications/read, "mark all read", then the list again.
// Codes: unauthorized.
func (h *Handlers) ReadPage(c echo.Context) error {
	n, err := h.markRead(c.Request().Context())
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/notifications?read="+strconv.FormatInt(n, 10))
}

func (h *Handlers) markRead(ctx context.Context) (int64, error) {
	p := account.PrincipalFrom(ctx)
	n, err := MarkAllRead(ctx, h.DB, p)
	if err != nil {
		return 0, err
	}
	// The badges of the user's other pages: best effort, the count is
	// right on their next load anyway.
	_ = publishCount(ctx, h.DB, p.UserID, 0)
	return n, nil
}

// APIList: GET /api/v1/notifications[?before=ID], the signed-in user's
// notifications newest first, with the unread count and the next page's
// cursor (0 when none). Codes: invalid (before), unauthorized.
func (h *Handlers) APIList(c echo.Context) error {
	before, err := parseBefore(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	p := account.PrincipalFrom(ctx)
	items, more, err := List(ctx, h.DB, p, before)
	if err != nil {
		return err
	}
	unread, err := UnreadCount(ctx, h.DB, p.UserID)
	if err != nil {
		return err
	}
	page := listPage{Items: items, More: more}
	page.setNext()
	return c.JSON(http.StatusOK, map[string]any{"notifications": items, "unread": unread, "next": page.Next})
}

// APIRead: POST /api/v1/notifications/read, marks every notification read;
// 200 with how many were unread. Codes: unauthorized.
func (h *Handlers) APIRead(c echo.Context) error {
	n, err := h.markRead(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"marked": n})
}

type unreadKey struct{}

// NavCount is middleware that counts the signed-in user's unread
// notifications for the top bar's badge: one indexed count on a full page
// load, nothing for anonymous readers, the API or htmx fragments. A failed
// count shows no number rather than failing the page.
func (h *Handlers) NavCount() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			p := account.PrincipalFrom(req.Context())
			if req.Method != http.MethodGet || p == nil || strings.HasPrefix(req.URL.Path, "/api/") ||
				req.Header.Get("HX-Request") == "true" {
				return next(c)
			}
			if n, err := UnreadCount(req.Context(), h.DB, p.UserID); err == nil {
				c.SetRequest(req.WithContext(context.WithValue(req.Context(), unreadKey{}, int(n))))
			}
			return next(c)
		}
	}
}

// UnreadFrom is the count NavCount put into ctx, 0 when none.
func UnreadFrom(ctx context.Context) int {
	n, _ := ctx.Value(unreadKey{}).(int)
	return n
}
