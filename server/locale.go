package server

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"lector/account"
	"lector/locales"
)

const langCookie = "lector_lang"

// localeMiddleware picks the reader's language: ?lang= (remembered in a
// cookie), then the cookie, then the signed-in user's saved preference, then
// Accept-Language, then English. It runs after account authentication so
// that the principal is known.
func localeMiddleware(b *i18n.Bundle, secure bool) echo.MiddlewareFunc {
	chooser := locales.NewChooser(b)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if q := c.QueryParam("lang"); q != "" {
				// Remember only a language Lector has: a cookie for "fr"
				// would shadow the user's saved preference for nothing.
				if tag, err := language.Parse(q); err == nil && supported(b, tag) {
					c.SetCookie(&http.Cookie{Name: langCookie, Value: tag.String(), Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
						HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode})
				}
			}
			userLocale := ""
			if p := account.PrincipalFrom(c.Request().Context()); p != nil {
				userLocale = p.Locale
			}
			// Pages differ by these; caches must not mix languages.
			c.Response().Header().Add("Vary", "Cookie, Accept-Language")
			t := chooser.Translator(languagePrefs(c, userLocale)...)
			c.SetRequest(c.Request().WithContext(locales.WithTranslator(c.Request().Context(), t)))
			c.Set(translatorKey, t)
			return next(c)
		}
	}
}

// languagePrefs lists the request's language preferences, best first.
func languagePrefs(c echo.Context, userLocale string) []string {
	var prefs []string
	if q := c.QueryParam("lang"); q != "" {
		if tag, err := language.Parse(q); err == nil {
			prefs = append(prefs, tag.String())
		}
	}
	if ck, err := c.Cookie(langCookie); err == nil {
		prefs = append(prefs, ck.Value)
	}
	return append(prefs, userLocale, c.Request().Header.Get("Accept-Language"))
}

// supported reports whether the bundle has a catalog for tag's language.
func supported(b *i18n.Bundle, tag language.Tag) bool {
	base, _ := tag.Base()
	for _, t := range b.LanguageTags() {
		if tb, _ := t.Base(); tb == base {
			return true
		}
	}
	return false
}

const translatorKey = "translator"

func translator(c echo.Context) *locales.Translator {
	if t, ok := c.Get(translatorKey).(*locales.Translator); ok {
		return t
	}
	return nil
}
