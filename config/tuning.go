package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"time"
)

// Pool tunes the database connection pool of one lector process.
type Pool struct {
	MaxOpenConns     int           // connections at most (1..1000)
	MaxIdleConns     int           // kept open while idle (1..MaxOpenConns)
	ConnMaxLifetime  time.Duration // 0: connections are never replaced for age
	ConnMaxIdleTime  time.Duration // 0: idle connections are never closed for idling
	StatementTimeout time.Duration // request work: PostgreSQL's statement_timeout; 0: none
	LockTimeout      time.Duration // request work: PostgreSQL's lock_timeout; 0: none
	// AcquireTimeout bounds a request's wait for a database connection; a
	// request still waiting then is answered 503.
	AcquireTimeout time.Duration
	// MaxWaiting: requests waiting for a connection at most; more are
	// answered 503 at once.
	MaxWaiting int
	// JobConns: the background jobs' (River's) own pool, beside this one.
	JobConns int
}

// HTTP holds the HTTP server's timeouts.
type HTTP struct {
	ReadHeaderTimeout time.Duration // must be positive: slow-header clients
	ReadTimeout       time.Duration // whole request, body included; 0: none
	WriteTimeout      time.Duration // 0: none (server-sent events stay open for long)
	IdleTimeout       time.Duration // keep-alive connections between requests
	ShutdownTimeout   time.Duration // time in-flight requests get on SIGTERM
}

// Jobs tunes this process's background jobs (River's rescans).
type Jobs struct {
	// Timeout: a job runs at most this long; a longer rescan goes on in
	// slices shorter than it. At least 1s.
	Timeout time.Duration
	// RescueAfter: a job still running after this long belonged to a
	// process that died and is retried by another; longer than Timeout.
	RescueAfter time.Duration
}

// Log formats.
const (
	LogText = "text"
	LogJSON = "json"
)

// Defaults of the tuning settings; Finish fills them into a Config that was
// built without Bind (tests).
const (
	DefaultMaxOpenConns      = 20
	DefaultConnMaxLifetime   = 30 * time.Minute
	DefaultConnMaxIdleTime   = 30 * time.Second
	DefaultStatementTimeout  = 15 * time.Second
	DefaultLockTimeout       = 3 * time.Second
	DefaultAcquireTimeout    = 3 * time.Second
	DefaultMaxWaiting        = 100
	DefaultJobConns          = 4
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = 2 * time.Minute
	DefaultIdleTimeout       = 2 * time.Minute
	DefaultShutdownTimeout   = 15 * time.Second
	DefaultJobTimeout        = 45 * time.Second // rescan.JobTimeout
	DefaultJobRescueAfter    = time.Minute      // rescan.RescueAfter
	DefaultTokenCache        = 10 * time.Second
	maxTokenCache            = 5 * time.Minute
	minJobTimeout            = time.Second
	maxConnsLimit            = 1000
	maxTimeout               = 24 * time.Hour
)

