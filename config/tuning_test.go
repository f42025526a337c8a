package config

import (
	"strings"
	"testing"
	"time"
)

// withDefaults fills the tuning settings Bind sets when nothing overrides
// them.
func withDefaults(c Config) Config {
	if c.LogFormat == "" {
		c.LogFormat = LogText
	}
	if c.PostgresRepository == "" {
		c.PostgresRepository = DefaultPostgresRepository
	}
	if c.Pool == (Pool{}) {
		c.Pool = Pool{MaxOpenConns: 20, MaxIdleConns: 20, ConnMaxLifetime: 30 * time.Minute, ConnMaxIdleTime: 30 * time.Second,
			StatementTimeout: 15 * time.Second, LockTimeout: 3 * time.Second, AcquireTimeout: 3 * time.Second, MaxWaiting: 100, JobConns: 4}
	}
	if c.HTTP == (HTTP{}) {
		c.HTTP = HTTP{ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, ShutdownTimeout: 15 * time.Second}
	}
	if c.Jobs == (Jobs{}) {
		c.Jobs = Jobs{Timeout: 45 * time.Second, RescueAfter: time.Minute}
	}
	if c.TokenCache == 0 {
		c.TokenCache = 10 * time.Second
	}
	if c.OIDC == (OIDC{}) {
		c.OIDC.RolesClaim = DefaultRolesClaim
	}
	if c.Limits == (Limits{}) {
		c.Limits = Limits{StreamsPerAccount: 8, StreamsPerAddress: 32, PasswordHashes: 4}
	}
	if c.Webhooks.Timeout == 0 {
		c.Webhooks.Timeout = 10 * time.Second
	}
	return c
}

