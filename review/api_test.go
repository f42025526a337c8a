package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/publish"
	"lector/review"
	"lector/review/reviewtest"
	"lector/server/servertest"
)

// serve starts the whole server on w's database.
func serve(t *testing.T, w *world) (string, *echo.Echo) { return servertest.Serve(t, w.DB, w.Checker) }

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	w := newWorld(t)
	base, e := serve(t, w)
	status, body := reviewtest.Call(t, base, http.MethodGet, "/api/v1/openapi.json", nil, "")
	if status != http.StatusOK {
		t.Fatalf("openapi.json: %d", status)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("not an OpenAPI 3 document: %v", err)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	registered := map[string]bool{}
	for _, r := range e.Routes() {
		if !strings.HasPrefix(r.Path, "/api/v1/") {
			continue
		}
		parts := strings.Split(r.Path, "/")
		for i, s := range parts {
			if strings.HasPrefix(s, ":") {
				parts[i] = "{" + s[1:] + "}"
			}
		}
		registered[r.Method+" "+strings.Join(parts, "/")] = true
	}
	if len(registered) < 15 {
		t.Fatalf("only %d API routes registered", len(registered))
	}
	for r := range registered {
		if !documented[r] {
			t.Errorf("route %s is not documented in openapi.json", r)
		}
	}
	for d := range documented {
		if !registered[d] {
			t.Errorf("openapi.json documents %s, which is not registered", d)
		}
	}
}

// fixture makes, for one matrix case, what the request acts on.
type fixture struct {
	w      *world
	t      *testing.T
	caller *account.Principal
	author *account.Principal // another translator
}

func (f fixture) article() *review.Article { return f.w.Article(f.t, "Matrix", 3) }

// leased is a segment leased to the caller when the caller may claim, else
// to another translator... or left flagged (free) when free is set.
func (f fixture) segment(free bool) *review.Segment {
	a := f.article()
	ctx := context.Background()
	if f.caller.Has(account.RoleTranslator) {
		return reviewtest.Must[*review.Segment](f.t)(review.Claim(ctx, f.w.DB, f.caller, review.QueueFilter{ArticleID: a.ID}))
	}
	if free {
		segs := reviewtest.Must[[]review.Segment](f.t)(review.SegmentList(ctx, f.w.DB, f.w.Ed1, a.ID, review.StateFlagged))
		return &segs[0]
	}
	return reviewtest.Must[*review.Segment](f.t)(review.Claim(ctx, f.w.DB, f.author, review.QueueFilter{ArticleID: a.ID}))
}

// correction is a pending correction by the caller (own) or another
// translator.
func (f fixture) correction(own bool) *review.Correction {
	a := f.article()
	ctx := context.Background()
	by := f.author
	if own && (f.caller.Has(account.RoleTranslator) || f.caller.Has(account.RoleEditor)) {
		by = f.caller
	}
	claimer := &account.Principal{UserID: by.UserID, Roles: []string{account.RoleTranslator}}
	seg := reviewtest.Must[*review.Segment](f.t)(review.Claim(ctx, f.w.DB, claimer, review.QueueFilter{ArticleID: a.ID}))
	return reviewtest.Must[*review.Correction](f.t)(review.Submit(ctx, f.w.DB, by, review.Submission{SegmentID: seg.ID,
		Text: strings.Replace(seg.MTText, "Ilon Musk", "Elon Musk", 1), Revision: seg.Revision}, nil))
}

// dismissal is a pending dismissal proposed by the caller (own, when the
// caller may propose) or by another translator.
func (f fixture) dismissal(own bool) *review.Dismissal {
	ctx := context.Background()
	by := f.author
	if own && (f.caller.Has(account.RoleTranslator) || f.caller.Has(account.RoleEditor)) {
		by = f.caller
	}
	a := f.article()
	var seg *review.Segment
	if by.Has(account.RoleTranslator) {
		seg = reviewtest.Must[*review.Segment](f.t)(review.Claim(ctx, f.w.DB, by, review.QueueFilter{ArticleID: a.ID}))
	} else {
		seg = &reviewtest.Must[[]review.Segment](f.t)(review.SegmentList(ctx, f.w.DB, f.w.Ed1, a.ID, review.StateFlagged))[0]
	}
	d := reviewtest.Must[*review.SegmentDetail](f.t)(review.GetSegment(ctx, f.w.DB, f.w.Ed1, seg.ID))
	out, _, err := review.Dismiss(ctx, f.w.DB, by, d.Segment.Flags[0].ID, "a quotation")
	if err != nil {
		f.t.Fatal(err)
	}
	return out
}

