package server_test

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/review/reviewtest"
	"lector/review/testworld"
	"lector/server/servertest"
)

// Hostile values for every kind of parameter: text no field can hold,
// numbers past every integer column, sizes past every field's limit. Each is
// written raw (already escaped where it goes into a URL or a form).
var (
	// hostileText are values no text field accepts.
	hostileText = []string{"a\x00b", "a\xffb", strings.Repeat("ж", 5000)}
	// hostileNumbers are well-formed text that no integer column holds.
	hostileNumbers = []string{"2147483648", "9223372036854775808", "-1"}
	// hostileLines are values single-line fields refuse.
	hostileLines = []string{"a\r\nb"}
)

// The query parameters and form fields handlers read, and the JSON
// members their forms have (a handler ignores parameters it does not read;
// an unknown JSON member is refused before anything else, so each member
// is sent alone).

var hostileFull = flag.Bool("hostile.full", false, "TestHostileInputOnEveryRoute: every hostile value on every parameter of every route, not a rotating share")

var (
	hostileParams = []string{"q", "check", "state", "kind", "from", "to", "merged", "split", "limit", "page", "format",
		"lang", "language", "type", "status", "next", "title", "select", "dismissal", "count", "back", "approved",
		"view", "decided", "id", "topic", "empty", "submitted", "deleted", "saved", "as_approved", "offset", "per_page", "only"}
	hostileJSON = []string{"article", "comment", "ids", "lang", "next_revision", "note", "offset", "only_one",
		"over_open_flags", "partial", "reason", "revision", "segment", "skipped", "source_lang", "source_text", "text",
		"title", "key", "type", "terms", "status", "name", "selected", "flag_ids", "segment_ids"}
	hostileFields = []string{"text", "title", "lang", "source_lang", "source_text", "comment", "reason", "revision",
		"next_revision", "offset", "note", "partial", "key", "type", "terms", "status", "form", "name", "email",
		"password", "next", "article", "claim", "back", "open_flags", "flag", "flags", "segment_ids", "selected",
		"decision", "roles", "case", "source", "term_lang", "term_form", "term_status", "term_note", "term_source",
		"csrf_token", "role", "accept", "ids", "limit", "dry_run"}
)

// TestHostileInputOnEveryRoute walks Echo's route table and sends every
// route hostile path, query, form and JSON values, anonymously and as an
// administrator (who may reach every handler): no answer is a 5xx, and
// no table gains or loses a row. Ids in paths are ids that exist, so that
// reads go deep, except for writes, which get an id that does not, so that
// a request a handler rightly accepts changes nothing either.
func TestHostileInputOnEveryRoute(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every route; go test -short skips it")
	}
	w := testworld.New(t)
	a := w.Article(t, "Hostile", 3)
	admin := reviewtest.User(t, w.DB, "admin@example.org", account.RoleAdmin)
	base, e := servertest.Serve(t, w.DB, w.Checker)
	start := time.Now()
	total := rowCounts(t, w.DB)

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	token := reviewtest.Bearer(admin)
	var requests atomic.Int64
	call := func(j hostileRequest) (int, string) {
		req, err := http.NewRequest(j.method, base+j.path, strings.NewReader(j.body))
		if err != nil { // a path Go refuses to send cannot reach the server either
			return 0, ""
		}
		if j.ctype != "" {
			req.Header.Set("Content-Type", j.ctype)
		}
		if j.admin {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Errorf("%s %.200q: %v", j.method, j.path, err)
			return 0, ""
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(res.Body, 2048))
		requests.Add(1)
		if res.StatusCode >= 500 {
			t.Errorf("%s %.200q as admin %v, body %.200q: %d %.300s", j.method, j.path, j.admin, j.body, res.StatusCode, b)
		}
		return res.StatusCode, string(b)
	}
	// run sends a route's requests a few at a time: the walk is bound by
	// round trips more than by CPU.
	run := func(batch []hostileRequest) {
		jobs := make(chan hostileRequest)
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					call(j)
				}
			}()
		}
		for _, j := range batch {
			jobs <- j
		}
		close(jobs)
		wg.Wait()
	}

	var routes []string
	for _, r := range e.Routes() {
		if r.Method == "echo_route_not_found" || r.Method == http.MethodHead || r.Method == "CONNECT" || r.Method == "TRACE" {
			continue
		}
		routes = append(routes, r.Method+" "+r.Path)
	}
	sort.Strings(routes)
	routes = slices.Compact(routes)
	if len(routes) < 50 {
		t.Fatalf("only %d routes: %v", len(routes), routes)
	}
	values := slices.Concat(hostileText, hostileNumbers, hostileLines)
	jsonValues := []string{}
	for _, v := range slices.Concat(hostileText, hostileLines) {
		jsonValues = append(jsonValues, `"`+jsonRaw(v)+`"`)
	}
	jsonValues = append(jsonValues, "2147483648", "[9223372036854775808]")
	// some picks n of vs, starting at a place that moves from one route and
	// field to the next, so that the short walk still sends every value
	// somewhere; the full walk (-hostile.full) sends every one everywhere.
	turn := 0
	some := func(vs []string, n int) []string {
		if *hostileFull || n >= len(vs) {
			return vs
		}
		turn++
		out := make([]string, n)
		for i := range out {
			out[i] = vs[(turn*n+i)%len(vs)]
		}
		return out
	}
	for _, route := range routes {
		method, pattern, _ := strings.Cut(route, " ")
		write := method != http.MethodGet
		realID := fmt.Sprint(a.ID)
		if write {
			realID = "999999"
		}
		names := pathParams(pattern)
		path := fillPath(pattern, names, realID, "", "")
		var counts map[string]int64
		if write {
			counts = rowCounts(t, w.DB)
		}
		var batch []hostileRequest
		for _, admin := range []bool{false, true} {
			n := 3 // an administrator reaches every handler: most values go there
			if !admin {
				n = 1
			}
			// Path parameters: each hostile in turn, the others an id.
			for _, name := range names {
				for _, v := range some(values, n) {
					batch = append(batch, hostileRequest{admin, method, fillPath(pattern, names, realID, name, url.PathEscape(v)), "", ""})
				}
			}
			// Query parameters: every parameter a handler reads, at once.
			for _, v := range some(values, n) {
				q := url.Values{}
				for _, name := range hostileParams {
					q.Set(name, v)
				}
				batch = append(batch, hostileRequest{admin, method, path + "?" + q.Encode(), "", ""})
			}
			if !write {
				continue
			}
			// Forms: every field a handler reads, at once.
			for _, v := range some(values, n) {
				f := url.Values{}
				for _, name := range hostileFields {
					f.Set(name, v)
				}
				batch = append(batch, hostileRequest{admin, method, path, "application/x-www-form-urlencoded", f.Encode()})
			}
		}
		if write {
			// JSON: one member at a time (a form refuses a member it lacks
			// before anything else), as text and as numbers.
			for _, name := range hostileJSON {
				for _, v := range some(jsonValues, 1) {
					batch = append(batch, hostileRequest{true, method, path, "application/json", fmt.Sprintf(`{%q:%s}`, name, v)})
				}
			}
		}
		run(batch)
		if !write || claimsNext[route] {
			continue
		}
		after := rowCounts(t, w.DB)
		for table, n := range counts {
			// A failed sign-in is recorded by design: well-formed numbers
			// are e-mail addresses and passwords that do not match.
			if after[table] != n && !(route == "POST /login" && table == "public.login_attempts") {
				t.Errorf("%s: table %s had %d rows, now %d", route, table, n, after[table])
			}
		}
	}
	// Reads are not counted one by one; none may have written either.
	for table, n := range rowCounts(t, w.DB) {
		if table != "public.login_attempts" && !claimsNextTable[table] && n != total[table] {
			t.Errorf("table %s: %d rows before the walk, %d after", table, total[table], n)
		}
	}
	t.Logf("%d routes, %d requests in %v", len(routes), requests.Load(), time.Since(start).Round(time.Millisecond))
}

