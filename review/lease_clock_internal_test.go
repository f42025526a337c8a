package review

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
)

// TestLeaseUsesTheDatabaseClock: whether a lease is live is judged by the
// clock read with the segment, however far this process's clock is off.
func TestLeaseUsesTheDatabaseClock(t *testing.T) {
	holder := int64(7)
	me, other := &account.Principal{UserID: 7}, &account.Principal{UserID: 8}
	appNow := time.Now()
	tests := []struct {
		name            string
		expires, dbNow  time.Time
		wantLive        bool
		wantHeld, other bool
	}{
		{"database says live, the app's clock is an hour ahead", appNow.Add(-time.Hour), appNow.Add(-time.Hour - time.Minute), true, true, true},
		{"database says lapsed, the app's clock is an hour behind", appNow.Add(time.Hour), appNow.Add(time.Hour + time.Minute), false, false, false},
		{"no database clock: the app's (a preview row)", appNow.Add(time.Minute), time.Time{}, true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expires := tt.expires
			seg := &Segment{State: StateInProgress, LeaseHolderID: &holder, LeaseExpiresAt: &expires, DBNow: tt.dbNow}
			if got := leaseLive(seg); got != tt.wantLive {
				t.Errorf("leaseLive %v, want %v", got, tt.wantLive)
			}
			if got := holds(seg, me); got != tt.wantHeld {
				t.Errorf("holds %v, want %v", got, tt.wantHeld)
			}
			if got := leasedByOther(seg, other); got != tt.other {
				t.Errorf("leasedByOther %v, want %v", got, tt.other)
			}
		})
	}
}

// TestLockedSegmentCarriesTheDatabaseClock: the workflow's steps read the
// database's clock with the segment they lock.
func TestLockedSegmentCarriesTheDatabaseClock(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	for _, q := range []string{
		`INSERT INTO articles (id, title, lang, text) VALUES (901, 'T', 'en', 'x')`,
		`INSERT INTO segments (id, article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state, revision)
		 VALUES (901, 901, 0, 0, 0, 1, 'x', 'x', 'flagged', 1)`,
	} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		seg, err := lockSegment(ctx, tx, 901)
		if err != nil {
			return err
		}
		var now time.Time
		if err := tx.Raw("SELECT now()").Row().Scan(&now); err != nil {
			return err
		}
		if !seg.DBNow.Equal(now) {
			t.Errorf("segment read at %v, the transaction's now() is %v", seg.DBNow, now)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