// dismissedFlag is a flag that one editor proposed to dismiss and another
// accepted.
func (f fixture) dismissedFlag() int64 {
	ctx := context.Background()
	segs := reviewtest.Must[[]review.Segment](f.t)(review.SegmentList(ctx, f.w.DB, f.w.Ed1, f.article().ID, review.StateFlagged))
	d, _, err := review.Dismiss(ctx, f.w.DB, f.w.Ed2, segs[0].Flags[0].ID, "a quotation")
	if err != nil {
		f.t.Fatal(err)
	}
	reviewtest.Must[*review.Dismissal](f.t)(review.AcceptDismissal(ctx, f.w.DB, f.w.Ed1, d.ID, review.DismissalReview{}))
	return d.FlagID
}

// TestAuthorizationMatrix calls every workflow route as every role, on the
// caller's own and on someone else's item, and checks the status.
func TestAuthorizationMatrix(t *testing.T) {
	w, base := servedWorld(t)
	admin := reviewtest.User(t, w.DB, "admin@example.org", account.RoleAdmin)
	callers := []struct {
		name string
		p    *account.Principal
	}{{"anonymous", nil}, {"translator", w.Tr1}, {"editor", w.Ed1}, {"glossary", w.Reader}, {"admin", admin}}
	type request struct{ method, path, body string }
	// onArticle and onSegment are bodiless requests to path, its %d the id
	// of the fixture's article or of its segment (held by the caller or
	// not).
	onArticle := func(method, path string) func(f fixture) request {
		return func(f fixture) request { return request{method, fmt.Sprintf(path, f.article().ID), ""} }
	}
	onSegment := func(method, path string, held bool) func(f fixture) request {
		return func(f fixture) request { return request{method, fmt.Sprintf(path, f.segment(held).ID), ""} }
	}
	cases := []struct {
		name string
		make func(f fixture) request
		want string // statuses for anonymous translator editor glossary admin
	}{
		{"openapi", func(f fixture) request { return request{"GET", "/api/v1/openapi.json", ""} }, "200 200 200 200 200"},
		{"list articles", func(f fixture) request { return request{"GET", "/api/v1/articles", ""} }, "401 200 200 200 200"},
		{"create article", func(f fixture) request {
			return request{"POST", "/api/v1/articles", `{"title":"T","lang":"en","text":"Ilon Musk spoke."}`}
		}, "401 403 201 403 201"},
		{"get article", onArticle("GET", "/api/v1/articles/%d"), "401 200 200 200 200"},
		{"delete article", onArticle("DELETE", "/api/v1/articles/%d"), "401 403 200 403 200"},
		{"segments", onArticle("GET", "/api/v1/articles/%d/segments?state=flagged"), "401 200 200 200 200"},
		{"activity", onArticle("GET", "/api/v1/articles/%d/activity"), "401 200 200 200 200"},
		{"queue", func(f fixture) request { f.article(); return request{"GET", "/api/v1/queue", ""} }, "401 200 200 200 200"},
		{"claim", func(f fixture) request {
			return request{"POST", "/api/v1/queue/claim", fmt.Sprintf(`{"article":%d}`, f.article().ID)}
		}, "401 200 403 403 200"},
		{"claim segment", func(f fixture) request {
			segs := reviewtest.Must[[]review.Segment](f.t)(review.SegmentList(context.Background(), f.w.DB, f.w.Ed1, f.article().ID, review.StateFlagged))
			return request{"POST", fmt.Sprintf("/api/v1/segments/%d/claim", segs[0].ID), ""}
		}, "401 200 403 403 200"},
		{"skip", onSegment("POST", "/api/v1/segments/%d/skip", false), "401 200 403 403 200"},
		{"segment", onSegment("GET", "/api/v1/segments/%d", true), "401 200 200 200 200"},
		{"history", onSegment("GET", "/api/v1/segments/%d/history", true), "401 200 200 200 200"},
		{"renew", onSegment("POST", "/api/v1/segments/%d/lease/renew", false), "401 200 403 403 200"},
		{"release own or other's lease", onSegment("POST", "/api/v1/segments/%d/lease/release", false), "401 200 200 403 200"},
		{"release someone else's lease", func(f fixture) request {
			a := f.article()
			s := reviewtest.Must[*review.Segment](f.t)(review.Claim(context.Background(), f.w.DB, f.author, review.QueueFilter{ArticleID: a.ID}))
			return request{"POST", fmt.Sprintf("/api/v1/segments/%d/lease/release", s.ID), ""}
		}, "401 409 200 403 200"},
		{"submit", func(f fixture) request {
			s := f.segment(true)
			return request{"POST", fmt.Sprintf("/api/v1/segments/%d/corrections", s.ID), fmt.Sprintf(`{"text":"Elon Musk spoke.","revision":%d}`, s.Revision)}
		}, "401 201 201 403 201"},
		{"dismiss", func(f fixture) request {
			s := f.segment(true)
			d := reviewtest.Must[*review.SegmentDetail](f.t)(review.GetSegment(context.Background(), f.w.DB, f.w.Ed1, s.ID))
			return request{"POST", fmt.Sprintf("/api/v1/flags/%d/dismiss", d.Segment.Flags[0].ID), `{"reason":"a quotation"}`}
		}, "401 201 201 403 201"},
		{"reopen", func(f fixture) request {
			return request{"POST", fmt.Sprintf("/api/v1/flags/%d/reopen", f.dismissedFlag()), ""}
		}, "401 403 200 403 200"},
		{"pending dismissals", func(f fixture) request {
			f.dismissal(false)
			return request{"GET", "/api/v1/dismissals?status=pending", ""}
		},
			"401 403 200 403 200"},
		{"accept other's dismissal", func(f fixture) request {
			return request{"POST", fmt.Sprintf("/api/v1/dismissals/%d/accept", f.dismissal(false).ID), ""}
		}, "401 403 200 403 200"},
		{"accept own dismissal", func(f fixture) request {
			return request{"POST", fmt.Sprintf("/api/v1/dismissals/%d/accept", f.dismissal(true).ID), `{"comment":"fine"}`}
		}, "401 403 403 403 403"},
		{"reject other's dismissal", func(f fixture) request {
			return request{"POST", fmt.Sprintf("/api/v1/dismissals/%d/reject", f.dismissal(false).ID), `{"reason":"wrong_name","comment":"no"}`}
		}, "401 403 200 403 200"},
		{"reject own dismissal", func(f fixture) request {
			return request{"POST", fmt.Sprintf("/api/v1/dismissals/%d/reject", f.dismissal(true).ID), ""}
		}, "401 403 403 403 403"},
		{"pending corrections", func(f fixture) request { f.correction(false); return request{"GET", "/api/v1/corrections", ""} }, "401 403 200 403 200"},
		{"approve other's", func(f fixture) request {
			return request{"POST", fmt.Sprintf("/api/v1/corrections/%d/approve", f.correction(false).ID), ""}
		}, "401 403 200 403 200"},
		{"approve own", func(f fixture) request {
			if f.caller == nil {
				return request{"POST", fmt.Sprintf("/api/v1/corrections/%d/approve", f.correction(false).ID), ""}
			}
			return request{"POST", fmt.Sprintf("/api/v1/corrections/%d/approve", f.correction(true).ID), ""}
		}, "401 403 403 403 403"},
		{"reject other's", func(f fixture) request {
			return request{"POST", fmt.Sprintf("/api/v1/corrections/%d/reject", f.correction(false).ID), `{"reason":"style","comment":"no"}`}
		}, "401 403 200 403 200"},
		{"reject own", func(f fixture) request {
			if f.caller == nil {
				return request{"POST", fmt.Sprintf("/api/v1/corrections/%d/reject", f.correction(false).ID), `{"reason":"style"}`}
			}
			return request{"POST", fmt.Sprintf("/api/v1/corrections/%d/reject", f.correction(true).ID), `{"reason":"style"}`}
		}, "401 403 403 403 403"},
		{"approve many other's", func(f fixture) request {
			return request{"POST", "/api/v1/corrections/approve", fmt.Sprintf(`{"ids":[%d,%d]}`, f.correction(false).ID, f.correction(false).ID)}
		}, "401 403 200 403 200"},
		{"approve many with own", func(f fixture) request {
			own := f.correction(false).ID
			if f.caller != nil {
				own = f.correction(true).ID
			}
			return request{"POST", "/api/v1/corrections/approve", fmt.Sprintf(`{"ids":[%d,%d]}`, f.correction(false).ID, own)}
		}, "401 403 403 403 403"},
		{"propagation preview", func(f fixture) request {
			c := f.correction(false)
			reviewtest.Must[*review.Approval](f.t)(review.Approve(context.Background(), f.w.DB, f.w.Checker, f.w.Ed2, c.ID, false, nil))
			return request{"GET", fmt.Sprintf("/api/v1/corrections/%d/propagation", c.ID), ""}
		}, "401 403 200 403 200"},
		{"propagate", func(f fixture) request {
			c := f.correction(false)
			reviewtest.Must[*review.Approval](f.t)(review.Approve(context.Background(), f.w.DB, f.w.Checker, f.w.Ed2, c.ID, false, nil))
			return request{"POST", fmt.Sprintf("/api/v1/corrections/%d/propagation", c.ID), `{"mode":"pending"}`}
		}, "401 403 200 403 200"},
		{"propagation", func(f fixture) request {
			c := f.correction(false)
			reviewtest.Must[*review.Approval](f.t)(review.Approve(context.Background(), f.w.DB, f.w.Checker, f.w.Ed2, c.ID, false, nil))
			job := reviewtest.Must[*review.PropagationJob](f.t)(review.StartPropagation(context.Background(), f.w.DB, f.w.Checker, nil, f.w.Ed2, c.ID,
				review.PropagationRequest{Mode: review.PropagatePending}, -1))
			return request{"GET", fmt.Sprintf("/api/v1/propagations/%d", job.ID), ""}
		}, "401 403 200 403 200"},
		{"publish", func(f fixture) request {
			return request{"POST", fmt.Sprintf("/api/v1/articles/%d/versions", f.article().ID), `{"partial":true}`}
		}, "401 403 201 403 201"},
		{"versions", onArticle("GET", "/api/v1/articles/%d/versions"), "401 200 200 200 200"},
		{"version diff", func(f fixture) request {
			a := f.article()
			v := reviewtest.Must[*review.Version](f.t)(review.Publish(context.Background(), f.w.DB, f.w.Ed1, a.ID, review.PublishOptions{}))
			return request{"GET", fmt.Sprintf("/api/v1/articles/%d/versions/0/diff/%d", a.ID, v.Number), ""}
		}, "401 200 200 200 200"},
		{"export", onArticle("GET", "/api/v1/articles/%d/export?format=xliff"), "401 200 200 200 200"},
		{"version", func(f fixture) request {
			a := f.article()
			if err := f.w.DB.Create(&review.Version{ArticleID: a.ID, Number: 1, Text: a.Text}).Error; err != nil {
				f.t.Fatal(err)
			}
			return request{"GET", fmt.Sprintf("/api/v1/articles/%d/versions/1?format=txt", a.ID), ""}
		}, "401 200 200 200 200"},
		{"merge", func(f fixture) request {
			segs := reviewtest.Must[[]review.Segment](f.t)(review.SegmentList(context.Background(), f.w.DB, f.w.Ed1, f.article().ID, ""))
			return request{"POST", fmt.Sprintf("/api/v1/segments/%d/merge", segs[0].ID), `{"revision":1,"next_revision":1}`}
		}, "401 403 200 403 200"},
		{"split", func(f fixture) request {
			segs := reviewtest.Must[[]review.Segment](f.t)(review.SegmentList(context.Background(), f.w.DB, f.w.Ed1, f.article().ID, ""))
			return request{"POST", fmt.Sprintf("/api/v1/segments/%d/split", segs[0].ID), `{"revision":1,"offset":10}`}
		}, "401 403 200 403 200"},
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		want := strings.Fields(tc.want)
		for i, caller := range callers {
			t.Run(tc.name+"/"+caller.name, func(t *testing.T) {
				req := tc.make(fixture{w: w, t: t, caller: caller.p, author: w.Tr2})
				path, _, _ := strings.Cut(req.path, "?")
				covered[req.method+" "+path] = true
				status, body := reviewtest.Call(t, base, req.method, req.path, caller.p, req.body)
				if fmt.Sprint(status) != want[i] {
					t.Errorf("%s %s as %s: %d, want %s; body %.300s", req.method, req.path, caller.name, status, want[i], body)
				}
			})
		}
	}
	// Every API route of the tables (review's and publish's) is in the matrix.
	type route struct{ Method, Path string }
	var routes []route
	for _, r := range review.APIRoutes() {
		routes = append(routes, route{r.Method, r.Path})
	}
	for _, r := range publish.APIRoutes() {
		routes = append(routes, route{r.Method, r.Path})
	}
	for _, r := range routes {
		found := false
		for k := range covered {
			method, path, _ := strings.Cut(k, " ")
			if method == r.Method && matchPath(r.Path, path) {
				found = true
			}
		}
		if !found {
			t.Errorf("route %s %s is not in the authorization matrix", r.Method, r.Path)
		}
	}
}

