package main

import (
	"context"
	"strings"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"lector/database/dbtest"
)

func TestArticleDelete(t *testing.T) {
	url := dbtest.NewURL(t)
	db := []string{"--database-url", url}
	file := writeFile(t, "musk.xlf", cliXLIFF)
	if code, out, stderr := lector(t, "", append([]string{"article", "import", file, "--lang", "en"}, db...)...); code != 0 {
		t.Fatalf("import: exit %d, out %q, stderr %q", code, out, stderr)
	}
	code, out, stderr := lector(t, "", append([]string{"article", "delete", "1"}, db...)...)
	if code != 0 || !strings.HasPrefix(out, "deleted article 1 ") || !strings.HasSuffix(out, ": 2 segments, 0 versions\n") {
		t.Fatalf("delete: exit %d, out %q, stderr %q", code, out, stderr)
	}
	g, err := gorm.Open(postgres.Open(url), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	sql, _ := g.DB()
	defer sql.Close()
	var left struct{ Articles, Segments, Events int }
	if err := g.WithContext(context.Background()).Raw(`SELECT (SELECT count(*) FROM articles) AS articles,
(SELECT count(*) FROM segments) AS segments,
(SELECT count(*) FROM audit_events WHERE subject_type = 'article' AND subject_id = 1 AND action = 'delete' AND actor_id IS NULL
   AND detail->>'via' = 'cli') AS events`).Scan(&left).Error; err != nil {
		t.Fatal(err)
	}
	if left.Articles != 0 || left.Segments != 0 || left.Events != 1 {
		t.Errorf("after delete: %+v; want no article, no segment, one audit event", left)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"article", "delete", "1"}, "article 1"},
		{[]string{"article", "delete", "x"}, `"x" is not an article ID`},
		{[]string{"article", "delete"}, "want one article ID"},
	} {
		code, out, stderr := lector(t, "", append(tt.args, db...)...)
		if code != 2 || out != "" || !strings.Contains(stderr, tt.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, out %q, stderr %q; want exit 2 and one line with %q", tt.args, code, out, stderr, tt.want)
		}
	}
}
