package review

import "github.com/labstack/echo/v4"

// Routes registers the review pages and API.
func Routes(e *echo.Echo, h *Handlers) {
	e.GET("/", h.ArticleList)
	e.GET("/articles", h.ArticleList)
	e.GET("/articles/:id", h.Article)
}
