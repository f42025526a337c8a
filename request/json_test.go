package request

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

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

func TestBindJSONChecksText(t *testing.T) {
	type term struct {
		Form string `json:"form" input:"line"`
		Note string `json:"note"`
	}
	type form struct {
		Title    string `json:"title" input:"line"`
		Text     string `json:"text"`
		Revision int    `json:"revision"`
		Terms    []term `json:"terms"`
	}
	tests := []struct {
		name, body, message, field string
	}{
		{"ok", `{"title":"T","text":"a\nb\tc","terms":[{"form":"Маск","note":"x\ny"}]}`, "", ""},
		{"NUL in text", `{"text":"a\u0000b"}`, "error.field_control", "text"},
		{"line break in title", `{"title":"a\r\nb"}`, "error.field_single_line", "title"},
		{"line break in a term form", `{"terms":[{"form":"a"},{"form":"b\nc"}]}`, "error.field_single_line", "terms[1].form"},
		{"invalid UTF-8 in text", "{\"title\":\"ok\",\"text\":\"a\xffb\"}", "error.not_utf8", "text"},
		{"invalid UTF-8 deep", "{\"terms\":[{\"form\":\"a\"},{\"note\":\"x\",\"form\":\"\xc3\"}]}", "error.not_utf8", "terms[1].form"},
		{"invalid UTF-8 in a key", "{\"te\xffxt\":\"a\"}", "error.not_utf8", "te\ufffdxt"},
		{"invalid UTF-8 after an array", "{\"terms\":[{\"form\":\"a\"}],\"text\":\"\xff\"}", "error.not_utf8", "text"},
		{"revision beyond int4", `{"revision":2147483648}`, "error.field_number", "revision"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.body))
			req.Header.Set(echo.HeaderContentType, "application/json")
			c := echo.New().NewContext(req, httptest.NewRecorder())
			var f form
			err := BindJSON(c, &f, 1<<10)
			if tt.message == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				return
			}
			ae := apperr.As(err)
			if ae.Code != apperr.Invalid || ae.MessageID != tt.message || ae.Data["Field"] != tt.field {
				t.Fatalf("error %v, want %s naming %q", err, tt.message, tt.field)
			}
		})
	}
}

// A chunked body has no Content-Length for the server's limit to refuse
// up front; Echo's limit then ends the read, which must still be a 413.
func TestBindJSONChunkedOverServerLimit(t *testing.T) {
	e := echo.New()
	var got error
	e.POST("/", func(c echo.Context) error {
		var f struct {
			Text string `json:"text"`
		}
		got = BindJSON(c, &f, 1<<20)
		return nil
	}, middleware.BodyLimit("1K"))
	body := io.MultiReader(strings.NewReader(`{"text":"`), strings.NewReader(strings.Repeat("a", 4<<10)), strings.NewReader(`"}`))
	req := httptest.NewRequest(http.MethodPost, "/", body)
	req.ContentLength = -1
	req.Header.Set(echo.HeaderContentType, "application/json")
	e.ServeHTTP(httptest.NewRecorder(), req)
	if apperr.CodeOf(got) != apperr.TooLarge {
		t.Fatalf("error %v, want too_large", got)
	}
}

// FuzzBindJSON: whatever the body, BindJSON answers invalid or too_large or
// binds a form whose every string is text Lector can store, and naming the
// field of a bad byte never panics.
func FuzzBindJSON(f *testing.F) {
	for _, s := range []string{`{"title":"T","terms":[{"form":"a"}]}`, "{\"text\":\"\xff\"}", `{"terms":[{"form":"a\u0000"}]}`,
		"{\"ids\":[1,2],\"te\xc3xt\":1}", `{"revision":2147483648}`, `[`, ``} {
		f.Add(s)
	}
	type term struct {
		Form string `json:"form" input:"line"`
	}
	type form struct {
		Title    string   `json:"title" input:"line"`
		Text     string   `json:"text"`
		Revision int      `json:"revision"`
		IDs      []int64  `json:"ids"`
		Tags     []string `json:"tags"`
		Terms    []term   `json:"terms"`
	}
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		req.Header.Set(echo.HeaderContentType, "application/json")
		c := echo.New().NewContext(req, httptest.NewRecorder())
		var v form
		err := BindJSON(c, &v, 1<<12)
		if err != nil {
			if code := apperr.CodeOf(err); code != apperr.Invalid && code != apperr.TooLarge {
				t.Fatalf("%q: code %s", body, code)
			}
			return
		}
		for _, s := range append([]string{v.Text}, v.Tags...) {
			if Text("text", s, 0) != nil {
				t.Fatalf("%q: bound text %q", body, s)
			}
		}
		for _, s := range []string{v.Title} {
			if Line("title", s, 0) != nil {
				t.Fatalf("%q: bound line %q", body, s)
			}
		}
		for _, tm := range v.Terms {
			if Line("form", tm.Form, 0) != nil {
				t.Fatalf("%q: bound form %q", body, tm.Form)
			}
		}
	})
}
