package webhook

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// TestDeliveriesRefusePrivateAddresses: without AllowPrivate a delivery
// to an address inside the network fails at connect time, whatever name
// led there; with it, the same receiver is reached.
func TestDeliveriesRefusePrivateAddresses(t *testing.T) {
	hit := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hit++ }))
	t.Cleanup(srv.Close)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	secret := "a secret of at least sixteen bytes"
	for _, url := range []string{srv.URL, "http://localhost:" + strconv.Itoa(srv.Listener.Addr().(*net.TCPAddr).Port)} {
		_, err := NewWorker(nil, quiet, Options{}).send(context.Background(), url, secret, "msg_1", []byte("{}"))
		if !errors.Is(err, errPrivate) {
			t.Errorf("%s: %v, want the private address refused", url, err)
		}
	}
	if hit != 0 {
		t.Fatalf("the receiver was reached %d times", hit)
	}
	if code, err := NewWorker(nil, quiet, Options{AllowPrivate: true}).send(context.Background(), srv.URL, secret, "msg_1", []byte("{}")); err != nil || code != 200 || hit != 1 {
		t.Errorf("allowed: %d, %v, %d hits; want 200 once", code, err, hit)
	}
}

// TestBackoffDoubles: the pause after attempt n is base × 2^(n-1), capped.
func TestBackoffDoubles(t *testing.T) {
	for _, tt := range []struct {
		attempt int
		want    string
	}{{1, "30s"}, {2, "1m0s"}, {3, "2m0s"}, {9, "2h8m0s"}, {10, "4h16m0s"}, {11, "6h0m0s"}, {40, "6h0m0s"}} {
		if got := backoff(RetryBase, tt.attempt).String(); got != tt.want {
			t.Errorf("attempt %d: %s, want %s", tt.attempt, got, tt.want)
		}
	}
}
