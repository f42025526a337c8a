// Package xlifftest checks XLIFF documents in tests against the OASIS XLIFF
// 2.0 core schema (which XLIFF 2.1 keeps) with xmllint, an XML Schema
// validator other than the code that wrote the documents. `make deps` puts
// the schema, from Debian's php-symfony-translation, in .cache/xliff-schema;
// `make test` names it in LECTOR_XLIFF_SCHEMA.
package xlifftest

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// SchemaEnv names the core schema's path. When it is set the schema must be
// there: `make test` sets it, so there a missing schema fails the tests.
const SchemaEnv = "LECTOR_XLIFF_SCHEMA"

// cached is where `make deps` puts the schema, relative to the module root.
const cached = ".cache/xliff-schema/xliff_core_2.0.xsd"

// Invalid is the document's fault: xmllint found it not well-formed or not
// valid against the schema. Output is xmllint's report.
type Invalid struct{ Output string }

func (e *Invalid) Error() string { return "xmllint: " + e.Output }

// required reports whether a missing xmllint or schema fails the test
// instead of skipping it: under CI=true, under `make test`, and whenever
// LECTOR_XLIFF_SCHEMA is set.
func required() bool {
	return os.Getenv("CI") == "true" || os.Getenv("LECTOR_REQUIRE_BROWSER") == "1" || os.Getenv(SchemaEnv) != ""
}

// Tools returns xmllint's path and the core schema's, or skips t (fails it
// when required) when either is missing.
func Tools(t testing.TB) (xmllint, schema string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if required() {
			t.Fatal("xmllint not found; install it with: apt-get install -y libxml2-utils (`make deps` does)")
		}
		t.Skip("xmllint not found (apt-get install -y libxml2-utils; `make deps` does)")
	}
	schema = os.Getenv(SchemaEnv)
	if schema == "" {
		schema = fromModuleRoot(cached)
	}
	if _, err := os.Stat(schema); schema == "" || err != nil {
		if required() {
			t.Fatalf("the XLIFF core schema is missing (%s=%q): run `make deps`", SchemaEnv, schema)
		}
		t.Skipf("the XLIFF core schema is missing: run `make deps`, or set %s", SchemaEnv)
	}
	return xmllint, schema
}

// fromModuleRoot returns rel below the directory holding go.mod, found
// upwards from the test's working directory, or "".
func fromModuleRoot(rel string) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, filepath.FromSlash(rel))
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// Check validates data with `xmllint --noout --nonet --schema`. It returns
// nil for a valid document and an *Invalid for one xmllint refuses; any
// other failure (the schema unreadable, xmllint broken) fails t, so that a
// refusal always means the document was checked.
func Check(t testing.TB, data []byte) error {
	t.Helper()
	xmllint, schema := Tools(t)
	file := filepath.Join(t.TempDir(), "doc.xlf")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, file).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &exit) && (exit.ExitCode() == 1 || exit.ExitCode() == 3):
		// 1: not well-formed; 3: not valid against the schema.
		return &Invalid{Output: string(out)}
	default:
		t.Fatalf("xmllint --schema %s: %v\n%s", schema, err, out)
		return nil
	}
}

// Valid fails t unless data, named name in the message, is well-formed and
// valid against the XLIFF core schema.
func Valid(t testing.TB, name string, data []byte) {
	t.Helper()
	if err := Check(t, data); err != nil {
		t.Errorf("%s is not valid against the XLIFF core schema: %v\n%s", name, err, data)
	}
}
