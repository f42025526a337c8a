package database

import (
	"context"
	"errors"
	"log/slog"
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

// newSQLLogger is the statement log of every connection: failed and slow
// statements, with placeholders where their parameters were, so that no
// correction, token or password hash reaches a log.
func newSQLLogger(log *slog.Logger) quietLogger {
	return newQuietLogger(logger.NewSlogLogger(log, logger.Config{
		SlowThreshold:             slowStatement,
		LogLevel:                  logger.Warn,
		IgnoreRecordNotFoundError: true,
		ParameterizedQueries:      true,
	}), slowStatement, logger.Warn)
}

func newQuietLogger(inner logger.Interface, slow time.Duration, level logger.LogLevel) quietLogger {
	return quietLogger{Interface: inner, slow: slow, level: level}
}

func (l quietLogger) LogMode(level logger.LogLevel) logger.Interface {
	return quietLogger{Interface: l.Interface.LogMode(level), slow: l.slow, level: level}
}

// ParamsFilter is the inner logger's: GORM asks the logger it holds, and
// the embedded interface hides the method, so without this the statements
// were logged with their parameters in spite of ParameterizedQueries.
func (l quietLogger) ParamsFilter(ctx context.Context, sql string, params ...any) (string, []any) {
	if f, ok := l.Interface.(gorm.ParamsFilter); ok {
		return f.ParamsFilter(ctx, sql, params...)
	}
	return sql, params
}

func (l quietLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	failed := err != nil && !errors.Is(err, gorm.ErrRecordNotFound)
	if l.level <= logger.Silent || (l.level < logger.Info && !failed && time.Since(begin) <= l.slow) {
		return
	}
	l.Interface.Trace(ctx, begin, fc, err)
}
