package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"lector/review"
)

// httpCycle is one claim → correct → approve through the JSON API; more is
// false when the queue is empty.
func httpCycle(ctx context.Context, cfg Config, base string, article int64, i int) (more bool, steps []time.Duration, err error) {
	tr, ed := cfg.TranslatorToken(i), cfg.EditorToken(i)
	var seg review.Segment
	status, d, err := post(ctx, cfg.Client, base, tr, "/api/v1/queue/claim", map[string]any{"article": article}, &seg)
	if err != nil || status == http.StatusNoContent {
		return status != http.StatusNoContent, nil, err
	}
	steps = append(steps, d)
	var c review.Correction
	body := map[string]any{"text": seg.CurrentText + " (checked)", "revision": seg.Revision}
	if _, d, err = post(ctx, cfg.Client, base, tr, fmt.Sprintf("/api/v1/segments/%d/corrections", seg.ID), body, &c); err != nil {
		return true, steps, err
	}
	steps = append(steps, d)
	// The load's correction only appends a word, so the approved text
	// still holds the segment's findings: the editor approves over them,
	// which keeps one cycle per segment (without it the segment would go
	// back to the queue and be claimed again).
	over := map[string]any{"over_open_flags": true}
	if _, d, err = post(ctx, cfg.Client, base, ed, fmt.Sprintf("/api/v1/corrections/%d/approve", c.ID), over, nil); err != nil {
		return true, steps, err
	}
	return true, append(steps, d), nil
}

func post(ctx context.Context, client *http.Client, base, token, path string, body, out any) (int, time.Duration, error) {
	var r io.Reader = http.NoBody
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+path, r)
	if err != nil {
		return 0, 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+token)
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	d := time.Since(start)
	if err != nil {
		return 0, d, err
	}
	if res.StatusCode >= 300 {
		return res.StatusCode, d, fmt.Errorf("POST %s: %d %s", path, res.StatusCode, data)
	}
	if out != nil && res.StatusCode != http.StatusNoContent {
		err = json.Unmarshal(data, out)
	}
	return res.StatusCode, d, err
}
