package server_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"lector/account"
	"lector/locales"
	"lector/review"
	"lector/review/reviewtest"
)

// rawIDPattern matches a message ID left in a page: a catalog ID's first
// part (nav, error, check, ...) and a dot and a name, not inside a path or a
// longer word. Built from the English catalog, it also catches IDs built at
// run time that no catalog has (check.some-new-check).
func rawIDPattern(t *testing.T) *regexp.Regexp {
	t.Helper()
	data, err := os.ReadFile("../locales/active.en.toml")
	if err != nil {
		t.Fatal(err)
	}
	var cat map[string]any
	if err := toml.Unmarshal(data, &cat); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var heads []string
	for id := range cat {
		head, _, _ := strings.Cut(id, ".")
		if !seen[head] {
			seen[head] = true
			heads = append(heads, regexp.QuoteMeta(head))
		}
	}
	sort.Strings(heads)
	return regexp.MustCompile(`(?:^|[^A-Za-z0-9_./-])((?:` + strings.Join(heads, "|") + `)\.[a-z0-9_-]+(?:\.[a-z0-9_-]+)*)`)
}

// TestEveryPageInEveryLanguage fetches every page, as the reader who can see
// it, in every UI language, and fails on a page that shows a message ID
// instead of its text or that is not in the chosen language.
func TestEveryPageInEveryLanguage(t *testing.T) {
	base, db := startSeeded(t)
	bg := context.Background()
	tr := reviewtest.User(t, db, "translator@example.org", account.RoleTranslator)
	ed := reviewtest.User(t, db, "editor@example.org", account.RoleEditor, account.RoleGlossary, account.RoleAdmin)

	// One correction waits for the editor; one segment is held by the
	// translator, so that the review list and the correction form render.
	submitted := claim(t, db, tr, review.QueueFilter{})
	if _, err := review.Submit(bg, db, tr, review.Submission{SegmentID: submitted.ID,
		Text: strings.Replace(submitted.MTText, "Ilon Musk", "Elon Musk", 1) + " (fixed)", Revision: submitted.Revision}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := review.Publish(bg, db, ed, submitted.ArticleID, review.PublishOptions{Partial: true, Note: "i18n"}); err != nil {
		t.Fatal(err)
	}
	held := claim(t, db, tr, review.QueueFilter{})
	// An approved fix and a propagation of it, so that the occurrences and
	// the outcome pages render.
	fixer := reviewtest.User(t, db, "fixer@example.org", account.RoleEditor)
	var fixSeg review.Segment
	if err := db.Where("state = ? AND mt_text LIKE ?", review.StateFlagged, "%Ilon Musk%").Order("position").Take(&fixSeg).Error; err != nil {
		t.Fatalf("a flagged segment naming Ilon Musk: %v", err)
	}
	fix, err := review.Submit(bg, db, fixer, review.Submission{SegmentID: fixSeg.ID,
		Text: strings.ReplaceAll(fixSeg.MTText, "Ilon Musk", "Elon Musk"), Revision: fixSeg.Revision}, nil)

	if err != nil {
		t.Fatal(err)
	}
	approve(t, db, ed, fix.ID)
	occurrences, err := review.PreviewPropagationPage(bg, db, ed, fix.ID, 1, 1)
	if err != nil || len(occurrences.Occurrences) == 0 {
		t.Fatalf("no occurrence of the fix of %q: %v", fixSeg.MTText, err)
	}
	propagation, err := review.StartPropagation(bg, db, storedChecker(t, db), nil, ed, fix.ID, review.PropagationRequest{Mode: review.PropagatePending,
		Flags: []int64{occurrences.Occurrences[0].FlagID}}, -1)
	if err != nil {
		t.Fatal(err)
	}
	sessions := map[string]string{
		"translator": reviewtest.Session(t, db, tr),
		"editor":     reviewtest.Session(t, db, ed),
	}
	article := fmt.Sprint(submitted.ArticleID)
	var muskID int64
	if err := db.Raw("SELECT id FROM glossary_entries WHERE key = 'musk'").Scan(&muskID).Error; err != nil || muskID == 0 {
		t.Fatalf("the seed entry musk: %v", err)
	}
	musk := fmt.Sprint(muskID)
	pages := []struct {
		path, who string
		status    int
	}{
		{"/", "", http.StatusOK},
		{"/articles", "", http.StatusOK},
		{"/articles/" + article, "", http.StatusOK},
		{"/articles/" + article + "/activity", "editor", http.StatusOK},
		{"/login", "", http.StatusOK},
		{"/no/such/page", "", http.StatusNotFound},
		{"/articles", "editor", http.StatusOK},
		{"/queue", "translator", http.StatusOK},
		{fmt.Sprint("/segments/", held.ID), "translator", http.StatusOK},
		{fmt.Sprint("/segments/", submitted.ID), "editor", http.StatusOK},
		{"/review", "editor", http.StatusOK},
		{fmt.Sprint("/corrections/", fix.ID, "/propagation"), "editor", http.StatusOK},
		{fmt.Sprint("/propagations/", propagation.ID), "editor", http.StatusOK},
		{"/articles/" + article + "/versions", "editor", http.StatusOK},
		{"/articles/" + article + "/versions/1", "translator", http.StatusOK},
		{"/articles/" + article + "/versions/0/diff/1", "editor", http.StatusOK},
		{"/articles/" + article + "/versions/1/diff/0?view=inline", "translator", http.StatusOK},
		{"/queue", "", http.StatusOK}, // anonymous: the sign-in page or an error page, localized either way
		{"/glossary", "translator", http.StatusOK},
		{"/glossary/entries/" + musk, "translator", http.StatusOK},
		{"/glossary/new", "editor", http.StatusOK},
		{"/glossary/entries/" + musk + "/edit", "editor", http.StatusOK},
		{"/overview", "editor", http.StatusOK},
		{"/overview/articles/" + article, "editor", http.StatusOK},
		{"/overview/people", "editor", http.StatusOK},
		{"/overview/glossary", "editor", http.StatusOK},
		{"/my/rejected", "translator", http.StatusOK},
		{"/my/waiting", "translator", http.StatusOK},
		{"/my/waiting", "editor", http.StatusOK},
	}
	bundle := catalogs(t)
	rawID := rawIDPattern(t)
	for s, want := range map[string]bool{"<b>nav.articles</b>": true, `title="check.new-check"`: true, "(error.title.404)": true,
		`src="/static/review.js"`: false, "editor@example.org": false, "state-in_progress": false} {
		if rawID.MatchString(s) != want {
			t.Fatalf("the raw-ID pattern matches %q: %v, want %v", s, !want, want)
		}
	}
	for _, l := range locales.Languages() {
		articles := locales.NewTranslator(bundle, l.Tag).T("nav.articles")
		for _, p := range pages {
			t.Run(l.Tag+p.path+"/"+p.who, func(t *testing.T) {
				cookie := "lector_lang=" + l.Tag
				if p.who != "" {
					cookie += "; " + account.SessionCookie + "=" + sessions[p.who]
				}
				res, body := get(t, base+p.path, "Cookie", cookie)
				if p.path == "/queue" && p.who == "" {
					p.status = res.StatusCode // whatever an anonymous reader gets, it is checked below
				}
				if res.StatusCode != p.status {
					t.Fatalf("status %d, want %d", res.StatusCode, p.status)
				}
				if !strings.Contains(body, `<html lang="`+l.Tag+`">`) {
					t.Errorf("no <html lang=%q>", l.Tag)
				}
				if !strings.Contains(body, ">"+articles+"<") {
					t.Errorf("the navigation does not read %q", articles)
				}
				for _, m := range rawID.FindAllStringSubmatch(body, -1) {
					t.Errorf("raw message ID %q in the page", m[1])
				}
				if p.who != "" && !strings.Contains(body, "who-roles") {
					t.Errorf("not signed in as the %s", p.who)
				}
			})
		}
	}
}
