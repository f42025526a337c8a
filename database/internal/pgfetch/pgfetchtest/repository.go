// Package pgfetchtest serves a Maven repository in the layout
// github.com/fergusstrange/embedded-postgres downloads from, holding one
// PostgreSQL build made of the files a test gives, on 127.0.0.1: the
// download fallback tested without the network.
package pgfetchtest

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ulikunitz/xz"

	"lector/database/internal/pgfetch"
)

// Entry is one entry of the build's tar: a file (Body or the contents of
// From), or a symbolic link when Link is set.
type Entry struct {
	Name string // slash-separated, relative: bin/postgres
	From string // a file to copy
	Body []byte
	Mode fs.FileMode // 0: 0755
	Link string
}

// Repository is a running repository.
type Repository struct {
	URL       string
	Downloads atomic.Int32 // requests for the jar
	checksum  atomic.Pointer[string]
}

// SetChecksum changes what is served as the jar's .sha256; "" serves none
// (404).
func (r *Repository) SetChecksum(s string) { r.checksum.Store(&s) }

// Serve starts a repository holding build as a jar whose .txz has the
// entries, and stops it when the test ends. Like Maven Central, it
// publishes the jar's SHA-256 beside it.
func Serve(t testing.TB, build pgfetch.Build, entries []Entry) *Repository {
	t.Helper()
	jar := Jar(t, entries)
	sum := sha256.Sum256(jar)
	r := &Repository{}
	r.SetChecksum(hex.EncodeToString(sum[:]))
	jarURL := build.URL("")
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+jarURL, func(w http.ResponseWriter, req *http.Request) {
		r.Downloads.Add(1)
		http.ServeContent(w, req, filepath.Base(jarURL), time.Time{}, bytes.NewReader(jar))
	})
	mux.HandleFunc("GET "+jarURL+".sha256", func(w http.ResponseWriter, req *http.Request) {
		sum := *r.checksum.Load()
		if sum == "" {
			http.NotFound(w, req)
			return
		}
		_, _ = w.Write([]byte(sum))
	})
	srv := httptest.NewServer(mux) // listens on 127.0.0.1
	t.Cleanup(srv.Close)
	r.URL = srv.URL
	return r
}

// Jar is a build's jar as the zonky.io builds are made: a zip holding one
// xz-compressed tar of the installation.
func Jar(t testing.TB, entries []Entry) []byte {
	t.Helper()
	var tarball bytes.Buffer
	tw := tar.NewWriter(&tarball)
	var err error
	for _, e := range entries {
		body := e.Body
		if e.From != "" {
			if body, err = os.ReadFile(e.From); err != nil {
				t.Fatal(err)
			}
		}
		h := &tar.Header{Name: e.Name, Mode: int64(e.Mode), Size: int64(len(body)), Typeflag: tar.TypeReg}
		if h.Mode == 0 {
			h.Mode = 0o755
		}
		if e.Link != "" {
			h.Typeflag, h.Linkname, h.Size = tar.TypeSymlink, e.Link, 0
			body = nil
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	txz := compress(t, tarball.Bytes())
	var jar bytes.Buffer
	zw := zip.NewWriter(&jar)
	if _, err := zw.Create("META-INF/"); err != nil {
		t.Fatal(err)
	}
	// The name zonky.io gives the archive; embedded-postgres takes any .txz.
	w, err := zw.Create("postgres-linux-x86_64.txz")
	if err != nil {
		t.Fatal(err)
	}
	writeLast(t, w, txz, zw)
	return jar.Bytes()
}

// compress xz-compresses b, with the xz program where there is one: the Go
// encoder takes ten seconds for the server binary, xz -0 one.
func compress(t testing.TB, b []byte) []byte {
	var out bytes.Buffer
	if p, err := exec.LookPath("xz"); err == nil {
		cmd := exec.Command(p, "-0", "-c")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(b), &out, os.Stderr
		if err := cmd.Run(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	w, err := xz.NewWriter(&out)
	if err != nil {
		t.Fatal(err)
	}
	writeLast(t, w, b, w)
	return out.Bytes()
}

// writeLast writes b, the last bytes, to w and closes c: w itself, or the
// archive w is an entry of.
func writeLast(t testing.TB, w io.Writer, b []byte, c io.Closer) {
	t.Helper()
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}
