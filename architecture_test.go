// Package lector_test holds the repository's architecture rules as tests;
// ARCHITECTURE.md explains them. They read the import graph with `go list`.
package lector_test

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// pkg is what `go list -json` says of one package.
type pkg struct {
	ImportPath   string
	Imports      []string // direct, non-test
	Deps         []string // transitive, non-test
	TestImports  []string
	XTestImports []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	touchSources(t)
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 20 {
		t.Fatalf("go list found %d packages; is the test run from the module root?", len(pkgs))
	}
	return pkgs
}

// touchSources opens every Go file of the module, so that go test's cache,
// which knows only the files a test reads itself, reruns these tests when
// an import changes (go list reads the files in another process).
func touchSources(t *testing.T) {
	t.Helper()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata"):
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(path, ".go"):
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			return f.Close()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func under(path, prefix string) bool { return path == prefix || strings.HasPrefix(path, prefix+"/") }

func isLector(path string) bool { return under(path, "lector") }

// TestDetectIsPure: nothing under detect/ imports a database, HTTP or web
// framework, or a Lector package outside detect/ but the leaves of
// internal/, in its code or its tests.
func TestDetectIsPure(t *testing.T) {
	forbidden := []string{"gorm.io", "github.com/labstack/echo", "github.com/jackc", "github.com/riverqueue", "database/sql", "net/http"}
	checked := 0
	for _, p := range listPackages(t) {
		if !under(p.ImportPath, "lector/detect") {
			continue
		}
		checked++
		all := slices.Concat(p.Deps, p.TestImports, p.XTestImports)
		for _, d := range all {
			if isLector(d) && !under(d, "lector/detect") && !under(d, "lector/internal") {
				t.Errorf("%s depends on %s, a Lector package outside detect/", p.ImportPath, d)
			}
			for _, f := range forbidden {
				if under(d, f) {
					t.Errorf("%s depends on %s", p.ImportPath, d)
				}
			}
		}
	}
	if checked < 5 {
		t.Errorf("found %d packages under detect/, want detect and its four subpackages at least", checked)
	}
}

// TestInternalAreLeaves: the packages of internal/ (small utilities that
// the engine and the rest share) import nothing of Lector's, so that the
// engine that uses them stays pure.
func TestInternalAreLeaves(t *testing.T) {
	for _, p := range listPackages(t) {
		if !under(p.ImportPath, "lector/internal") {
			continue
		}
		for _, d := range p.Deps {
			if isLector(d) {
				t.Errorf("%s depends on %s", p.ImportPath, d)
			}
		}
	}
}

// TestSegmentAndNamesStandAlone: the splitter and the name matchers import
// nothing of Lector's at all, not even the engine's shared types; the name
// matchers only the word lists of detect/lexicon, a leaf that imports
// nothing of Lector's either.
func TestSegmentAndNamesStandAlone(t *testing.T) {
	for _, p := range listPackages(t) {
		if p.ImportPath != "lector/detect/segment" && p.ImportPath != "lector/detect/names" && p.ImportPath != "lector/detect/lexicon" {
			continue
		}
		for _, d := range p.Deps {
			if isLector(d) && !(p.ImportPath == "lector/detect/names" && d == "lector/detect/lexicon") {
				t.Errorf("%s depends on %s", p.ImportPath, d)
			}
		}
	}
}

// TestImportDirections: server is imported only by cmd/lector (and its own
// test-support subpackages), nothing imports cmd/, review never imports
// publish or loadtest, glossary never imports review, comment and
// notification import neither review nor publish (review shows comments in
// histories and publish in exports), and notification not comment.
func TestImportDirections(t *testing.T) {
	for _, p := range listPackages(t) {
		for _, d := range p.Imports {
			switch {
			case under(d, "lector/cmd"):
				t.Errorf("%s imports %s: nothing imports cmd/", p.ImportPath, d)
			case d == "lector/server" && p.ImportPath != "lector/cmd/lector" && !under(p.ImportPath, "lector/server"):
				t.Errorf("%s imports server: only cmd/lector wires the app", p.ImportPath)
			case under(p.ImportPath, "lector/review") && (under(d, "lector/publish") || under(d, "lector/loadtest")):
				t.Errorf("%s imports %s: review comes before publish and the load driver", p.ImportPath, d)
			case under(p.ImportPath, "lector/glossary") && under(d, "lector/review"):
				t.Errorf("%s imports %s: the glossary comes before the workflow", p.ImportPath, d)
			case (under(p.ImportPath, "lector/comment") || under(p.ImportPath, "lector/notification")) &&
				(under(d, "lector/review") || under(d, "lector/publish")):
				t.Errorf("%s imports %s: comments and notifications come before the workflow, which shows them", p.ImportPath, d)
			case under(p.ImportPath, "lector/notification") && under(d, "lector/comment"):
				t.Errorf("%s imports %s: comments notify, not the other way round", p.ImportPath, d)
			}
		}
	}
}