// bindTuning registers the pool, timeout, log and metrics settings. A bad
// environment value is kept in c.envErr and reported by Finish, naming the
// variable; a bad flag value fails fs.Parse, naming the flag.
func bindTuning(fs *flag.FlagSet, getenv func(string) string, c *Config) {
	c.LogFormat = LogText
	// MaxIdleConns stays 0 until Finish: by default it follows MaxOpenConns.
	c.Pool = Pool{MaxOpenConns: DefaultMaxOpenConns,
		ConnMaxLifetime: DefaultConnMaxLifetime, ConnMaxIdleTime: DefaultConnMaxIdleTime,
		StatementTimeout: DefaultStatementTimeout, LockTimeout: DefaultLockTimeout,
		AcquireTimeout: DefaultAcquireTimeout, MaxWaiting: DefaultMaxWaiting, JobConns: DefaultJobConns}
	c.HTTP = HTTP{ReadHeaderTimeout: DefaultReadHeaderTimeout, ReadTimeout: DefaultReadTimeout,
		IdleTimeout: DefaultIdleTimeout, ShutdownTimeout: DefaultShutdownTimeout}
	c.Jobs = Jobs{Timeout: DefaultJobTimeout, RescueAfter: DefaultJobRescueAfter}
	c.TokenCache = DefaultTokenCache

	b := binder{fs: fs, getenv: getenv, c: c}
	b.webhooks(&c.Webhooks)
	b.str(&c.LogFormat, "log-format", "LECTOR_LOG_FORMAT", "log format: text or json")
	b.str(&c.MetricsAddr, "metrics-addr", "LECTOR_METRICS_ADDR", "listen address of the Prometheus /metrics endpoint; unset: none")
	b.count(&c.Pool.MaxOpenConns, "db-max-open-conns", "LECTOR_DB_MAX_OPEN_CONNS", "database connections at most per process")
	b.count(&c.Pool.MaxIdleConns, "db-max-idle-conns", "LECTOR_DB_MAX_IDLE_CONNS", "idle database connections kept per process (default: as many as --db-max-open-conns)")
	b.dur(&c.Pool.ConnMaxLifetime, "db-conn-max-lifetime", "LECTOR_DB_CONN_MAX_LIFETIME", "replace database connections older than this; 0: never", true)
	b.dur(&c.Pool.ConnMaxIdleTime, "db-conn-max-idle-time", "LECTOR_DB_CONN_MAX_IDLE_TIME", "close database connections idle longer than this; 0: never", true)
	b.dur(&c.Pool.StatementTimeout, "db-statement-timeout", "LECTOR_DB_STATEMENT_TIMEOUT", "cancel a request's statements running longer than this (503); 0: none", true)
	b.dur(&c.Pool.LockTimeout, "db-lock-timeout", "LECTOR_DB_LOCK_TIMEOUT", "give up a request's statement waiting longer than this for a lock (503); 0: none", true)
	b.dur(&c.Pool.AcquireTimeout, "db-acquire-timeout", "LECTOR_DB_ACQUIRE_TIMEOUT", "answer 503 to a request that waited this long for a database connection", false)
	b.count(&c.Pool.MaxWaiting, "db-max-waiting", "LECTOR_DB_MAX_WAITING", "requests waiting for a database connection at most; more are answered 503 at once")
	b.count(&c.Pool.JobConns, "db-job-conns", "LECTOR_DB_JOB_CONNS", "database connections of the background jobs' own pool")
	b.dur(&c.HTTP.ReadHeaderTimeout, "http-read-header-timeout", "LECTOR_HTTP_READ_HEADER_TIMEOUT", "time to read a request's headers", false)
	b.dur(&c.HTTP.ReadTimeout, "http-read-timeout", "LECTOR_HTTP_READ_TIMEOUT", "time to read a whole request; 0: none", true)
	b.dur(&c.HTTP.WriteTimeout, "http-write-timeout", "LECTOR_HTTP_WRITE_TIMEOUT", "time to write a response; 0: none", true)
	b.dur(&c.HTTP.IdleTimeout, "http-idle-timeout", "LECTOR_HTTP_IDLE_TIMEOUT", "keep-alive connections idle longer than this are closed", false)
	b.dur(&c.HTTP.ShutdownTimeout, "http-shutdown-timeout", "LECTOR_HTTP_SHUTDOWN_TIMEOUT", "time in-flight requests get to finish on shutdown", false)
	b.dur(&c.Jobs.Timeout, "job-timeout", "LECTOR_JOB_TIMEOUT", "a background job runs at most this long; longer rescans go on in slices", false)
	b.dur(&c.TokenCache, "token-cache", "LECTOR_TOKEN_CACHE", "trust a looked-up API token this long before asking the database again (a deleted token or disabled account keeps working this long); 0: ask every time", true)
	b.dur(&c.Jobs.RescueAfter, "job-rescue-after", "LECTOR_JOB_RESCUE_AFTER", "a job running this long belonged to a dead process and is retried; longer than --job-timeout", false)
}

