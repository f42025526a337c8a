package server

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/locales"
)

// TestLocaleOrder checks the documented order: ?lang= (remembered in a
// cookie), the cookie, the user's saved preference, Accept-Language by
// quality, English.
func TestLocaleOrder(t *testing.T) {
	b, err := locales.NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query, cookie, user, accept string
		want, setCookie                   string
	}{
		{name: "nothing", want: "en"},
		{name: "query wins and is remembered", query: "de", cookie: "ru", user: "uk", accept: "ru", want: "de", setCookie: "de"},
		{name: "regional query", query: "uk-UA", want: "uk", setCookie: "uk-UA"},
		{name: "unsupported query is not remembered", query: "fr", cookie: "ru", want: "ru"},
		{name: "cookie before user", cookie: "ru", user: "de", accept: "uk", want: "ru"},
		{name: "user before Accept-Language", user: "uk", accept: "de", want: "uk"},
		{name: "Accept-Language by quality", accept: "fr;q=0.9, de;q=0.5, ru;q=0.95", want: "ru"},
		{name: "Accept-Language skips unsupported", accept: "fr, de-AT;q=0.5", want: "de"},
		{name: "Accept-Language of nothing we have", accept: "fr, es", want: "en"},
		{name: "garbage everywhere", query: "!!", cookie: "%%", user: "x", accept: ";;;", want: "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := "/articles"
			if tt.query != "" {
				target += "?lang=" + tt.query
			}
			req := httptest.NewRequest(http.MethodGet, target, nil)
			if tt.cookie != "" {
				req.AddCookie(&http.Cookie{Name: langCookie, Value: tt.cookie})
			}
			if tt.accept != "" {
				req.Header.Set("Accept-Language", tt.accept)
			}
			if tt.user != "" {
				req = req.WithContext(account.WithPrincipal(req.Context(), &account.Principal{Locale: tt.user}))
			}
			rec := httptest.NewRecorder()
			c := echo.New().NewContext(req, rec)
			var got string
			err := localeMiddleware(b, false)(func(c echo.Context) error {
				got = translator(c).Lang()
				return nil
			})(c)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("language = %s, want %s", got, tt.want)
			}
			set := ""
			for _, ck := range rec.Result().Cookies() {
				if ck.Name == langCookie {
					set = ck.Value
				}
			}
			if set != tt.setCookie {
				t.Errorf("cookie set to %q, want %q", set, tt.setCookie)
			}
		})
	}
}
