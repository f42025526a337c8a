package live

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"testing"
	"time"

	"lector/database/dbtest"
)

// BenchmarkApprovalNotify measures what telling other processes costs an
// approval-sized transaction (lock and update a row, append an audit event)
// run by 16 goroutines: no notification at all, a NOTIFY inside every
// transaction, and the feed's coalesced notifier (Changed after commit).
// A feed LISTENs throughout, as in a running server.
//
//	go test ./live -run '^$' -bench ApprovalNotify -benchtime 5s -count 3
func BenchmarkApprovalNotify(b *testing.B) {
	db := openDB(b, dbtest.NewURL(b))
	db.SQL.SetMaxOpenConns(20)
	db.SQL.SetMaxIdleConns(20)
	const rows = 1000
	if _, err := db.SQL.Exec(`CREATE TABLE bench_rows (id int PRIMARY KEY, n int NOT NULL);
INSERT INTO bench_rows SELECT g, 0 FROM generate_series(1, 1000) g`); err != nil {
		b.Fatal(err)
	}
	feed := startFeed(b, db, time.Hour)
	for _, mode := range []string{"none", "notify-in-tx", "coalesced"} {
		b.Run(mode, func(b *testing.B) {
			b.SetParallelism(8)
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := approval(db.SQL, rand.IntN(rows)+1, mode == "notify-in-tx"); err != nil {
						b.Error(err)
						return
					}
					if mode == "coalesced" {
						feed.Changed()
					}
				}
			})
		})
	}
}

func approval(db *sql.DB, id int, notify bool) error {
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT n FROM bench_rows WHERE id = $1 FOR UPDATE`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE bench_rows SET n = n + 1 WHERE id = $1`, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_events (subject_type, subject_id, article_id, action, from_state, to_state)
VALUES ('segment', $1, 1, 'approve', 'corrected', 'approved')`, id); err != nil {
		return err
	}
	if notify {
		if _, err := tx.ExecContext(ctx, `SELECT pg_notify($1, '')`, Channel); err != nil {
			return err
		}
	}
	return tx.Commit()
}
