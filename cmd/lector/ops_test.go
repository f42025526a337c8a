package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"lector/database/dbtest"
)

// TestServeMetricsAndJSONLogs runs `lector serve` in-process with a metrics
// listener and JSON logs: the scrape shows the request just made under its
// route, and every log line is a JSON object.
func TestServeMetricsAndJSONLogs(t *testing.T) {
	dbURL := dbtest.NewURL(t)
	addr, metricsAddr := freeAddr(t), freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr dbtest.LockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, env{args: []string{"serve", "--addr", addr, "--metrics-addr", metricsAddr, "--log-format", "json",
			"--db-max-open-conns", "7", "--http-idle-timeout", "30s"},
			getenv: func(k string) string {
				if k == "DATABASE_URL" {
					return dbURL
				}
				return ""
			}, stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
	}()
	defer func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve exited %d: %s", code, stderr.String())
		}
		sc := bufio.NewScanner(strings.NewReader(stderr.String()))
		requests := 0
		for sc.Scan() {
			var line map[string]any
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				t.Errorf("log line is not JSON: %q", sc.Text())
				continue
			}
			if line["msg"] == "request" && line["uri"] == "/healthz" {
				requests++
			}
		}
		if requests == 0 {
			t.Errorf("no JSON request log line for /healthz in %s", stderr.String())
		}
	}()
	waitFor(t, "http://"+addr+"/healthz")
	body := waitFor(t, "http://"+metricsAddr+"/metrics")
	for _, want := range []string{`route="/healthz",status="2xx"`, `go_sql_max_open_connections{db_name="lector"} 7`, `lector_queue_segments{state="flagged"}`} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if res, err := http.Get("http://" + addr + "/metrics"); err == nil {
		res.Body.Close()
		if res.StatusCode == http.StatusOK {
			t.Error("/metrics is served on the main listener too")
		}
	}
}

// waitFor polls url until it answers 200 and returns the body.
func waitFor(t *testing.T, url string) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get(url)
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return string(b)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer: %v", url, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
