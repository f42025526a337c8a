package database

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// TestQuietLogger: only failed and slow statements reach the log (and
// every statement in debug mode), and a statement that is not logged is
// never rendered.
func TestQuietLogger(t *testing.T) {
	for _, tt := range []struct {
		name     string
		debug    bool
		took     time.Duration
		err      error
		wantLog  string // a part of the line; empty: nothing logged
		rendered bool
	}{
		{name: "fast and fine", took: time.Millisecond},
		{name: "record not found", took: time.Millisecond, err: gorm.ErrRecordNotFound},
		{name: "failed", took: time.Millisecond, err: errors.New("deadlock detected"), wantLog: "deadlock detected", rendered: true},
		{name: "slow", took: time.Second, wantLog: "level=WARN", rendered: true},
		{name: "debug mode logs everything", debug: true, took: time.Millisecond, wantLog: "SELECT 1", rendered: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			inner := logger.NewSlogLogger(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})),
				logger.Config{SlowThreshold: 500 * time.Millisecond, LogLevel: logger.Warn, IgnoreRecordNotFoundError: true})
			var l logger.Interface = newQuietLogger(inner, 500*time.Millisecond, logger.Warn)
			if tt.debug {
				l = l.LogMode(logger.Info)
			}
			rendered := false
			l.Trace(context.Background(), time.Now().Add(-tt.took), func() (string, int64) {
				rendered = true
				return "SELECT 1", 1
			}, tt.err)
			if rendered != tt.rendered {
				t.Errorf("rendered %v, want %v", rendered, tt.rendered)
			}
			if got := buf.String(); (tt.wantLog == "") != (got == "") || !strings.Contains(got, tt.wantLog) {
				t.Errorf("log %q, want %q", got, tt.wantLog)
			}
		})
	}
}
