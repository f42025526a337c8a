package live

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Path is the event stream's path; the server keeps gzip off it, which
// would hold events back until a buffer fills.
const Path = "/events"

// Routes registers the event stream (signed-in users; topics check roles).
func Routes(e *echo.Echo, h *Handlers) {
	e.Add(http.MethodGet, Path, h.Events)
}
