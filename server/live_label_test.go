package server_test

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"lector/account"
	"lector/review/reviewtest"
)

// TestLiveLabelsUnquoted: the live updates marker carries its labels as
// plain text in every language; an attribute html/template takes for an
// event handler ("data-on") would carry them as quoted script strings.
func TestLiveLabelsUnquoted(t *testing.T) {
	base, db, tr := startAs(t, "live-label@example.org", account.RoleTranslator)
	id := firstArticle(t, db)
	for _, lang := range []string{"en", "de", "ru", "uk"} {
		data, err := os.ReadFile("../locales/active." + lang + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		var cat map[string]any
		if err := toml.Unmarshal(data, &cat); err != nil {
			t.Fatal(err)
		}
		for _, page := range []string{fmt.Sprintf("/articles/%d", id), "/queue"} {
			status, body := reviewtest.Call(t, base, http.MethodGet, page+"?lang="+lang, tr, "")
			if status != http.StatusOK {
				t.Fatalf("%s in %s: %d", page, lang, status)
			}
			for _, attr := range []string{"live-on", "live-off"} {
				want := fmt.Sprintf(`data-%s="%s"`, attr, cat["live."+strings.TrimPrefix(attr, "live-")])
				if !strings.Contains(body, want) {
					t.Errorf("%s in %s lacks %s", page, lang, want)
				}
			}
			if strings.Contains(body, `data-live-on="&#34;`) {
				t.Errorf("%s in %s: the live label is quoted", page, lang)
			}
		}
	}
}
