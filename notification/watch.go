package notification

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"

	"lector/live"
)

// EventType is the type of the live event that carries a user's unread
// count (static/live.js sets the badge from it).
const EventType = "notification"

// Watch keeps badges current: every notification is written with a
// segment's audit event (a comment, a submission, an approval or a
// rejection), so after segment events it reads the notifications newer
// than the last it saw and sends each user concerned their unread count
// on their own topic (live.UserTopic). Each process reads for its own
// streams, so nothing more crosses between processes. It reads at most
// once per every, however busy the queue, and runs until the hub closes.
// Notification ids come from a sequence when the row is written, so one
// whose transaction commits after a later one's reaches the badge with the
// next page load or the user's next notification.
func Watch(db *gorm.DB, hub *live.Hub, every time.Duration, log *slog.Logger) {
	ctx := context.Background()
	var last int64
	if err := db.WithContext(ctx).Raw(`SELECT coalesce(max(id), 0) FROM notifications`).Scan(&last).Error; err != nil {
		log.Warn("notifications: start", "err", err)
	}
	for {
		sub, err := hub.Subscribe(live.TopicQueue)
		if errors.Is(err, live.ErrClosed) {
			return
		}
		if err != nil { // full: streams hold every place
			time.Sleep(every)
			continue
		}
		for open := true; open; {
			if _, open = <-sub.C; !open {
				break // lagging (renewed, nothing is lost: reads go by id) or closed
			}
			open = drainFor(sub, every)
			next, err := Announce(ctx, db, hub, last)
			if err != nil {
				log.Warn("notifications: announce", "err", err)
				continue
			}
			last = next
		}
	}
}

// drainFor takes what arrives on sub for d, so that a burst makes one read;
// false when sub closed meanwhile.
func drainFor(sub *live.Sub, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		select {
		case _, ok := <-sub.C:
			if !ok {
				return false
			}
		case <-timer.C:
			return true
		}
	}
}

// Announce publishes on hub the unread count of each user with
// notifications newer than after, and returns the newest id it saw.
func Announce(ctx context.Context, db *gorm.DB, hub *live.Hub, after int64) (int64, error) {
	var rows []struct {
		UserID int64
		Last   int64
		Unread int64
	}
	err := db.WithContext(ctx).Raw(`SELECT n.user_id, max(n.id) AS last,
       (SELECT count(*) FROM notifications x WHERE x.user_id = n.user_id AND x.read_at IS NULL) AS unread
FROM notifications n WHERE n.id > ? GROUP BY n.user_id`, after).Scan(&rows).Error
	if err != nil {
		return after, err
	}
	for _, r := range rows {
		hub.Publish(CountEvent(r.UserID, r.Unread))
		after = max(after, r.Last)
	}
	return after, nil
}

// CountEvent is the live event that tells user their unread count.
func CountEvent(user, unread int64) live.Event {
	data, _ := json.Marshal(map[string]int64{"unread": unread}) // a map of numbers always marshals
	return live.Event{Type: EventType, Topics: []string{live.UserTopic(user)}, Data: data}
}

// publishCount tells every process's streams of user their unread count
// (after marking read, which writes no audit event).
func publishCount(ctx context.Context, db *gorm.DB, user, unread int64) error {
	if err := live.Publish(ctx, db, CountEvent(user, unread)); err != nil {
		return fmt.Errorf("publishing the unread count: %w", err)
	}
	return nil
}
