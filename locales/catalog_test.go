package locales

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// usedIDs finds the message IDs named literally in templates ({{T "id"}},
// {{N "id" n}}) and in Go code (apperr.New(code, "id", ...) and the like).
func usedIDs(t *testing.T) map[string]string {
	t.Helper()
	tmplRe := regexp.MustCompile(`\{\{-?\s*(?:T|N)\s+"([^"]+)"`)
	goRe := regexp.MustCompile(`(?:MessageID:\s*|apperr\.New\([^,]+,\s*|\.T\(|\.N\(|\.Data\()"([a-z][a-z0-9_.-]+)"`)
	used := map[string]string{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "data" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		re := goRe
		switch {
		case strings.HasSuffix(path, ".html"):
			re = tmplRe
		case strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go"):
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			if !strings.HasSuffix(m[1], ".") { // a prefix completed at run time
				used[m[1]] = path
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return used
}

func TestEnglishCatalogHasEveryUsedID(t *testing.T) {
	b, err := NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	loc := i18n.NewLocalizer(b, "en")
	used := usedIDs(t)
	if len(used) < 20 {
		t.Fatalf("found only %d message IDs in use; the scan is broken", len(used))
	}
	// IDs built at run time from a fixed set of names.
	for _, s := range []string{"clean", "flagged", "in_progress", "corrected", "approved", "rejected"} {
		used["state."+s] = "templates/article.html"
	}
	for _, s := range []string{"translator", "editor", "glossary", "admin"} {
		used["role."+s] = "templates/partials/nav.html"
	}
	for _, s := range []string{"400", "401", "403", "404", "405", "409", "413", "429", "500"} {
		used["error.title."+s] = "templates/error.html"
	}
	for id, where := range used {
		if _, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: 2}); err != nil {
			t.Errorf("%s uses message %q, missing from active.en.toml: %v", where, id, err)
		}
	}
}
