package webhook

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/request"
)

// Handlers serve the webhooks' admin pages and API.
type Handlers struct {
	DB *gorm.DB
	// Jobs queues "send again"; nil refuses it (500, logged).
	Jobs Inserter
	// AllowPrivate is config.Webhooks.AllowPrivate.
	AllowPrivate bool
}

// maxRegistrationBody bounds a registration's JSON.
const maxRegistrationBody = 16 << 10

func principal(c echo.Context) *account.Principal {
	return account.PrincipalFrom(c.Request().Context())
}

// APIList: GET /api/v1/webhooks (admins): every endpoint, without secrets.
func (h *Handlers) APIList(c echo.Context) error {
	eps, err := List(c.Request().Context(), h.DB, principal(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"webhooks": eps})
}

// APIAdd: POST /api/v1/webhooks {"url","events","secret"} (admins): 201
// with the endpoint (without its secret).
func (h *Handlers) APIAdd(c echo.Context) error {
	var f Registration
	if err := request.BindJSON(c, &f, maxRegistrationBody); err != nil {
		return err
	}
	ep, err := Add(c.Request().Context(), h.DB, principal(c), f, h.AllowPrivate)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, ep)
}

// APIRemove: DELETE /api/v1/webhooks/:id (admins): 204.
func (h *Handlers) APIRemove(c echo.Context) error {
	if err := h.removeInPath(c); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// removeInPath removes the endpoint the path's id names.
func (h *Handlers) removeInPath(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	return Remove(c.Request().Context(), h.DB, principal(c), id)
}
