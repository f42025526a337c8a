package database

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"gorm.io/driver/postgres"
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

// TestSQLLogHidesParameters: a statement carrying a token and a correction's
// text is logged with placeholders, through the logger every connection
// gets, in debug mode (which logs every statement) as when it fails.
func TestSQLLogHidesParameters(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	// DryRun renders and logs statements without a server to run them on.
	conn, err := sql.Open("pgx", "host=/nonexistent")
	if err != nil {
		t.Fatal(err)
	}
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: conn}), &gorm.Config{Logger: newSQLLogger(log), DryRun: true, DisableAutomaticPing: true})
	if err != nil {
		t.Fatal(err)
	}
	const token, text = "lector_tok_5ecret", "Илон Маск сказал"
	db.Debug().Exec("UPDATE corrections SET text = ? WHERE id = (SELECT id FROM api_tokens WHERE hash = ?)", text, token)
	db.Session(&gorm.Session{Logger: newSQLLogger(log)}).Debug().Where("text = ?", text).Find(&[]struct{ Text string }{})
	got := buf.String()
	if !strings.Contains(got, "UPDATE corrections") || !strings.Contains(got, "$1") {
		t.Fatalf("statement not logged with placeholders: %q", got)
	}
	for _, secret := range []string{token, text} {
		if strings.Contains(got, secret) {
			t.Errorf("log carries %q: %s", secret, got)
		}
	}
}
