// Package browsertest starts Debian's Chromium headless for page tests
// driven by chromedp.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// candidates are where Debian and other systems put Chromium.
func candidates() []string {
	return []string{"chromium", "chromium-browser", "google-chrome", "/usr/bin/chromium"}
}

// Required reports whether a missing browser fails the test instead of
// skipping it: always under CI=true and under `make test`.
func Required() bool {
	return os.Getenv("CI") == "true" || os.Getenv("LECTOR_REQUIRE_BROWSER") == "1"
}

// New returns a chromedp context on a fresh headless Chromium, closed at
// t.Cleanup. Each test action should use a deadline; New sets a generous
// overall one.
func New(t testing.TB) context.Context {
	t.Helper()
	path := ""
	for _, c := range candidates() {
		if p, err := exec.LookPath(c); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if Required() {
			t.Fatal("no Chromium found; install it with: apt-get install -y chromium")
		}
		t.Skip("no Chromium found (install it with apt-get install -y chromium; `make test` does)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // root in CI; the pages are our own
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	// The first run starts the browser and must have no deadline, or the
	// deadline would stop the browser; later actions get one.
	if err := chromedp.Do(browserCtx); err != nil {
		cancelBrowser()
		cancelAlloc()
		t.Fatalf("starting Chromium at %s: %v", path, err)
	}
	ctx, cancelTimeout := context.WithTimeout(browserCtx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelBrowser(); cancelAlloc() })
	return ctx
}