func matchPath(pattern, path string) bool {
	a, b := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.HasPrefix(a[i], ":") && a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAPIRequests(t *testing.T) {
	w, base, a := servedArticle(t, "Bodies", 2)
	errorOf := func(body string) (code, message string) {
		var got struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("not JSON: %s", body)
		}
		return got.Error.Code, got.Error.Message
	}
	// The claim answers with the leased segment, then 204 when none is left.
	status, body := reviewtest.Call(t, base, "POST", "/api/v1/queue/claim", w.Tr1, fmt.Sprintf(`{"article":%d}`, a.ID))
	var seg review.Segment
	if err := json.Unmarshal([]byte(body), &seg); status != 200 || err != nil || seg.State != "in_progress" || seg.Revision != 1 || len(seg.Flags) == 0 {
		t.Fatalf("claim: %d %s", status, body)
	}
	path := fmt.Sprintf("/api/v1/segments/%d/corrections", seg.ID)
	tests := []struct {
		name, body, ctype string
		status            int
		code, contains    string
	}{
		{"not json", `text=x`, "application/x-www-form-urlencoded", 415, "invalid", "JSON"},
		{"unknown field", `{"text":"x","revision":1,"approved_by":7}`, "", 400, "invalid", "approved_by"},
		{"wrong type", `{"text":"x","revision":"one"}`, "", 400, "invalid", "revision"},
		{"broken", `{"text":`, "", 400, "invalid", "JSON"},
		{"two values", `{"text":"x","revision":1} {}`, "", 400, "invalid", "more than one"},
		{"empty text", `{"text":" ","revision":1}`, "", 400, "invalid", "text"},
		{"too large", `{"text":"` + strings.Repeat("a", 70<<10) + `","revision":1}`, "", 413, "too_large", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctype := tt.ctype
			if ctype == "" {
				ctype = "application/json"
			}
			status, body := reviewtest.Call(t, base, "POST", path, w.Tr1, tt.body, "Content-Type", ctype)
			code, msg := errorOf(body)
			if status != tt.status || code != tt.code || !strings.Contains(msg, tt.contains) {
				t.Errorf("%d %s %q; want %d %s containing %q", status, code, msg, tt.status, tt.code, tt.contains)
			}
		})
	}
	// An editor's correction lands first; the translator's, on the same
	// revision, is a 409 that shows both texts.
	seg2 := reviewtest.Must[[]review.Segment](t)(review.SegmentList(context.Background(), w.DB, w.Ed1, a.ID, ""))[1]
	status, _ = reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/corrections", seg2.ID), w.Ed1, `{"text":"Elon Musk, says the editor.","revision":1}`)
	if status != 201 {
		t.Fatalf("editor's correction: %d", status)
	}
	status, body = reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/corrections", seg2.ID), w.Ed2, `{"text":"Elon Musk, says the other.","revision":1}`)
	var stale struct {
		Error   struct{ Code string }
		Current struct {
			Text     string
			Revision int
		}
		Yours struct{ Text string }
	}
	if err := json.Unmarshal([]byte(body), &stale); status != 409 || err != nil || stale.Error.Code != "conflict" ||
		stale.Current.Text != "Elon Musk, says the editor." || stale.Current.Revision != 2 || stale.Yours.Text != "Elon Musk, says the other." {
		t.Errorf("stale: %d %s", status, body)
	}
	// Approve-many failures name each id.
	var pending []review.PendingCorrection
	status, body = reviewtest.Call(t, base, "GET", "/api/v1/corrections", w.Ed1, "")
	var list struct{ Corrections []review.PendingCorrection }
	if json.Unmarshal([]byte(body), &list); status != 200 || len(list.Corrections) != 1 || len(list.Corrections[0].Diff) == 0 {
		t.Fatalf("pending: %d %s", status, body)
	}
	pending = list.Corrections
	status, body = reviewtest.Call(t, base, "POST", "/api/v1/corrections/approve", w.Ed1, fmt.Sprintf(`{"ids":[%d, 999999]}`, pending[0].ID))
	var batch struct {
		Items []struct {
			ID   int64
			Code string
		}
	}
	json.Unmarshal([]byte(body), &batch)
	ids := []string{}
	for _, it := range batch.Items {
		ids = append(ids, fmt.Sprint(it.ID, it.Code))
	}
	sort.Strings(ids)
	if status != 403 || strings.Join(ids, ",") != "999999not_found,"+fmt.Sprint(pending[0].ID)+"forbidden" && strings.Join(ids, ",") != fmt.Sprint(pending[0].ID)+"forbidden,999999not_found" {
		t.Errorf("batch: %d %s", status, body)
	}
	status, _ = reviewtest.Call(t, base, "POST", "/api/v1/queue/claim", w.Tr2, fmt.Sprintf(`{"article":%d}`, a.ID))
	if status != 204 {
		t.Errorf("claim from an empty queue: %d, want 204", status)
	}
}
