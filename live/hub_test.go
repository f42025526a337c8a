package live

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

func ev(id int64, topics ...string) Event { return Event{ID: id, Type: "segment", Topics: topics} }

func TestHubTopics(t *testing.T) {
	h := NewHub(10)
	a, _ := h.Subscribe("article:1")
	both, _ := h.Subscribe("article:1", "queue")
	q, _ := h.Subscribe("queue")
	h.Publish(ev(1, "article:1", "queue"))
	h.Publish(ev(2, "article:2"))
	cases := []struct {
		name string
		sub  *Sub
		want []int64
	}{
		{"article only", a, []int64{1}},
		{"two topics get one copy", both, []int64{1}},
		{"queue only", q, []int64{1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []int64
			for len(c.sub.C) > 0 {
				got = append(got, (<-c.sub.C).ID)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	if h.LastID() != 2 {
		t.Errorf("LastID %d, want 2", h.LastID())
	}
}

func TestHubUnsubscribe(t *testing.T) {
	h := NewHub(10)
	s, _ := h.Subscribe("queue")
	h.Unsubscribe(s)
	h.Unsubscribe(s) // twice is harmless
	if _, open := <-s.C; open {
		t.Error("channel still open after Unsubscribe")
	}
	h.Publish(ev(1, "queue")) // must not panic on a closed channel
	if n := h.Subscribers(); n != 0 {
		t.Errorf("%d subscribers left", n)
	}
}

func TestHubLimit(t *testing.T) {
	h := NewHub(2)
	s1, _ := h.Subscribe("queue")
	h.Subscribe("queue")
	if _, err := h.Subscribe("queue"); err != ErrFull {
		t.Fatalf("third subscriber: %v, want ErrFull", err)
	}
	h.Unsubscribe(s1)
	if _, err := h.Subscribe("queue"); err != nil {
		t.Fatalf("after one left: %v", err)
	}
}

// A subscriber that stops reading is dropped; one that keeps up keeps
// receiving, and Publish never waits for the slow one.
func TestHubDropsSlowSubscriber(t *testing.T) {
	h := NewHub(10)
	slow, _ := h.Subscribe("queue")
	fast, _ := h.Subscribe("queue")
	ack := make(chan struct{})
	go func() {
		for range fast.C {
			ack <- struct{}{}
		}
		close(ack)
	}()
	total := subscriberBuffer * 3
	done := make(chan struct{})
	acked := 0
	go func() {
		defer close(done)
		for i := range total {
			h.Publish(ev(int64(i+1), "queue"))
			if _, ok := <-ack; !ok {
				return
			}
			acked++
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Publish blocked on a slow subscriber")
	}
	n := 0
	for range slow.C {
		n++
	}
	if n != subscriberBuffer {
		t.Errorf("slow subscriber got %d events before being dropped, want its buffer, %d", n, subscriberBuffer)
	}
	if acked != total {
		t.Errorf("the subscriber that kept up got %d events, want %d", acked, total)
	}
	if h.Subscribers() != 1 {
		t.Errorf("%d subscribers, want the fast one left", h.Subscribers())
	}
	if !slow.Lagged() {
		t.Error("the dropped subscriber does not say it lagged")
	}
	h.Unsubscribe(fast)
	if fast.Lagged() {
		t.Error("an unsubscribed subscriber says it lagged")
	}
	if _, ok := <-ack; ok {
		t.Error("the fast subscriber got more events than were published")
	}
}

func TestHubClose(t *testing.T) {
	h := NewHub(10)
	s, _ := h.Subscribe("queue", "review")
	h.Close()
	if _, open := <-s.C; open {
		t.Error("channel open after Close")
	}
	if _, err := h.Subscribe("queue"); err != ErrClosed {
		t.Errorf("Subscribe after Close: %v, want ErrClosed", err)
	}
	h.Unsubscribe(s)
	h.Publish(ev(1, "queue"))
}

// Many goroutines subscribe, publish, unsubscribe and close at once; run
// with -race.
func TestHubConcurrent(t *testing.T) {
	h := NewHub(1000)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for j := range 50 {
				s, err := h.Subscribe(fmt.Sprintf("article:%d", j%3), "queue")
				if err != nil {
					return // closed
				}
				select {
				case <-s.C:
				default:
				}
				h.Unsubscribe(s)
			}
		}()
		go func() {
			defer wg.Done()
			for j := range 200 {
				h.Publish(ev(int64(i*1000+j), fmt.Sprintf("article:%d", j%3)))
			}
		}()
	}
	time.Sleep(time.Millisecond)
	h.Close()
	wg.Wait()
	if n := h.Subscribers(); n != 0 {
		t.Errorf("%d subscribers after Close", n)
	}
}

func TestTopics(t *testing.T) {
	cases := []struct {
		in      []string
		ok      bool
		editors bool
	}{
		{[]string{"article:12"}, true, false},
		{[]string{"queue,article:3"}, true, false},
		{[]string{"review"}, true, true},
		{[]string{"rescan:4"}, true, false},
		{[]string{"rescan"}, true, false},
		{[]string{"article"}, false, false},
		{[]string{"article:0"}, false, false},
		{[]string{"article:012"}, false, false},
		{[]string{"article:x"}, false, false},
		{[]string{"queue:1"}, false, false},
		{[]string{"secret"}, false, false},
		{nil, false, false},
		{[]string{"queue", "review", "article:1", "article:2", "article:3"}, false, false},
	}
	for _, c := range cases {
		topics, err := parseTopics(c.in)
		if (err == nil) != c.ok {
			t.Errorf("%q: err %v, want ok %v", c.in, err, c.ok)
			continue
		}
		if c.ok && (topicRole(topics[0]) != "") != c.editors {
			t.Errorf("%q: role %q", c.in, topicRole(topics[0]))
		}
	}
}

func TestEventOf(t *testing.T) {
	art := int64(7)
	cases := []struct {
		row    auditRow
		topics string
	}{
		{auditRow{ID: 1, SubjectType: "segment", ArticleID: &art, FromState: "flagged", ToState: "in_progress"}, "[article:7 queue]"},
		{auditRow{ID: 2, SubjectType: "segment", ArticleID: &art, FromState: "in_progress", ToState: "corrected"}, "[article:7 queue review]"},
		{auditRow{ID: 3, SubjectType: "segment", ArticleID: &art, FromState: "corrected", ToState: "approved"}, "[article:7 queue review]"},
		{auditRow{ID: 7, SubjectType: "segment", ArticleID: &art, Action: "dismiss", FromState: "in_progress", ToState: "in_progress"},
			"[article:7 queue review]"},
		{auditRow{ID: 8, SubjectType: "segment", ArticleID: &art, Action: "accept_dismissal", FromState: "flagged", ToState: "flagged"},
			"[article:7 queue review]"},
		{auditRow{ID: 4, SubjectType: "article", SubjectID: 9}, "[article:9 queue articles]"},
		{auditRow{ID: 5, SubjectType: "glossary_entry", SubjectID: 9}, "[glossary]"},
		{auditRow{ID: 6, SubjectType: "user", SubjectID: 9}, "[]"},
	}
	for _, c := range cases {
		e, _ := eventOf(c.row)
		if got := fmt.Sprint(e.Topics); got != c.topics {
			t.Errorf("event %d: topics %s, want %s", c.row.ID, got, c.topics)
		}
	}
}

// Follow makes one call per burst and ends when the hub closes.
func TestFollow(t *testing.T) {
	h := NewHub(10)
	calls := make(chan struct{}, 10)
	done := make(chan struct{})
	go func() { Follow(h, TopicGlossary, 50*time.Millisecond, func() { calls <- struct{}{} }); close(done) }()
	for h.Subscribers() == 0 {
		time.Sleep(time.Millisecond)
	}
	for i := range 20 {
		h.Publish(ev(int64(i+1), TopicGlossary))
	}
	h.Publish(ev(100, TopicQueue))
	select {
	case <-calls:
	case <-time.After(5 * time.Second):
		t.Fatal("no call after a burst")
	}
	select {
	case <-calls:
		t.Error("a second call for one burst")
	case <-time.After(200 * time.Millisecond):
	}
	h.Close()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Follow still running after Close")
	}
}