// finishTuning fills defaults left zero by a Config built without Bind and
// checks the values against each other.
func (c *Config) finishTuning() error {
	if c.envErr != nil {
		return c.envErr
	}
	if c.LogFormat == "" {
		c.LogFormat = LogText
	}
	if c.LogFormat != LogText && c.LogFormat != LogJSON {
		return fmt.Errorf("LECTOR_LOG_FORMAT %q: want text or json", c.LogFormat)
	}
	if c.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			return fmt.Errorf("LECTOR_METRICS_ADDR %q: want host:port: %v", c.MetricsAddr, err)
		}
		if c.MetricsAddr == c.Addr {
			return fmt.Errorf("LECTOR_METRICS_ADDR %q: must differ from LECTOR_ADDR", c.MetricsAddr)
		}
	}
	p, h := &c.Pool, &c.HTTP
	fillDefault(&p.MaxOpenConns, DefaultMaxOpenConns)
	fillDefault(&p.MaxIdleConns, p.MaxOpenConns)
	fillDefault(&p.AcquireTimeout, DefaultAcquireTimeout)
	fillDefault(&p.MaxWaiting, DefaultMaxWaiting)
	fillDefault(&p.JobConns, DefaultJobConns)
	if p.MaxIdleConns > p.MaxOpenConns {
		return fmt.Errorf("LECTOR_DB_MAX_IDLE_CONNS %d: more than LECTOR_DB_MAX_OPEN_CONNS %d", p.MaxIdleConns, p.MaxOpenConns)
	}
	fillDefault(&h.ReadHeaderTimeout, DefaultReadHeaderTimeout)
	fillDefault(&h.IdleTimeout, DefaultIdleTimeout)
	fillDefault(&h.ShutdownTimeout, DefaultShutdownTimeout)
	return c.finishJobs()
}

// fillDefault fills a setting left unset (zero) with def: a Config built
// without Bind gets the same defaults as one from the command line.
func fillDefault[T comparable](v *T, def T) {
	var unset T
	if *v == unset {
		*v = def
	}
}

// finishJobs checks the job timings: River refuses a rescue delay shorter
// than the timeout, and one equal to it would retry live jobs that are
// only about to time out.
func (c *Config) finishJobs() error {
	j := &c.Jobs
	fillDefault(&j.Timeout, DefaultJobTimeout)
	if j.RescueAfter == 0 {
		j.RescueAfter = max(DefaultJobRescueAfter, j.Timeout+time.Second)
	}
	if j.Timeout < minJobTimeout {
		return fmt.Errorf("LECTOR_JOB_TIMEOUT %v: must be at least %v", j.Timeout, minJobTimeout)
	}
	if j.RescueAfter <= j.Timeout {
		return fmt.Errorf("LECTOR_JOB_RESCUE_AFTER %v: must be longer than LECTOR_JOB_TIMEOUT %v", j.RescueAfter, j.Timeout)
	}
	if c.TokenCache < 0 || c.TokenCache > maxTokenCache {
		return fmt.Errorf("LECTOR_TOKEN_CACHE %v: must be 0..%v", c.TokenCache, maxTokenCache)
	}
	return nil
}

// binder binds one setting to a flag and its environment variable.
type binder struct {
	fs     *flag.FlagSet
	getenv func(string) string
	c      *Config
}

func (b binder) bind(name, env, usage string, set func(string) error) {
	if v := b.getenv(env); v != "" {
		if err := set(v); err != nil {
			b.c.envErr = joinEnv(b.c.envErr, env, v, err)
		}
	}
	b.fs.Func(name, usage+" (env "+env+")", set)
}

func joinEnv(prev error, env, v string, err error) error {
	return errors.Join(prev, fmt.Errorf("%s %q: %v", env, v, err))
}

func (b binder) str(p *string, name, env, usage string) {
	b.bind(name, env, usage, func(s string) error { *p = s; return nil })
}

func (b binder) count(p *int, name, env, usage string) {
	if *p != 0 {
		usage = fmt.Sprintf("%s (default %d)", usage, *p)
	}
	b.bind(name, env, usage, func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxConnsLimit {
			return fmt.Errorf("want a whole number from 1 to %d", maxConnsLimit)
		}
		*p = n
		return nil
	})
}

// dur binds a duration; zeroOK says whether 0 (none) is allowed.
func (b binder) dur(p *time.Duration, name, env, usage string, zeroOK bool) {
	b.bind(name, env, fmt.Sprintf("%s (default %v)", usage, *p), func(s string) error {
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 || d > maxTimeout {
			return fmt.Errorf("want a duration such as 30s or 5m, from 0 to %v", maxTimeout)
		}
		if d == 0 && !zeroOK {
			return errors.New("must be more than 0")
		}
		*p = d
		return nil
	})
}

// Logger returns the process logger writing to w in the configured format:
// JSON lines for log collectors, or logfmt-like text for people.
func (c *Config) Logger(w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if c.LogFormat == LogJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
