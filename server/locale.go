package server

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"lector/locales"
)

const langCookie = "lector_lang"

// localeMiddleware picks the reader's language: ?lang= (remembered in a
// cookie), then the cookie, then Accept-Language, then English.
func localeMiddleware(b *i18n.Bundle, secure bool) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			var prefs []string
			if q := c.QueryParam("lang"); q != "" {
				if tag, err := language.Parse(q); err == nil {
					c.SetCookie(&http.Cookie{Name: langCookie, Value: tag.String(), Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
						HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode})
					prefs = append(prefs, tag.String())
				}
			}
			if ck, err := c.Cookie(langCookie); err == nil {
				prefs = append(prefs, ck.Value)
			}
			prefs = append(prefs, c.Request().Header.Get("Accept-Language"))
			t := locales.NewTranslator(b, prefs...)
			c.SetRequest(c.Request().WithContext(locales.WithTranslator(c.Request().Context(), t)))
			c.Set(translatorKey, t)
			return next(c)
		}
	}
}

const translatorKey = "translator"

func translator(c echo.Context) *locales.Translator {
	if t, ok := c.Get(translatorKey).(*locales.Translator); ok {
		return t
	}
	return nil
}
