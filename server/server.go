// Package server wires Lector's HTTP side: middleware, the routes of every
// domain package, the renderer, locale choice and the one error handler. It
// holds no domain logic.
package server

import (
	"context"
	"database/sql"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/comment"
	"lector/config"
	"lector/database"
	"lector/glossary"
	"lector/live"
	"lector/metrics"
	"lector/notification"
	"lector/overview"
	"lector/publish"
	"lector/request"
	"lector/rescan"
	"lector/review"
	"lector/static"
	"lector/webhook"
)

// Deps is what the server needs from the process that runs it.
type Deps struct {
	Config *config.Config
	DB     *gorm.DB
	SQL    *sql.DB
	// Probe answers the health endpoints (database.DB); nil probes SQL.
	Probe  Probe
	Bundle *i18n.Bundle
	Logger *slog.Logger
	// Checker checks new articles. It is live: the glossary API reloads it
	// after every write, so it must be the one the review handlers use.
	Checker *review.Checker
	// Metrics, when set, times every request (see package metrics).
	Metrics *metrics.Metrics
	// Rescans, when set, is asked for a background rescan in the
	// transaction of every glossary write; nil: no rescans are asked for.
	Rescans *rescan.Queue
	// PropagateInBackgroundAbove, when positive, replaces
	// review.BackgroundAbove: propagations of more segments run on Rescans.
	PropagateInBackgroundAbove int
	// Live, when set, serves live updates (live.Path) and hears of every
	// committed change; nil serves pages without them.
	Live *live.Feed
}

