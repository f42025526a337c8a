package pgfetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Limits of a download: a build's jar is some tens of MB.
const (
	maxArchive      = 512 << 20
	headerTimeout   = 30 * time.Second
	progressEvery   = 3 * time.Second
	checksumMaxSize = 1 << 10
)

// Fetch downloads build from repo and unpacks it into dest, which must not
// exist yet: the build is unpacked beside it and renamed into place when
// complete, so an interrupted fetch leaves nothing half-written at dest.
// Progress goes to log: where the build comes from, then a line every few
// seconds with the bytes received, then the total.
func Fetch(ctx context.Context, repo string, b Build, dest string, log *slog.Logger) error {
	if repo == "" {
		repo = DefaultRepository
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", parent, err)
	}
	jar, err := os.CreateTemp(parent, ".download-*.jar")
	if err != nil {
		return fmt.Errorf("creating a file for the download: %w", err)
	}
	defer os.Remove(jar.Name())
	defer jar.Close()

	url := b.URL(repo)
	client := &http.Client{Transport: transport()}
	sum, err := download(ctx, client, url, jar, b, log)
	if err != nil {
		return err
	}
	if err := verify(ctx, client, url+".sha256", sum, log); err != nil {
		return err
	}
	return unpack(jar, dest)
}

// transport is the default one (proxies from the environment included)
// with a bound on waiting for the repository's answer.
func transport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = headerTimeout
	return t
}

// download writes url's body to w and returns its SHA-256.
func download(ctx context.Context, client *http.Client, url string, w io.Writer, b Build, log *slog.Logger) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("downloading PostgreSQL: %w", err)
	}
	log.Info("downloading PostgreSQL "+b.String()+" (first start without PostgreSQL installed)", "url", url)
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("downloading %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("downloading %s: %s (no PostgreSQL %s build for this platform there?)", url, resp.Status, b)
	}
	if resp.ContentLength > maxArchive {
		return nil, fmt.Errorf("downloading %s: %d bytes, more than the %d MB a build may have", url, resp.ContentLength, maxArchive>>20)
	}
	h := sha256.New()
	p := &progress{log: log, total: resp.ContentLength, last: time.Now()}
	n, err := io.Copy(io.MultiWriter(w, h, p), io.LimitReader(resp.Body, maxArchive+1))
	if err != nil {
		return nil, fmt.Errorf("downloading %s: %w", url, err)
	}
	if n > maxArchive {
		return nil, fmt.Errorf("downloading %s: more than the %d MB a build may have", url, maxArchive>>20)
	}
	log.Info("downloaded PostgreSQL "+b.String(), "size", megabytes(n))
	return h.Sum(nil), nil
}

// progress logs how much of the download has arrived, every few seconds.
type progress struct {
	log   *slog.Logger
	total int64 // -1: unknown
	n     int64
	last  time.Time
}

func (p *progress) Write(b []byte) (int, error) {
	p.n += int64(len(b))
	if time.Since(p.last) >= progressEvery {
		p.last = time.Now()
		if p.total > 0 {
			p.log.Info(fmt.Sprintf("downloading PostgreSQL: %d%%", p.n*100/p.total), "received", megabytes(p.n), "size", megabytes(p.total))
		} else {
			p.log.Info("downloading PostgreSQL", "received", megabytes(p.n))
		}
	}
	return len(b), nil
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// verify compares sum with the repository's .sha256 file. Like
// embedded-postgres, it accepts a build that has none (mirrors may not
// carry them), saying so in the log.
func verify(ctx context.Context, client *http.Client, url string, sum []byte, log *slog.Logger) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("checking the download: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("downloading %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		log.Warn("the repository publishes no SHA-256 of the PostgreSQL build; using it unchecked", "url", url, "status", resp.Status)
		return nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, checksumMaxSize))
	if err != nil {
		return fmt.Errorf("downloading %s: %w", url, err)
	}
	fields := strings.Fields(string(body))
	if len(fields) == 0 || !strings.EqualFold(fields[0], hex.EncodeToString(sum)) {
		return fmt.Errorf("the PostgreSQL build's SHA-256 is %s, but %s says %q: download damaged or tampered with",
			hex.EncodeToString(sum), url, strings.TrimSpace(string(body)))
	}
	return nil
}
