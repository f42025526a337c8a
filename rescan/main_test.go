package rescan

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/database"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/review"
)

// helperEnv, when set to a database URL, makes the test binary a lector
// process that works rescans and freezes on its second article, so that
// TestRescanSurvivesAKilledProcess can kill it in the middle of a job.
const helperEnv = "LECTOR_RESCAN_HELPER_URL"

func TestMain(m *testing.M) {
	if url := os.Getenv(helperEnv); url != "" {
		os.Exit(helperProcess(url))
	}
	dbtest.Main(m)
}

// helperProcess works rescans on url and, on the second article, prints
// "frozen" and blocks until it is killed.
func helperProcess(url string) int {
	ctx := context.Background()
	db, err := database.Open(ctx, database.Options{URL: url, Logger: quiet()})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	n := 0
	q, err := New(db.Gorm, db.JobsPool, Options{Logger: quiet(), PollEvery: 50 * time.Millisecond,
		beforeArticle: func(context.Context, int64) error {
			if n++; n == 2 {
				fmt.Println("frozen")
				select {}
			}
			return nil
		}})
	if err == nil {
		err = q.Start(ctx)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	select {}
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// kyiv is a glossary in which "Kiev" is a known wrong form.
func kyiv() glossary.Entry {
	return glossary.Entry{Key: "kyiv", Type: "place", Terms: []glossary.Term{
		{Lang: "en", Form: "Kyiv", Status: glossary.Preferred, CaseSensitive: true},
		{Lang: "en", Form: "Kiev", Status: glossary.Deprecated, CaseSensitive: true},
	}}
}

// articles adds n articles that name Kiev, checked with an empty glossary,
// so that they start clean.
func articles(t *testing.T, db *gorm.DB, n int) []int64 {
	t.Helper()
	var ids []int64
	for i := range n {
		a, err := review.CreateArticle(context.Background(), db, review.NewChecker(nil), review.NewArticle{
			Title: fmt.Sprintf("Article %d", i+1), Lang: "en", Text: "Kiev is a big city.\n\nIt has many parks."})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	return ids
}

// addTerm writes the kyiv entry as the glossary API does: the write and the
// rescan it asks for in one transaction.
func addTerm(t *testing.T, db *gorm.DB, q *Queue) {
	t.Helper()
	ctx := context.Background()
	err := db.Transaction(func(tx *gorm.DB) error {
		if _, err := glossary.SaveEntry(ctx, tx, 0, kyiv(), nil); err != nil {
			return err
		}
		return q.Enqueue(ctx, tx, glossary.ReasonCreate)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// waitFinished waits until the newest rescan has finished and nothing is
// queued, and returns it.
func waitFinished(t *testing.T, db *gorm.DB, within time.Duration) Rescan {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		p, err := Latest(context.Background(), db, 1)
		if err != nil {
			t.Fatal(err)
		}
		if r := p.Rescans; len(r) == 1 && r[0].Finished() && p.Queued == 0 {
			return r[0]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no finished rescan after %s: %+v", within, p)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// openFlags counts each article's open flags.
func openFlags(t *testing.T, db *gorm.DB) map[int64]int {
	t.Helper()
	var rows []struct {
		ArticleID int64
		N         int
	}
	if err := db.Raw(`SELECT s.article_id, count(f.id) AS n FROM segments s
LEFT JOIN flags f ON f.segment_id = s.id AND f.status = 'open' GROUP BY s.article_id`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[int64]int{}
	for _, r := range rows {
		out[r.ArticleID] = r.N
	}
	return out
}