// contentSecurityPolicy allows nothing but Lector's own assets: no inline
// script or style, no frames, no third parties.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// New returns the configured Echo instance, ready to Start.
func New(d Deps) (*echo.Echo, error) {
	renderer, err := newRenderer()
	if err != nil {
		return nil, err
	}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.Renderer = renderer
	var countFault func(database.Fault)
	if d.Metrics != nil {
		countFault = func(f database.Fault) { d.Metrics.Unavailable(string(f)) }
	}
	faults := newFaultLog(d.Logger, countFault)
	e.HTTPErrorHandler = errorHandler(d.Logger, d.Bundle, faults)
	// Lector listens directly; X-Forwarded-For would let any client pick the
	// address that sign-in rate limiting counts.
	e.IPExtractor = echo.ExtractIPDirect()
	setTimeouts(e.Server, d.Config.HTTP)
	e.Server.ErrorLog = slog.NewLogLogger(d.Logger.Handler(), slog.LevelWarn)

	e.Use(middleware.RequestID())
	e.Use(serverTiming)
	e.Use(requestLogger(d.Logger))
	if d.Metrics != nil {
		e.Use(d.Metrics.Middleware())
	}
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
		d.Logger.Error("panic", "err", err, "request_id", requestID(c), "stack", string(stack))
		return err
	}}))
	p := d.Config.Pool
	// Sign-in is bounded by the password-hash pool instead: a request that
	// spends most of its time hashing must not hold a database turn while
	// it does, or a flood of sign-ins starves every other page.
	e.Use(newDBGate(p.MaxOpenConns, p.MaxWaiting, p.AcquireTimeout).middleware(faults,
		"/static/", "/healthz", "/readyz", "/favicon.ico", live.Path, "/login"))
	// After the gate: a write that waits for its turn is still dropped
	// when its client leaves.
	e.Use(detachWrites)
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:         "0",
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		ReferrerPolicy:        "same-origin",
		ContentSecurityPolicy: contentSecurityPolicy,
		HSTSMaxAge:            hstsMaxAge(d.Config),
	}))
	gz, err := compress()
	if err != nil {
		return nil, err
	}
	// Compression would buffer an event stream until its minimum length.
	e.Use(skipPaths(gz, live.Path))
	e.Use(middleware.BodyLimit(maxBody))
	// Before authentication: a sign-in e-mail of megabytes or a NUL in a
	// filter is refused before it reaches a rate limiter, a log or SQL.
	e.Use(request.Guard)
	accounts := &account.Handlers{DB: d.DB, Bundle: d.Bundle, Secure: d.Config.Secure(), Tokens: account.NewTokenCache(d.Config.TokenCache),
		Hashes: account.NewHashPool(d.Config.Limits.PasswordHashes), NoPasswords: d.Config.NoLocalPasswords, Logger: d.Logger}
	if o := d.Config.OIDC; o.Enabled() {
		if accounts.OIDC, err = account.NewOIDC(account.OIDCSettings{Issuer: o.Issuer, ClientID: o.ClientID, ClientSecret: o.ClientSecret,
			RedirectURL: o.RedirectURL(d.Config.BaseURL), Name: o.Name, RolesClaim: o.RolesClaim, RoleMap: o.RoleMap}); err != nil {
			return nil, err
		}
	}
	// Authentication before locale choice: the user's saved language is one
	// of the preferences.
	e.Use(skipPaths(accounts.Authenticate(), "/static/", "/healthz", "/readyz", "/favicon.ico"))
	e.Use(localeMiddleware(d.Bundle, d.Config.Secure()))
	// The open proposals count in glossary maintainers' nav.
	e.Use(skipPaths((&glossary.Handlers{DB: d.DB}).NavCount(), "/static/", "/healthz", "/readyz", "/favicon.ico"))
	// The unread notifications count in every signed-in user's nav.
	notifications := &notification.Handlers{DB: d.DB}
	e.Use(skipPaths(notifications.NavCount(), "/static/", "/healthz", "/readyz", "/favicon.ico", live.Path))

	probe := d.Probe
	if probe == nil {
		probe = pingProbe{d.SQL}
	}
	e.GET("/healthz", healthz(probe))
	e.GET("/readyz", readyz(probe))
	e.GET("/static/*", staticHandler(), cacheStatic)
	e.GET("/favicon.ico", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })

	account.Routes(e, accounts)
	// The front page's counts are cached: counting every segment on each
	// anonymous hit was a cheap way to load the database.
	// Whoever changed something sees it on the next page; changes made by
	// other processes arrive through the live feed, or after the ttl.
	summaries := review.NewSummaryCache(review.DefaultSummaryTTL)
	e.Use(request.AfterWrites(summaries.Invalidate))
	reviewHandlers := &review.Handlers{DB: d.DB, Checker: d.Checker, BackgroundAbove: d.PropagateInBackgroundAbove,
		Summaries: summaries}
	// Webhooks: events are queued on the process's River client, in the
	// transaction of the change.
	var events *webhook.Emitter
	webhookHandlers := &webhook.Handlers{DB: d.DB, AllowPrivate: d.Config.Webhooks.AllowPrivate}
	if d.Rescans != nil { // a nil *rescan.Queue in the interface would not be nil
		reviewHandlers.Jobs = d.Rescans
		events = &webhook.Emitter{Jobs: d.Rescans}
		webhookHandlers.Jobs = d.Rescans
	}
	reviewHandlers.Events = events
	review.Routes(e, reviewHandlers)
	publish.Routes(e, &publish.Handlers{DB: d.DB, Events: events})
	webhook.Routes(e, webhookHandlers)
	glossaryHandlers := &glossary.Handlers{DB: d.DB, Logger: d.Logger}
	if d.Checker != nil { // a nil *Checker in the interface would not be nil
		glossaryHandlers.Live = d.Checker
	}
	if d.Rescans != nil {
		glossaryHandlers.Changed = func(ctx context.Context, tx *gorm.DB, reason string) error {
			if err := d.Rescans.Enqueue(ctx, tx, reason); err != nil {
				return err
			}
			return events.GlossaryChanged(ctx, tx, reason)
		}
	}
	glossary.Routes(e, glossaryHandlers)
	rescan.Routes(e, &rescan.Handlers{DB: d.DB})
	// The dashboards that count the whole database are a minute old at most.
	overview.Routes(e, &overview.Handlers{DB: d.DB, Cache: overview.NewCache(overview.DefaultCacheTTL)})
	comment.Routes(e, &comment.Handlers{DB: d.DB})
	notification.Routes(e, notifications)
	if d.Live != nil {
		e.Use(request.AfterWrites(d.Live.Changed))
		live.Routes(e, &live.Handlers{DB: d.DB, Feed: d.Live,
			Quota: live.NewQuota(d.Config.Limits.StreamsPerAccount, d.Config.Limits.StreamsPerAddress)})
		// Open streams never go idle: end them when shutdown begins.
		e.Server.RegisterOnShutdown(d.Live.Hub.Close)
		// Badges: unread counts after the segment events notifications
		// come with.
		go notification.Watch(d.DB, d.Live.Hub, 300*time.Millisecond, d.Logger)
		// Other processes' changes to articles and segments.
		go live.Follow(d.Live.Hub, live.TopicQueue, 500*time.Millisecond, summaries.Invalidate)
		// The checker is this process's copy of the glossary: rebuild it
		// when another process (or the command line) changes the glossary.
		if glossaryHandlers.Live != nil {
			go live.Follow(d.Live.Hub, live.TopicGlossary, time.Second, func() {
				glossaryHandlers.Reload(context.Background())
			})
		}
	}
	return e, nil
}

// staticHandler serves the embedded assets by name. A directory would be
// listed, so it is a page that does not exist.
func staticHandler() echo.HandlerFunc {
	files := echo.WrapHandler(http.StripPrefix("/static/", http.FileServerFS(static.FS)))
	return func(c echo.Context) error {
		name := strings.TrimPrefix(c.Request().URL.Path, "/static/")
		if info, err := fs.Stat(static.FS, path.Clean("/" + name)[1:]); name == "" || strings.HasSuffix(name, "/") || err == nil && info.IsDir() {
			return apperr.New(apperr.NotFound, "error.page_not_found", nil)
		}
		return files(c)
	}
}

// cacheStatic lets browsers keep assets for a day; they change only with a
// new build.
func cacheStatic(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "public, max-age=86400")
		return next(c)
	}
}

// skipPaths runs mw except on paths with one of prefixes: assets and
// probes need no principal, and looking one up costs queries.
func skipPaths(mw echo.MiddlewareFunc, prefixes ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		withMW := mw(next)
		return func(c echo.Context) error {
			for _, p := range prefixes {
				if strings.HasPrefix(c.Request().URL.Path, p) {
					return next(c)
				}
			}
			return withMW(c)
		}
	}
}

func hstsMaxAge(c *config.Config) int {
	if c.Secure() {
		return 31536000
	}
	return 0
}

func isAPI(c echo.Context) bool {
	return strings.HasPrefix(c.Request().URL.Path, "/api/")
}
