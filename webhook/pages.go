package webhook

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/apperr"
	"lector/locales"
	"lector/request"
)

// endpointsPage is the data of webhooks.html.
type endpointsPage struct {
	Endpoints []Endpoint
	Events    []string
	// The form as posted when it was refused, with the problem under its
	// field; the secret is never echoed back.
	URL      string
	Chosen   map[string]bool
	Problems map[string]string
	Notice   string // "added" or "removed" after a redirect
}

// deliveriesPage is the data of webhook_deliveries.html.
type deliveriesPage struct {
	Rows   []LogRow
	Limit  int
	Queued int64 // the delivery just sent again, 0 for none
}

// Page: GET /admin/webhooks (admins).
func (h *Handlers) Page(c echo.Context) error {
	eps, err := List(c.Request().Context(), h.DB, principal(c))
	if err != nil {
		return err
	}
	notice := c.QueryParam("done")
	if notice != "added" && notice != "removed" {
		notice = ""
	}
	return c.Render(http.StatusOK, "webhooks.html", endpointsPage{Endpoints: eps, Events: Events(), Notice: notice})
}

// AddPage: POST /admin/webhooks (admins). A refused registration comes back
// with what was typed (but the secret) and the problem under its field.
func (h *Handlers) AddPage(c echo.Context) error {
	ctx := c.Request().Context()
	values, err := c.FormParams()
	if err != nil {
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	r := Registration{URL: values.Get("url"), Events: values["events"], Secret: values.Get("secret")}
	if _, err := Add(ctx, h.DB, principal(c), r, h.AllowPrivate); err != nil {
		ae := apperr.As(err)
		field, _ := ae.Data["Field"].(string)
		if ae.Code != apperr.Invalid || field == "" {
			return err
		}
		eps, lerr := List(ctx, h.DB, principal(c))
		if lerr != nil {
			return lerr
		}
		chosen := map[string]bool{}
		for _, e := range r.Events {
			chosen[e] = true
		}
		t := locales.FromContext(ctx, nil)
		return c.Render(http.StatusBadRequest, "webhooks.html", endpointsPage{Endpoints: eps, Events: Events(),
			URL: r.URL, Chosen: chosen, Problems: map[string]string{field: t.Data(ae.MessageID, ae.Data)}})
	}
	return c.Redirect(http.StatusSeeOther, "/admin/webhooks?done=added")
}

// RemovePage: POST /admin/webhooks/:id/remove (admins).
func (h *Handlers) RemovePage(c echo.Context) error {
	if err := h.removeInPath(c); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/webhooks?done=removed")
}

// LogPage: GET /admin/webhooks/deliveries (admins): the newest deliveries.
func (h *Handlers) LogPage(c echo.Context) error {
	rows, err := Log(c.Request().Context(), h.DB, principal(c))
	if err != nil {
		return err
	}
	queued, err := request.QueryInt(c, "queued", 0, 0, 1<<62)
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "webhook_deliveries.html", deliveriesPage{Rows: rows, Limit: MaxLogRows, Queued: queued})
}

// SendAgainPage: POST /admin/webhooks/deliveries/:id/send (admins).
func (h *Handlers) SendAgainPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	if err := SendAgain(c.Request().Context(), h.DB, h.Jobs, principal(c), id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/webhooks/deliveries?queued=%d#delivery-%d", id, id))
}