// claimsNext are the routes that claim the next segment for the caller:
// every parameter is an optional filter, so a request whose parameters
// they do not read (a JSON body to the page's form route) rightly claims.
// Their hostile values are held to no 5xx only.
var claimsNext = map[string]bool{"POST /queue/next": true, "POST /api/v1/queue/claim": true}

// claimsNextTable are the tables a claim writes: its audit event, and the
// overview's count of segments by state (a claim moves a segment to
// in_progress, which migration 00027's trigger records as two delta rows).
var claimsNextTable = map[string]bool{"public.audit_events": true, "public.segment_state_counts": true}

type hostileRequest struct {
	admin                     bool
	method, path, ctype, body string
}

func who(p *account.Principal) string {
	if p == nil {
		return "anonymous"
	}
	return "admin"
}

// jsonRaw writes v into a JSON string as bytes: control characters
// escaped as JSON allows, anything else (an invalid UTF-8 byte too) raw.
func jsonRaw(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func pathParams(pattern string) []string {
	var names []string
	for _, part := range strings.Split(pattern, "/") {
		if strings.HasPrefix(part, ":") {
			names = append(names, part[1:])
		} else if part == "*" {
			names = append(names, "*")
		}
	}
	return names
}

// fillPath gives every parameter of pattern the value id, and the one named
// hostile the value v.
func fillPath(pattern string, names []string, id, hostile, v string) string {
	parts := strings.Split(pattern, "/")
	for i, part := range parts {
		name := strings.TrimPrefix(part, ":")
		if part != "*" && name == part {
			continue
		}
		parts[i] = id
		if part == "*" {
			parts[i] = "app.css"
		}
		if name == hostile {
			parts[i] = v
		}
	}
	return strings.Join(parts, "/")
}

// rowCounts counts the rows of every table of the database.
func rowCounts(t *testing.T, db *gorm.DB) map[string]int64 {
	t.Helper()
	var tables []string
	if err := db.Raw(`SELECT table_schema || '.' || table_name FROM information_schema.tables
		WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`).Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	counts := map[string]int64{}
	for _, table := range tables {
		var n int64
		if err := db.Raw(`SELECT count(*) FROM ` + table).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		counts[table] = n
	}
	if len(counts) < 10 {
		t.Fatalf("only %d tables: %v", len(counts), counts)
	}
	return counts
}
