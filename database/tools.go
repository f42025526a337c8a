package database

import (
	"fmt"
	"os"
	"path/filepath"

	"lector/database/internal/pgcluster"
)

// Tool is the path of one of the machine's PostgreSQL programs (pg_dump,
// pg_restore, psql), taken from the installation the embedded cluster uses,
// so that client and server versions match.
func Tool(name string) (string, error) {
	b, err := pgcluster.FindBinaries()
	if err != nil {
		return "", err
	}
	p := filepath.Join(b.Dir, name)
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm()&0o111 == 0 {
		return "", fmt.Errorf("%s not found next to %s", name, b.Postgres)
	}
	return p, nil
}
