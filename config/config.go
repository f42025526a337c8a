// Package config is Lector's one configuration struct, read once from the
// environment and the command line (contracts §2). Nothing else in Lector
// reads the environment.
package config

import (
	"flag"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"
)

// Config is everything a lector command needs to know about its setting.
type Config struct {
	DatabaseURL string // empty: start the embedded PostgreSQL
	DataDir     string // where the embedded PostgreSQL keeps its files
	Addr        string // HTTP listen address
	BaseURL     string // public URL used in links and cookies
	// PostgresRepository is the Maven repository the embedded mode
	// downloads a PostgreSQL build from when the machine has none.
	PostgresRepository string

	LogFormat   string // text or json (LECTOR_LOG_FORMAT)
	MetricsAddr string // listen address of /metrics; empty: not served
	Pool        Pool
	HTTP        HTTP
	Jobs        Jobs
	// TokenCache: how long a process trusts an API token it has looked
	// up, without asking the database again; 0: ask on every request.
	TokenCache time.Duration
	Limits     Limits
	OIDC       OIDC
	// NoLocalPasswords turns Lector's own passwords off, leaving OpenID
	// Connect alone (LECTOR_LOCAL_PASSWORDS=false). Zero: passwords on.
	NoLocalPasswords bool
	Webhooks         Webhooks

	envErr error // bad environment values, reported by Finish
}

// Defaults, as in the contract.
const (
	DefaultDataDir = "./data"
	DefaultAddr    = "127.0.0.1:8080"
	// DefaultPostgresRepository is Maven Central, where
	// github.com/fergusstrange/embedded-postgres fetches its builds.
	DefaultPostgresRepository = "https://repo1.maven.org/maven2"
)

// Bind registers the configuration flags on fs with defaults taken from the
// environment (looked up through getenv) and returns the config they fill.
// Call Finish after fs.Parse.
func Bind(fs *flag.FlagSet, getenv func(string) string) *Config {
	c := &Config{}
	fs.StringVar(&c.DatabaseURL, "database-url", getenv("DATABASE_URL"), "PostgreSQL URL; unset: embedded PostgreSQL (env DATABASE_URL)")
	fs.StringVar(&c.DataDir, "data-dir", orDefault(getenv("LECTOR_DATA_DIR"), DefaultDataDir), "embedded PostgreSQL data folder (env LECTOR_DATA_DIR)")
	fs.StringVar(&c.Addr, "addr", orDefault(getenv("LECTOR_ADDR"), DefaultAddr), "HTTP listen address (env LECTOR_ADDR)")
	fs.StringVar(&c.BaseURL, "base-url", getenv("LECTOR_BASE_URL"), "public URL used in links and cookies (env LECTOR_BASE_URL; default http://ADDR)")
	fs.StringVar(&c.PostgresRepository, "postgres-repository", orDefault(getenv("LECTOR_POSTGRES_REPOSITORY"), DefaultPostgresRepository),
		"Maven repository the embedded mode downloads PostgreSQL from when none is installed (env LECTOR_POSTGRES_REPOSITORY)")
	bindTuning(fs, getenv, c)
	bindLimits(fs, getenv, c)
	bindOIDC(fs, getenv, c)
	return c
}

// Finish fills derived values and validates the config.
func (c *Config) Finish() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("LECTOR_ADDR %q: want host:port: %v", c.Addr, err)
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Addr
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("LECTOR_BASE_URL %q: want an http or https URL", c.BaseURL)
	}
	if c.DatabaseURL != "" {
		u, err := url.Parse(c.DatabaseURL)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return fmt.Errorf("DATABASE_URL: want postgres://user:pass@host:port/db")
		}
	}
	if c.DataDir == "" {
		return fmt.Errorf("LECTOR_DATA_DIR must not be empty")
	}
	if u, err := url.Parse(c.PostgresRepository); c.PostgresRepository != "" &&
		(err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
		return fmt.Errorf("LECTOR_POSTGRES_REPOSITORY %q: want an http or https URL", c.PostgresRepository)
	}
	c.finishLimits()
	if err := c.finishOIDC(); err != nil {
		return err
	}
	return c.finishTuning()
}

// Secure reports whether Lector is served over HTTPS, so cookies are Secure.
func (c *Config) Secure() bool { return strings.HasPrefix(c.BaseURL, "https://") }

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
