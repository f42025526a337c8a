package request

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"lector/apperr"
)

func TestBindJSON(t *testing.T) {
	type form struct {
		Text     string `json:"text"`
		Revision int    `json:"revision"`
	}
	tests := []struct {
		name, ctype, body string
		code              apperr.Code
		status            int
		field             string
	}{
		{"ok", "application/json", `{"text":"x","revision":2}`, "", 0, ""},
		{"ok with charset", "application/json; charset=utf-8", `{"text":"x"}`, "", 0, ""},
		{"not JSON", "text/plain", `{}`, apperr.Invalid, http.StatusUnsupportedMediaType, ""},
		{"unknown field", "application/json", `{"text":"x","approved_by":7}`, apperr.Invalid, 0, "approved_by"},
		{"wrong type", "application/json", `{"revision":"two"}`, apperr.Invalid, 0, "revision"},
		{"broken", "application/json", `{"text":`, apperr.Invalid, 0, ""},
		{"two values", "application/json", `{} {}`, apperr.Invalid, 0, ""},
		{"too large", "application/json", `{"text":"` + strings.Repeat("a", 200) + `"}`, apperr.TooLarge, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.body))
			req.Header.Set(echo.HeaderContentType, tt.ctype)
			c := echo.New().NewContext(req, httptest.NewRecorder())
			var f form
			err := BindJSON(c, &f, 128)
			if tt.code == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				return
			}
			ae := apperr.As(err)
			if err == nil || ae.Code != tt.code || ae.Status != tt.status {
				t.Fatalf("error %v (status %d), want code %s status %d", err, ae.Status, tt.code, tt.status)
			}
			if tt.field != "" && ae.Data["Field"] != tt.field {
				t.Errorf("names field %v, want %s", ae.Data["Field"], tt.field)
			}
		})
	}
}
