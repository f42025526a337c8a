package overview

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"gorm.io/gorm"

	"lector/database/dbtest"
)

// liveCounts are the three counts as the overview made them before
// migration 00027, from the segments and flags themselves, as sorted
// lines.
func liveCounts(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var out []string
	var rows []struct {
		K string
		N int
	}
	for _, q := range []string{
		`SELECT 'state ' || state AS k, count(*) AS n FROM segments GROUP BY state`,
		`SELECT 'flag ' || kind || ' ' || status AS k, count(*) AS n FROM flags GROUP BY kind, status`,
		`SELECT 'form ' || f.text || '|' || f.entry || '|' || coalesce(a.source_lang, '') || '|' || a.lang AS k, count(*) AS n
FROM flags f JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
WHERE f.kind IN ('name', 'term') AND f.status <> 'dismissed' GROUP BY 1`,
	} {
		rows = nil
		if err := db.Raw(q).Scan(&rows).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for _, r := range rows {
			out = append(out, fmt.Sprintf("%s=%d", r.K, r.N))
		}
	}
	sort.Strings(out)
	return out
}

// keptCounts are the same from the count tables, through the functions
// the overview reads them with.
func keptCounts(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	ctx := context.Background()
	states, err := countedStates(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	kinds, err := countedFlags(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	forms, err := countedWrongForms(ctx, db, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range states {
		out = append(out, fmt.Sprintf("state %s=%d", s.State, s.N))
	}
	for _, k := range kinds {
		out = append(out, fmt.Sprintf("flag %s %s=%d", k.Kind, k.Status, k.N))
	}
	for _, f := range forms {
		out = append(out, fmt.Sprintf("form %s|%s|%s|%s=%d", f.Form, f.Entry, f.SourceLang, f.Lang, f.N))
	}
	sort.Strings(out)
	return out
}

// TestKeptCounts changes segments, flags and articles in every way the
// triggers of migration 00027 must follow (single rows and whole
// statements, cascades from a segment and from an article, a changed
// language, many deltas folded) and compares the kept counts with counts
// made from the rows after each step.
func TestKeptCounts(t *testing.T) {
	db := dbtest.New(t)
	exec := func(t *testing.T, sql string, args ...any) {
		t.Helper()
		if err := db.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	// Two articles of 20 segments, each segment with a wrong name, a
	// wrong term and a typography flag; the first has a source.
	exec(t, `INSERT INTO articles (id, title, lang, text, source_lang, source_text) VALUES (1, 'One', 'en', 'x', 'ru', 'x'), (2, 'Two', 'de', 'x', NULL, NULL)`)
	exec(t, `INSERT INTO segments (article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state)
SELECT a, p, 0, 0, 1, 'mt', 'text', CASE WHEN p % 3 = 0 THEN 'clean' ELSE 'flagged' END FROM generate_series(1, 2) a, generate_series(0, 19) p`)
	exec(t, `INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, entry, confidence, status)
SELECT s.id, k.kind, 'test', 0, 1, k.text, k.entry, 1, 'open' FROM segments s,
(VALUES ('name', 'Ilon Mask', 'Elon Musk'), ('term', 'feedbak', 'feedback'), ('typography', '  ', '')) AS k (kind, text, entry)`)
	steps := []struct {
		name string
		sql  []string
	}{
		{"as inserted", nil},
		{"one segment's state", []string{`UPDATE segments SET state = 'in_progress' WHERE article_id = 1 AND position = 1`}},
		{"many states at once", []string{`UPDATE segments SET state = 'approved' WHERE article_id = 2 AND position < 10`}},
		{"a text edit changes no count", []string{`UPDATE segments SET current_text = 'new' WHERE article_id = 1`}},
		{"flags resolved and dismissed", []string{
			`UPDATE flags SET status = 'resolved' WHERE kind = 'name' AND segment_id IN (SELECT id FROM segments WHERE position < 5)`,
			`UPDATE flags SET status = 'dismissed' WHERE kind = 'term' AND segment_id IN (SELECT id FROM segments WHERE position BETWEEN 5 AND 7)`,
		}},
		{"a dismissed flag reopened", []string{`UPDATE flags SET status = 'open' WHERE id = (SELECT min(id) FROM flags WHERE status = 'dismissed')`}},
		{"a flag's text and kind changed", []string{`UPDATE flags SET text = 'Ilon Musk', kind = 'term' WHERE id = (SELECT min(id) FROM flags WHERE kind = 'name')`}},
		{"a flag moved to the other article", []string{`UPDATE flags SET segment_id = (SELECT max(id) FROM segments) WHERE id = (SELECT min(id) FROM flags WHERE kind = 'name' AND status = 'open')`}},
		{"flags deleted, then their segment (as repairs do)", []string{
			`DELETE FROM flags WHERE segment_id = (SELECT id FROM segments WHERE article_id = 1 AND position = 2)`,
			`DELETE FROM segments WHERE article_id = 1 AND position = 2`,
		}},
		{"a segment deleted with its flags (cascade)", []string{`DELETE FROM segments WHERE article_id = 1 AND position = 4`}},
		{"the article's languages changed", []string{`UPDATE articles SET lang = 'uk', source_lang = NULL, source_text = NULL WHERE id = 1`}},
		{"many deltas, folded", []string{`DO $$ BEGIN FOR i IN 1..200 LOOP
    UPDATE segments SET state = CASE WHEN i % 2 = 0 THEN 'flagged' ELSE 'corrected' END WHERE article_id = 2 AND position >= 10;
    UPDATE flags SET status = CASE WHEN i % 2 = 0 THEN 'open' ELSE 'dismissed' END WHERE kind = 'name' AND segment_id IN (SELECT id FROM segments WHERE article_id = 2 AND position >= 15);
END LOOP; END $$`}},
		{"an article deleted (cascade)", []string{`DELETE FROM articles WHERE id = 1`}},
		{"the other article deleted as Lector does", []string{
			`DELETE FROM flags f USING segments s WHERE f.segment_id = s.id AND s.article_id = 2`,
			`DELETE FROM segments WHERE article_id = 2`,
			`DELETE FROM articles WHERE id = 2`,
		}},
	}
	for _, step := range steps {
		for _, q := range step.sql {
			exec(t, q)
		}
		live, kept := liveCounts(t, db), keptCounts(t, db)
		if !reflect.DeepEqual(live, kept) {
			t.Fatalf("%s: kept counts\n%v\nwant (counted)\n%v", step.name, kept, live)
		}
		if step.name == "as inserted" && len(live) != 9 {
			t.Fatalf("as inserted: %v, want 2 states, 3 flag counts, 2 forms by 2 origins", live)
		}
	}
	var rows int
	if err := db.Raw(`SELECT (SELECT count(*) FROM segment_state_counts) + (SELECT count(*) FROM flag_counts) + (SELECT count(*) FROM wrong_form_counts)`).
		Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if rows > 3*foldSlack {
		t.Errorf("%d delta rows left after the reads, want them folded", rows)
	}
}
