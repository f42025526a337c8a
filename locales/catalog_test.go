package locales

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// usedIDs finds the message IDs named literally in templates ({{T "id"}},
// {{N "id" n}}, and (T "id") as another call's argument) and in Go code (apperr.New(code, "id", ...) and the like).
func usedIDs(t *testing.T) map[string]string {
	t.Helper()
	tmplRe := regexp.MustCompile(`(?:\{\{-?\s*|\()(?:T|N)\s+"([^"]+)"`)
	goRe := regexp.MustCompile(`(?:MessageID:\s*|apperr\.New\([^,]+,\s*|\.T\(|\.N\(|\.Data\()"([a-z][a-z0-9_.-]+)"`)
	errorRe := regexp.MustCompile(`"(error\.[a-z0-9_.]+)"`)
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
		matches := re.FindAllStringSubmatch(string(data), -1)
		if re == goRe {
			// An error's ID also stands in the tables and helpers that build
			// the error ({apperr.Invalid, "error.xliff_depth"}, o.refusal(…)).
			for _, m := range errorRe.FindAllStringSubmatch(string(data), -1) {
				if !strings.HasSuffix(m[1], ".html") {
					matches = append(matches, m)
				}
			}
		}
		for _, m := range matches {
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

// runtimeIDs are the IDs templates and Go code build at run time from a
// prefix and a fixed set of names; each list copies the constants it comes
// from, so that a new name without a message (or a message for a name that
// is gone) fails TestCatalogsMatchUsedIDs.
func runtimeIDs() map[string]string {
	sets := []struct {
		prefix, where string
		names         []string
	}{
		// review.State* constants (templates/article.html lists them too).
		{"state.", "review/models.go", []string{"clean", "flagged", "in_progress", "corrected", "approved", "rejected"}},
		// account.Role* constants.
		{"role.", "account/models.go", []string{"translator", "editor", "glossary", "admin"}},
		// statuses errorHandler renders: apperr.Code.HTTPStatus, fromHTTPError, apperr.Error.Status (429).
		{"error.title.", "server/errors.go", []string{"400", "401", "403", "404", "405", "409", "413", "429", "500", "503"}},
		// glossary.Check* and review.typoCheck* constants.
		{"check.", "glossary/hit.go, review/typography.go", []string{"glossary-variant", "false-friend", "name-fuzzy",
			"space-before-hyphen", "space-after-currency", "spaced-ellipsis", "space-before-closing-quote",
			"double-space", "unpaired-quote", "unpaired-bracket", "broken-paragraph"}},
		// detect.Check* constants of the source-aware checks (issue 17).
		{"check.", "detect/crosscheck.go", []string{"source-name-missing", "name-not-in-source", "inconsistent-rendering",
			"source-sentence-missing", "sentence-not-in-source"}},
		// review.Act* constants (workflow.go, publish.go), the actions of audit events.
		{"history.", "review/workflow.go", []string{"create", "claim", "renew", "release", "expire", "submit",
			"approve", "reject", "dismiss", "propagate", "propagate_approve", "publish", "merge", "split", "rescan",
			"accept_dismissal", "reject_dismissal", "reopen"}},
		// comment.Act* constants, the audit actions of comments on a segment's history.
		{"history.", "comment/comment.go", []string{"comment", "comment_delete"}},
		// notification.Kind* constants, the notifications page.
		{"notifications.kind.", "notification/notification.go", []string{"mention", "approved", "rejected", "waiting"}},
		// review.Kind* constants, the article page's kind filter.
		{"kind.", "review/finding.go", []string{"name", "term", "typography", "segmentation"}},
		// rescan reasons: glossary.Reason* constants, and the default.
		{"rescan.reason.", "glossary/api.go, rescan/run.go", []string{"glossary", "glossary.create", "glossary.update",
			"glossary.delete", "glossary.import"}},
		// glossary.Status constants.
		{"term.", "glossary/entry.go", []string{"preferred", "admitted", "deprecated", "false-friend"}},
		// review.Flag* statuses.
		{"flag.status.", "review/models.go", []string{"open", "resolved", "dismissed"}},
		// review.RejectReasons.
		{"reason.", "review/approvals.go", []string{"wrong_name", "wrong_term", "style", "typography", "other"}},
		// glossary TermChange.Change values.
		{"import.term.", "glossary/import_plan.go", []string{"added", "removed", "changed"}},
		// glossary entry types (glossary.pageTypes).
		{"glossary.type.", "glossary/page.go", []string{"person", "place", "organization", "term"}},
		// actions of glossary entry audit events (api_store.go, import.go).
		{"glossary.action.", "glossary/page_store.go", []string{"create", "update", "delete",
			"import.create", "import.update", "import.delete"}},
		// FieldChange.Field values (glossary/import_plan.go).
		{"glossary.field.", "glossary/import_plan.go", []string{"type", "note", "status", "case_sensitive", "source"}},
		// TermChange.Change values, on the entry page.
		{"glossary.change.", "templates/glossary_entry.html", []string{"added", "removed", "changed"}},
		// glossary.Propose* kinds and Proposal* statuses (templates/proposals.html).
		{"proposals.kind.", "glossary/proposal.go", []string{"add_deprecated", "downgrade", "remove", "add_entry"}},
		{"proposals.status.", "glossary/proposal.go", []string{"open", "accepted", "rejected"}},
		{"proposals.empty.", "glossary/proposal.go", []string{"open", "accepted", "rejected"}},
		// list pages' sorts and states (review/article_list.go, queue_list.go, review_list.go).
		{"list.sort.", "review/article_list.go", []string{"newest", "oldest", "title"}},
		{"list.state.", "review/article_list.go", []string{"flagged", "corrected", "done"}},
		// the glossary and proposals lists' orders and the proposals' kind filter.
		{"glossary_list.sort.", "glossary/api_search.go", []string{"key", "updated"}},
		{"proposals_list.sort.", "glossary/proposal_list.go", []string{"evidence", "newest", "oldest"}},
		{"proposals_list.kind.", "glossary/proposal_list.go", []string{"add_deprecated", "downgrade", "remove", "add_entry"}},
		// the review page's notice after a dismissal decision (review/dismissal_pages.go).
		{"dismissals.notice.", "review/dismissal_pages.go", []string{"accepted", "rejected"}},
		// the webhooks' events and delivery statuses (templates/webhooks.html, webhook_deliveries.html).
		{"webhooks.event.", "webhook/models.go", []string{"version.published", "correction.submitted", "correction.approved",
			"correction.rejected", "glossary.changed"}},
		{"webhooks.status.", "webhook/models.go", []string{"pending", "retrying", "delivered", "failed"}},
	}
	ids := map[string]string{}
	for _, s := range sets {
		for _, n := range s.names {
			ids[s.prefix+n] = s.where
		}
	}
	return ids
}

// TestCatalogsMatchUsedIDs fails when code uses an ID missing from any
// catalog, and when a catalog holds an ID nothing uses.
func TestCatalogsMatchUsedIDs(t *testing.T) {
	used := usedIDs(t)
	if len(used) < 20 {
		t.Fatalf("found only %d message IDs in use; the scan is broken", len(used))
	}
	for id, where := range runtimeIDs() {
		used[id] = where
	}
	en := loadCatalog(t, "en")
	for _, lang := range languages() {
		c := loadCatalog(t, lang)
		for _, id := range sortedKeys(used) {
			if _, ok := c[id]; !ok {
				t.Errorf("%s uses message %q, missing from active.%s.toml", used[id], id, lang)
			}
		}
	}
	for _, id := range sortedKeys(en) {
		if _, ok := used[id]; !ok {
			t.Errorf("active.en.toml holds %q, which no template or Go file uses", id)
		}
	}
}
