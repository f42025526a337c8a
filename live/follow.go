package live

import (
	"errors"
	"time"
)

// Follow calls fn after events on topic, at most once per quiet period:
// a burst of events (a glossary import) makes one call, quiet after the
// last event. It runs until the hub closes; a subscription dropped for
// lagging is renewed (and fn called, since events were lost). Run it in
// its own goroutine.
func Follow(h *Hub, topic string, quiet time.Duration, fn func()) {
	for {
		sub, err := h.Subscribe(topic)
		if errors.Is(err, ErrClosed) {
			return
		}
		if err != nil { // full: stream subscribers hold every place
			time.Sleep(quiet)
			continue
		}
		for drained := false; !drained; {
			if _, ok := <-sub.C; !ok {
				drained = true
				break
			}
			timer := time.NewTimer(quiet)
		burst:
			for {
				select {
				case _, ok := <-sub.C:
					if !ok {
						drained = true
						break burst
					}
					timer.Reset(quiet)
				case <-timer.C:
					break burst
				}
			}
			timer.Stop()
			fn()
		}
	}
}