func TestTuning(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		check   func(c *Config) bool
		wantErr string // a part of the error; empty: no error
	}{
		{name: "defaults", check: func(c *Config) bool {
			return *c == withDefaults(Config{DataDir: "./data", Addr: DefaultAddr, BaseURL: "http://" + DefaultAddr})
		}},
		{name: "environment", env: map[string]string{"LECTOR_LOG_FORMAT": "json", "LECTOR_METRICS_ADDR": "127.0.0.1:9100",
			"LECTOR_DB_MAX_OPEN_CONNS": "40", "LECTOR_DB_MAX_IDLE_CONNS": "10", "LECTOR_DB_CONN_MAX_LIFETIME": "1h",
			"LECTOR_DB_CONN_MAX_IDLE_TIME": "0", "LECTOR_DB_STATEMENT_TIMEOUT": "30s", "LECTOR_DB_LOCK_TIMEOUT": "0",
			"LECTOR_DB_ACQUIRE_TIMEOUT": "500ms", "LECTOR_DB_MAX_WAITING": "7", "LECTOR_DB_JOB_CONNS": "2", "LECTOR_HTTP_READ_HEADER_TIMEOUT": "5s",
			"LECTOR_HTTP_READ_TIMEOUT": "0", "LECTOR_HTTP_WRITE_TIMEOUT": "1m", "LECTOR_HTTP_IDLE_TIMEOUT": "90s", "LECTOR_HTTP_SHUTDOWN_TIMEOUT": "25s"},
			check: func(c *Config) bool {
				return c.LogFormat == "json" && c.MetricsAddr == "127.0.0.1:9100" &&
					c.Pool == Pool{MaxOpenConns: 40, MaxIdleConns: 10, ConnMaxLifetime: time.Hour, StatementTimeout: 30 * time.Second,
						AcquireTimeout: 500 * time.Millisecond, MaxWaiting: 7, JobConns: 2} &&
					c.HTTP == HTTP{ReadHeaderTimeout: 5 * time.Second, WriteTimeout: time.Minute, IdleTimeout: 90 * time.Second, ShutdownTimeout: 25 * time.Second}
			}},
		{name: "flags override environment", env: map[string]string{"LECTOR_LOG_FORMAT": "json", "LECTOR_DB_MAX_OPEN_CONNS": "40"},
			args: []string{"--log-format", "text", "--db-max-open-conns", "8", "--db-max-idle-conns", "8", "--http-write-timeout", "10s"},
			check: func(c *Config) bool {
				return c.LogFormat == "text" && c.Pool.MaxOpenConns == 8 && c.HTTP.WriteTimeout == 10*time.Second
			}},
		{name: "zero acquire timeout", env: map[string]string{"LECTOR_DB_ACQUIRE_TIMEOUT": "0"}, wantErr: `LECTOR_DB_ACQUIRE_TIMEOUT "0": must be more than 0`},
		{name: "bad lock timeout", args: []string{"--db-lock-timeout", "soon"}, wantErr: "-db-lock-timeout: want a duration"},
		{name: "bad log format", env: map[string]string{"LECTOR_LOG_FORMAT": "xml"}, wantErr: `LECTOR_LOG_FORMAT "xml": want text or json`},
		{name: "bad count in environment", env: map[string]string{"LECTOR_DB_MAX_OPEN_CONNS": "many"}, wantErr: `LECTOR_DB_MAX_OPEN_CONNS "many": want a whole number from 1 to 1000`},
		{name: "zero connections", env: map[string]string{"LECTOR_DB_MAX_OPEN_CONNS": "0"}, wantErr: "LECTOR_DB_MAX_OPEN_CONNS \"0\""},
		{name: "too many connections", args: []string{"--db-max-open-conns", "5000"}, wantErr: "-db-max-open-conns: want a whole number from 1 to 1000"},
		{name: "idle follows open", args: []string{"--db-max-open-conns", "7"},
			check: func(c *Config) bool { return c.Pool.MaxOpenConns == 7 && c.Pool.MaxIdleConns == 7 }},
		{name: "more idle than open", args: []string{"--db-max-open-conns", "5", "--db-max-idle-conns", "6"}, wantErr: "LECTOR_DB_MAX_IDLE_CONNS 6: more than LECTOR_DB_MAX_OPEN_CONNS 5"},
		{name: "bad duration", env: map[string]string{"LECTOR_HTTP_READ_TIMEOUT": "10"}, wantErr: `LECTOR_HTTP_READ_TIMEOUT "10": want a duration such as 30s or 5m`},
		{name: "negative duration", args: []string{"--db-statement-timeout", "-1s"}, wantErr: "-db-statement-timeout: want a duration"},
		{name: "zero shutdown timeout", env: map[string]string{"LECTOR_HTTP_SHUTDOWN_TIMEOUT": "0s"}, wantErr: "LECTOR_HTTP_SHUTDOWN_TIMEOUT \"0s\": must be more than 0"},
		{name: "bad metrics address", env: map[string]string{"LECTOR_METRICS_ADDR": "9100"}, wantErr: `LECTOR_METRICS_ADDR "9100": want host:port`},
		{name: "job timings", env: map[string]string{"LECTOR_JOB_TIMEOUT": "2s", "LECTOR_JOB_RESCUE_AFTER": "3s"},
			check: func(c *Config) bool { return c.Jobs == Jobs{Timeout: 2 * time.Second, RescueAfter: 3 * time.Second} }},
		{name: "job timing flags override environment", env: map[string]string{"LECTOR_JOB_RESCUE_AFTER": "3s"},
			args:  []string{"--job-timeout", "5m", "--job-rescue-after", "10m"},
			check: func(c *Config) bool { return c.Jobs == Jobs{Timeout: 5 * time.Minute, RescueAfter: 10 * time.Minute} }},
		{name: "bad job timeout", env: map[string]string{"LECTOR_JOB_TIMEOUT": "soon"}, wantErr: `LECTOR_JOB_TIMEOUT "soon": want a duration such as 30s or 5m`},
		{name: "zero job timeout", env: map[string]string{"LECTOR_JOB_TIMEOUT": "0"}, wantErr: `LECTOR_JOB_TIMEOUT "0": must be more than 0`},
		{name: "job timeout too short", args: []string{"--job-timeout", "500ms"}, wantErr: "LECTOR_JOB_TIMEOUT 500ms: must be at least 1s"},
		{name: "zero rescue delay", args: []string{"--job-rescue-after", "0s"}, wantErr: "-job-rescue-after: must be more than 0"},
		{name: "rescue before the timeout", env: map[string]string{"LECTOR_JOB_TIMEOUT": "2m"},
			wantErr: "LECTOR_JOB_RESCUE_AFTER 1m0s: must be longer than LECTOR_JOB_TIMEOUT 2m0s"},
		{name: "rescue at the timeout", args: []string{"--job-timeout", "30s", "--job-rescue-after", "30s"},
			wantErr: "LECTOR_JOB_RESCUE_AFTER 30s: must be longer than LECTOR_JOB_TIMEOUT 30s"},
		{name: "token cache", env: map[string]string{"LECTOR_TOKEN_CACHE": "30s"}, check: func(c *Config) bool { return c.TokenCache == 30*time.Second }},
		{name: "token cache off", args: []string{"--token-cache", "0"}, check: func(c *Config) bool { return c.TokenCache == 0 }},
		{name: "token cache too long", env: map[string]string{"LECTOR_TOKEN_CACHE": "1h"}, wantErr: "LECTOR_TOKEN_CACHE 1h0m0s: must be 0..5m0s"},
		{name: "limits", env: map[string]string{"LECTOR_LIVE_STREAMS_PER_ACCOUNT": "2", "LECTOR_PASSWORD_HASHES": "9"},
			args: []string{"--live-streams-per-address", "5"},
			check: func(c *Config) bool {
				return c.Limits == Limits{StreamsPerAccount: 2, StreamsPerAddress: 5, PasswordHashes: 9}
			}},
		{name: "zero password hashes", env: map[string]string{"LECTOR_PASSWORD_HASHES": "0"}, wantErr: `LECTOR_PASSWORD_HASHES "0": want a whole number from 1 to 1000`},
		{name: "webhooks", env: map[string]string{"LECTOR_WEBHOOK_TIMEOUT": "3s", "LECTOR_WEBHOOK_ALLOW_PRIVATE": "true"},
			check: func(c *Config) bool { return c.Webhooks == Webhooks{Timeout: 3 * time.Second, AllowPrivate: true} }},
		{name: "webhooks by flag", env: map[string]string{"LECTOR_WEBHOOK_ALLOW_PRIVATE": "true"}, args: []string{"--webhook-allow-private=false"},
			check: func(c *Config) bool { return !c.Webhooks.AllowPrivate }},
		{name: "webhooks bad switch", env: map[string]string{"LECTOR_WEBHOOK_ALLOW_PRIVATE": "maybe"}, wantErr: `LECTOR_WEBHOOK_ALLOW_PRIVATE "maybe"`},
		{name: "metrics on the main address", args: []string{"--metrics-addr", DefaultAddr}, wantErr: "must differ from LECTOR_ADDR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := bindArgs(t, tt.env, tt.args)
			if err == nil {
				err = c.Finish()
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			case tt.check != nil && !tt.check(c):
				t.Errorf("got %+v", *c)
			}
		})
	}
}

// A Config built by hand (tests, tools) gets working defaults from Finish.
func TestTuningWithoutBind(t *testing.T) {
	c := Config{Addr: DefaultAddr, DataDir: "d", Pool: Pool{MaxOpenConns: 7}}
	if err := c.Finish(); err != nil {
		t.Fatal(err)
	}
	if c.Jobs != (Jobs{Timeout: DefaultJobTimeout, RescueAfter: DefaultJobRescueAfter}) {
		t.Errorf("jobs %+v, want the defaults", c.Jobs)
	}
	if c.Pool.MaxIdleConns != 7 || c.HTTP.ReadHeaderTimeout != DefaultReadHeaderTimeout || c.HTTP.ShutdownTimeout != DefaultShutdownTimeout || c.LogFormat != LogText {
		t.Errorf("got %+v", c)
	}
}
