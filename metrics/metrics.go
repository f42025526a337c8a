// Package metrics is Lector's Prometheus instrumentation: request latency by
// route, requests in flight, the review queue's depth, background jobs, the
// database pool and the Go runtime, on a registry of its own (one per
// server, no global default registry).
package metrics

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// DefaultCacheFor is how long queue and job counts are reused between
// scrapes: several Prometheus servers, or a short scrape interval, then cost
// one query per period, not one per scrape.
const DefaultCacheFor = 5 * time.Second

// Options configure New.
type Options struct {
	SQL      *sql.DB      // the pool the server uses: its stats and the count queries
	Logger   *slog.Logger // failed count queries are logged here
	CacheFor time.Duration
}

// Metrics holds one server's registry and its HTTP instruments.
type Metrics struct {
	Registry *prometheus.Registry
	log      *slog.Logger
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
	refused  *prometheus.CounterVec
}

// New builds the registry with every Lector collector on it.
func New(o Options) *Metrics {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.CacheFor == 0 {
		o.CacheFor = DefaultCacheFor
	}
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		log:      o.Logger,
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "lector_http_request_duration_seconds",
			Help:    "Time to answer HTTP requests, by route pattern, method and status class.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route", "method", "status"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "lector_http_requests_in_flight",
			Help: "HTTP requests being answered now (open event streams included).",
		}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lector_unavailable_total",
			Help: "Requests answered 503 because the database was down, saturated, too slow or unable to write, by fault.",
		}, []string{"fault"}),
	}
	m.Registry.MustRegister(m.duration, m.inFlight, m.refused,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if o.SQL != nil {
		m.Registry.MustRegister(collectors.NewDBStatsCollector(o.SQL, "lector"),
			newCounts(o.SQL, o.CacheFor, o.Logger))
	}
	return m
}

// Unavailable counts one request refused for a database fault (a
// database.Fault: connection, busy, timeout, lock, read_only, disk_full,
// storage).
func (m *Metrics) Unavailable(fault string) { m.refused.WithLabelValues(fault).Inc() }

// Handler serves the registry in the Prometheus text format. A collector
// that fails leaves its metrics out; the rest are still served.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{
		ErrorLog:      slog.NewLogLogger(m.log.Handler(), slog.LevelWarn),
		ErrorHandling: promhttp.ContinueOnError,
		Registry:      m.Registry, // promhttp_metric_handler_errors_total
	})
}

// Serve listens on addr and serves GET /metrics there until stop is called.
// It listens before returning, so a taken port is an error at start-up.
func (m *Metrics) Serve(addr string) (stop func(context.Context) error, err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: time.Minute,
		ErrorLog: slog.NewLogLogger(m.log.Handler(), slog.LevelWarn)}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.log.Error("metrics listener", "err", err)
		}
	}()
	return srv.Shutdown, nil
}
