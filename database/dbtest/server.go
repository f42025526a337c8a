package dbtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"lector/database"
	"lector/database/internal/pgcluster"
)

// The one server of this test process. A package-level variable is the only
// way to share it: it must outlive single tests, be started lazily by the
// first test that needs it (many test binaries never do), and be found again
// by Main to stop it. sync.Once makes concurrent first calls from parallel
// tests start it once.
var (
	once      sync.Once
	theServer *server
	setupErr  error
)

type server struct {
	adminURL string
	admin    *sql.DB
	template string
	version  int                // server_version_num
	cluster  *pgcluster.Cluster // nil with TEST_DATABASE_URL
	dir      string             // the throwaway cluster's folder
}

func shared() (*server, error) {
	once.Do(func() { theServer, setupErr = setup() })
	return theServer, setupErr
}

func setup() (*server, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s := &server{template: "lector_template"}
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		s.adminURL = u
		// Test binaries of several packages may share the server at once.
		s.template = fmt.Sprintf("lector_template_%d_%d", os.Getpid(), time.Now().UnixNano()%1_000_000)
	} else {
		removeStaleDirs()
		dir, err := os.MkdirTemp("", fmt.Sprintf("lector-dbtest-%d-", os.Getpid()))
		if err != nil {
			return nil, err
		}
		s.dir = dir
		// MkdirTemp makes 0700; a root test run hands the server to the
		// postgres account, which must be able to enter.
		if err := os.Chmod(dir, 0o755); err != nil {
			return nil, errors.Join(err, s.close())
		}
		s.cluster, err = pgcluster.Start(ctx, pgcluster.Config{
			DataDir: dir,
			NoSync:  true,
			// Durability traded for speed: a crash loses only a throwaway
			// cluster. Parallel tests each hold a 5-connection pool.
			Settings: []string{"fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=300"},
			Logger:   slog.New(slog.DiscardHandler),
		})
		if err != nil {
			return nil, errors.Join(fmt.Errorf("starting the test cluster: %w", err), s.close())
		}
		s.adminURL = s.cluster.URL
	}
	if err := s.prepare(ctx); err != nil {
		return nil, errors.Join(err, s.close())
	}
	return s, nil
}

// prepare builds the migrated template database.
func (s *server) prepare(ctx context.Context) error {
	admin, err := sql.Open("pgx", s.adminURL)
	if err != nil {
		return fmt.Errorf("opening %s: %w", database.Redact(s.adminURL), err)
	}
	s.admin = admin
	if err := admin.QueryRowContext(ctx, "SELECT current_setting('server_version_num')::int").Scan(&s.version); err != nil {
		return fmt.Errorf("connecting to %s: %w", database.Redact(s.adminURL), err)
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+ident(s.template)); err != nil {
		return fmt.Errorf("creating the template database: %w", err)
	}
	tmpl, err := sql.Open("pgx", s.urlFor(s.template))
	if err != nil {
		return err
	}
	// Closed before any copy: CREATE DATABASE ... TEMPLATE refuses a
	// template that has open sessions.
	defer tmpl.Close()
	if err := database.Migrate(ctx, tmpl); err != nil {
		return fmt.Errorf("migrating the template database: %w", err)
	}
	return nil
}

func (s *server) create(ctx context.Context, name string) error {
	q := "CREATE DATABASE " + ident(name) + " TEMPLATE " + ident(s.template)
	// PostgreSQL 15's default WAL_LOG strategy measured ~4x faster here
	// than FILE_COPY, whose two checkpoints dominate for small databases.
	if _, err := s.admin.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("creating test database: %w", err)
	}
	return nil
}

func (s *server) drop(ctx context.Context, name string) error {
	q := "DROP DATABASE IF EXISTS " + ident(name)
	if s.version >= 130000 {
		q += " WITH (FORCE)" // a leaked connection must not fail the test run
	}
	if _, err := s.admin.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("dropping test database %s: %w", name, err)
	}
	return nil
}

// urlFor points the admin URL at another database.
func (s *server) urlFor(name string) string {
	u, err := url.Parse(s.adminURL)
	if err != nil {
		return s.adminURL // not a URL; documented to need one
	}
	u.Path = "/" + name
	return u.String()
}

// close releases everything setup acquired; safe on a partial setup.
func (s *server) close() error {
	var errs []error
	if s.admin != nil {
		if s.cluster == nil && s.template != "" {
			// On a shared server the template must go; a throwaway
			// cluster disappears as a whole.
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			errs = append(errs, s.drop(ctx, s.template))
			cancel()
		}
		errs = append(errs, s.admin.Close())
	}
	if s.cluster != nil {
		errs = append(errs, s.cluster.Stop())
	}
	if s.dir != "" {
		errs = append(errs, os.RemoveAll(s.dir))
	}
	return errors.Join(errs...)
}

// shutdown is called by Main after the tests.
func shutdown() error {
	if theServer == nil {
		return nil
	}
	return theServer.close()
}

func ident(name string) string { return pgx.Identifier{name}.Sanitize() }
