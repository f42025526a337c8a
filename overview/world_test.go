package overview_test

import (
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/review/reviewtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// seen is the moment the known world is seen from: a Monday noon, UTC.
func seen() time.Time { return time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC) }

// world is a small review history whose every number the dashboards show
// is counted by hand in the tests.
type world struct {
	db                 *gorm.DB
	tr1, tr2, ed1, ed2 *account.Principal
	a1, a2, a3         int64
	seg                map[string]int64 // "a1s2": article 1, position 2
	corr               map[string]int64 // "c4"
}

func exec(t *testing.T, db *gorm.DB, sql string, args ...any) int64 {
	t.Helper()
	var id int64
	if err := db.Raw(sql+" RETURNING id", args...).Scan(&id).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return id
}

// newWorld builds three articles: a1 (English from Russian) and a3 (German
// from Russian) have a source, a2 (English) has none.
//
//	a1: s0 clean; s1 flagged (Bashara Assad open, two typography open);
//	    s2 rejected (c4; Bashara Assad open); s3 corrected (c5 pending;
//	    Ilon Mask open); s4 approved (c7 long ago, then c1); s5 approved
//	    (c2; Kim Jong -in dismissed)
//	a2: s0 approved (c3; Bashara Assad resolved); s1 corrected (c6 pending
//	    by ed1, c9 superseded); s2 leased to tr1 for 5 more minutes; s3
//	    leased to tr1, lapsed a minute ago
//	a3: s0 corrected (c8 pending; Ilon Mask open)
func newWorld(t *testing.T) *world {
	t.Helper()
	db := dbtest.New(t)
	w := &world{db: db, seg: map[string]int64{}, corr: map[string]int64{}}
	w.tr1 = reviewtest.User(t, db, "tr1@example.org", account.RoleTranslator)
	w.tr2 = reviewtest.User(t, db, "tr2@example.org", account.RoleTranslator)
	w.ed1 = reviewtest.User(t, db, "ed1@example.org", account.RoleEditor)
	w.ed2 = reviewtest.User(t, db, "ed2@example.org", account.RoleEditor)
	w.a1 = exec(t, db, `INSERT INTO articles (title, lang, text, source_lang, source_text) VALUES ('First', 'en', 'x', 'ru', 'x')`)
	w.a2 = exec(t, db, `INSERT INTO articles (title, lang, text) VALUES ('Second', 'en', 'x')`)
	w.a3 = exec(t, db, `INSERT INTO articles (title, lang, text, source_lang, source_text) VALUES ('Third', 'de', 'x', 'ru', 'x')`)
	segs := []struct {
		name    string
		article int64
		pos     int
		state   string
		holder  *account.Principal
		expires time.Duration
	}{
		{"a1s0", w.a1, 0, "clean", nil, 0}, {"a1s1", w.a1, 1, "flagged", nil, 0}, {"a1s2", w.a1, 2, "rejected", nil, 0},
		{"a1s3", w.a1, 3, "corrected", nil, 0}, {"a1s4", w.a1, 4, "approved", nil, 0}, {"a1s5", w.a1, 5, "approved", nil, 0},
		{"a2s0", w.a2, 0, "approved", nil, 0}, {"a2s1", w.a2, 1, "corrected", nil, 0},
		{"a2s2", w.a2, 2, "in_progress", w.tr1, 5 * time.Minute}, {"a2s3", w.a2, 3, "in_progress", w.tr1, -time.Minute},
		{"a3s0", w.a3, 0, "corrected", nil, 0},
	}
	for _, s := range segs {
		var holder *int64
		var expires *time.Time
		if s.holder != nil {
			at := seen().Add(s.expires)
			holder, expires = &s.holder.UserID, &at
		}
		w.seg[s.name] = exec(t, db, `INSERT INTO segments (article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state, lease_holder_id, lease_expires_at)
VALUES (?, ?, 0, 0, 1, ?, ?, ?, ?, ?)`, s.article, s.pos, "MT of "+s.name, "text of "+s.name, s.state, holder, expires)
	}
	flags := []struct{ seg, kind, text, entry, status string }{
		{"a1s1", "name", "Bashara Assad", "Bashar al-Assad", "open"},
		{"a1s1", "typography", " ,", "", "open"},
		{"a1s1", "typography", "  ", "", "open"},
		{"a1s2", "name", "Bashara Assad", "Bashar al-Assad", "open"},
		{"a1s3", "name", "Ilon Mask", "Elon Musk", "open"},
		{"a1s5", "name", "Kim Jong -in", "Kim Jong-un", "dismissed"},
		{"a2s0", "name", "Bashara Assad", "Bashar al-Assad", "resolved"},
		{"a3s0", "name", "Ilon Mask", "Elon Musk", "open"},
	}
	for _, f := range flags {
		exec(t, db, `INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, entry, confidence, status)
VALUES (?, ?, 'test', 0, 1, ?, ?, 1, ?)`, w.seg[f.seg], f.kind, f.text, f.entry, f.status)
	}
	day := func(m time.Month, d, h, min, s int) time.Time { return time.Date(2026, m, d, h, min, s, 0, time.UTC) }
	corrections := []struct {
		name, seg string
		author    *account.Principal
		status    string
		created   time.Time
		reviewer  *account.Principal
		reviewed  time.Time
		reason    string
	}{
		{"c1", "a1s4", w.tr1, "approved", day(12, 7, 9, 0, 0), w.ed1, day(12, 7, 11, 0, 0), ""},
		{"c2", "a1s5", w.tr1, "approved", day(12, 5, 10, 0, 0), w.ed1, day(12, 5, 11, 0, 0), ""},
		{"c3", "a2s0", w.tr2, "approved", day(12, 1, 8, 0, 0), w.ed2, day(12, 2, 8, 0, 0), ""},
		{"c4", "a1s2", w.tr1, "rejected", day(12, 6, 10, 0, 0), w.ed2, day(12, 6, 12, 0, 0), "wrong_name"},
		{"c5", "a1s3", w.tr2, "pending", day(12, 7, 10, 0, 0), nil, time.Time{}, ""},
		{"c6", "a2s1", w.ed1, "pending", day(12, 7, 11, 0, 0), nil, time.Time{}, ""},
		{"c7", "a1s4", w.tr1, "approved", day(10, 1, 0, 0, 0), w.ed1, day(10, 3, 0, 0, 0), ""},
		{"c8", "a3s0", w.tr2, "pending", day(11, 7, 23, 59, 59), nil, time.Time{}, ""},
		{"c9", "a2s1", w.tr2, "superseded", day(11, 8, 0, 0, 0), nil, time.Time{}, ""},
	}
	for _, c := range corrections {
		var reviewer *int64
		var reviewed *time.Time
		var reason *string
		if c.reviewer != nil {
			reviewer, reviewed = &c.reviewer.UserID, &c.reviewed
		}
		if c.reason != "" {
			reason = &c.reason
		}
		w.corr[c.name] = exec(t, db, `INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text, status, reviewer_id, reviewed_at, reject_reason, review_comment, created_at)
VALUES (?, ?, 1, 'before', ?, ?, ?, ?, ?, ?, ?)`, w.seg[c.seg], c.author.UserID, fmt.Sprintf("text of %s", c.name), c.status,
			reviewer, reviewed, reason, map[bool]string{true: "Use the glossary's form"}[c.reason != ""], c.created)
	}
	return w
}
