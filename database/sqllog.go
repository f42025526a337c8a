package database

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// quietLogger hands GORM's slog logger only the statements it would log:
// failed ones, slow ones, and every one at Info level (db.Debug()). GORM's
// Trace renders each statement with its parameters (regular expressions
// and formatting) before it decides whether to log it: a twentieth of the
// server's CPU under the review load test, for nothing.
type quietLogger struct {
	logger.Interface
	slow  time.Duration
	level logger.LogLevel
}

func newQuietLogger(inner logger.Interface, slow time.Duration, level logger.LogLevel) quietLogger {
	return quietLogger{Interface: inner, slow: slow, level: level}
}

func (l quietLogger) LogMode(level logger.LogLevel) logger.Interface {
	return quietLogger{Interface: l.Interface.LogMode(level), slow: l.slow, level: level}
}

func (l quietLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	failed := err != nil && !errors.Is(err, gorm.ErrRecordNotFound)
	if l.level <= logger.Silent || (l.level < logger.Info && !failed && time.Since(begin) <= l.slow) {
		return
	}
	l.Interface.Trace(ctx, begin, fc, err)
}
