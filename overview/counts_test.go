package overview

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/pressly/goose/v3"
	"gorm.io/gorm"

	"lector/database/dbtest"
	"lector/migrations"
)

// liveCounts are the three counts made from the segments and flags
// themselves, as sorted lines. A wrong form is a name or term flag not
// dismissed, but for the source-aware checks' flags that say a name is
// missing or added (migration 00029).
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
WHERE f.kind IN ('name', 'term') AND f.status <> 'dismissed'
  AND f."check" NOT IN ('source-name-missing', 'name-not-in-source', 'source-sentence-missing', 'sentence-not-in-source')
GROUP BY 1`,
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
// triggers of migrations 00027 and 00029 must follow (single rows and
// whole statements, cascades from a segment and from an article, a changed
// language, a flag's check changed to and from a source-aware one, many
// deltas folded, counts kept by 00027's triggers and made again by 00029)
// and compares the kept counts with counts made from the rows after each
// step.
func TestKeptCounts(t *testing.T) {
	db := dbtest.New(t)
	exec := func(t *testing.T, sql string, args ...any) {
		t.Helper()
		if err := db.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	// Two articles of 20 segments, each segment with a wrong name, a
	// wrong term and a typography flag; the first has a source, and each
	// of its segments a name the translation dropped, one it added and a
	// sentence the source does not hold, none of them a wrong form.
	exec(t, `INSERT INTO articles (id, title, lang, text, source_lang, source_text) VALUES (1, 'One', 'en', 'x', 'ru', 'x'), (2, 'Two', 'de', 'x', NULL, NULL)`)
	exec(t, `INSERT INTO segments (article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state)
SELECT a, p, 0, 0, 1, 'mt', 'text', CASE WHEN p % 3 = 0 THEN 'clean' ELSE 'flagged' END FROM generate_series(1, 2) a, generate_series(0, 19) p`)
	exec(t, `INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, entry, confidence, status)
SELECT s.id, k.kind, 'test', 0, 1, k.text, k.entry, 1, 'open' FROM segments s,
(VALUES ('name', 'Ilon Mask', 'Elon Musk'), ('term', 'feedbak', 'feedback'), ('typography', '  ', '')) AS k (kind, text, entry)`)
	exec(t, `INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, entry, confidence, status)
SELECT s.id, k.kind, k.chk, 0, 1, k.text, k.entry, 1, 'open' FROM segments s,
(VALUES ('name', 'source-name-missing', 'The billionaire declined.', 'Elon Musk'), ('name', 'name-not-in-source', 'Elon Musk', 'Elon Musk'),
        ('segmentation', 'sentence-not-in-source', 'Officials said so.', '')) AS k (kind, chk, text, entry)
WHERE s.article_id = 1`)
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
		{"source flags resolved and dismissed", []string{
			`UPDATE flags SET status = 'resolved' WHERE "check" = 'source-name-missing' AND segment_id IN (SELECT id FROM segments WHERE position < 3)`,
			`UPDATE flags SET status = 'dismissed' WHERE "check" = 'name-not-in-source' AND segment_id IN (SELECT id FROM segments WHERE position < 3)`,
		}},
		{"a source flag's check changed to a wrong form's", []string{`UPDATE flags SET "check" = 'glossary-variant', status = 'open' WHERE id = (SELECT min(id) FROM flags WHERE "check" = 'name-not-in-source')`}},
		{"a wrong form's check changed to a source flag's", []string{`UPDATE flags SET "check" = 'source-name-missing' WHERE id = (SELECT max(id) FROM flags WHERE "check" = 'test' AND kind = 'name' AND status = 'open')`}},
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
		if step.name == "as inserted" && len(live) != 10 {
			t.Fatalf("as inserted: %v, want 2 states, 4 flag counts, 2 forms by 2 origins", live)
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

// TestKeptCountsMadeAgain: the source-aware checks' flags that 00027's
// triggers counted as wrong forms are no longer counted once 00029 is in,
// and its triggers then keep the counts.
func TestKeptCountsMadeAgain(t *testing.T) {
	db := dbtest.New(t)
	p, err := goose.NewProvider(goose.DialectPostgres, dbtest.SQL(t, db), migrations.FS)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := p.DownTo(ctx, 28); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO articles (id, title, lang, text, source_lang, source_text) VALUES (1, 'One', 'en', 'x', 'ru', 'x')`,
		`INSERT INTO segments (id, article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state)
VALUES (1, 1, 0, 0, 0, 1, 'mt', 'text', 'flagged')`,
		`INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, entry, confidence, status) VALUES
(1, 'name', 'glossary-variant', 0, 1, 'Ilon Mask', 'Elon Musk', 1, 'open'),
(1, 'name', 'source-name-missing', 0, 1, 'The billionaire declined.', 'Elon Musk', 1, 'open'),
(1, 'name', 'name-not-in-source', 0, 1, 'Elon Musk', 'Elon Musk', 1, 'open')`,
	} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if live, kept := liveCounts(t, db), keptCounts(t, db); reflect.DeepEqual(live, kept) {
		t.Fatalf("before 00029 the kept counts %v equal the live ones: nothing to make again", kept)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	if live, kept := liveCounts(t, db), keptCounts(t, db); !reflect.DeepEqual(live, kept) {
		t.Fatalf("after 00029: kept counts\n%v\nwant (counted)\n%v", kept, live)
	}
	if err := db.Exec(`UPDATE flags SET status = 'resolved' WHERE "check" = 'name-not-in-source'`).Error; err != nil {
		t.Fatal(err)
	}
	if live, kept := liveCounts(t, db), keptCounts(t, db); !reflect.DeepEqual(live, kept) {
		t.Fatalf("a source flag resolved: kept counts\n%v\nwant (counted)\n%v", kept, live)
	}
}
