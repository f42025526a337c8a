package glossary

import (
	"os"
	"testing"
)

// goldenBytes gives the golden file's bytes to compare got with; under
// -update it first replaces the file with got.
func goldenBytes(t *testing.T, golden string, got []byte) []byte {
	t.Helper()
	if tbxUpdating() {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	return want
}
