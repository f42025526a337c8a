package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lector/database/dbtest"
)

const glossaryCSV = `entry,type,lang,term,status,case_sensitive,note
musk,person,en,Elon Musk,preferred,true,
musk,person,en,Ilon Musk,deprecated,true,back-translated
kyiv,place,en,Kyiv,preferred,true,
kyiv,place,en,Kiev,deprecated,true,
`

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGlossaryImportAndExport(t *testing.T) {
	url := dbtest.NewURL(t)
	db := []string{"--database-url", url}
	file := writeFile(t, "g.csv", "\uFEFF"+glossaryCSV) // with a byte order mark

	code, out, stderr := lector(t, "", append([]string{"glossary", "import", "--dry-run", file}, db...)...)
	if code != 0 || !strings.HasPrefix(out, "2 new, 0 changed, 0 unchanged, 0 deleted, 0 conflicts\n") || !strings.Contains(out, "Dry run") {
		t.Fatalf("dry run: exit %d, out %q, stderr %q", code, out, stderr)
	}
	code, out, stderr = lector(t, "", append([]string{"glossary", "import", file}, db...)...)
	if code != 0 || !strings.Contains(out, "2 new") || !strings.Contains(out, "Imported.") {
		t.Fatalf("import: exit %d, out %q, stderr %q", code, out, stderr)
	}

	// A changed file, by content sniffing (no extension), shows its changes.
	changed := strings.Replace(glossaryCSV, "Kiev,deprecated", "Kiev,admitted", 1)
	noExt := writeFile(t, "glossary", changed)
	code, out, _ = lector(t, "", append([]string{"glossary", "import", "--dry-run", noExt}, db...)...)
	if code != 0 || !strings.Contains(out, "0 new, 1 changed, 1 unchanged") || !strings.Contains(out, "status: “deprecated” → “admitted”") {
		t.Errorf("changed dry run: exit %d, out %q", code, out)
	}

	t.Logf("changed dry run:\n%s", out)
	// A conflict: exit 1, the conflict named, nothing written.
	conflict := writeFile(t, "c.csv", "entry,type,lang,term,status\nband,organization,en,Kyiv,admitted\nnew,person,en,New Name,preferred\n")
	code, out, _ = lector(t, "", append([]string{"glossary", "import", conflict}, db...)...)
	if code != 1 || !strings.Contains(out, "1 conflicts") || !strings.Contains(out, `entry “band”: its en form “Kyiv” (admitted) clashes with the preferred form “Kyiv” of entry “kyiv”`) ||
		!strings.Contains(out, "Nothing was written") {
		t.Errorf("conflict: exit %d, out %q", code, out)
	}

	t.Logf("conflict:\n%s", out)
	// Export as TBX to a file, import it back: nothing changes.
	tbx := filepath.Join(t.TempDir(), "out.tbx")
	if code, out, stderr := lector(t, "", append([]string{"glossary", "export", "--format", "tbx", "-o", tbx}, db...)...); code != 0 || out != "" {
		t.Fatalf("export: exit %d, out %q, stderr %q", code, out, stderr)
	}
	code, out, _ = lector(t, "", append([]string{"glossary", "import", tbx}, db...)...)
	if code != 0 || !strings.HasPrefix(out, "0 new, 0 changed, 2 unchanged, 0 deleted, 0 conflicts") {
		t.Errorf("import of the export: exit %d, out %q", code, out)
	}
	code, out, _ = lector(t, "", append([]string{"glossary", "export", "--format", "csv"}, db...)...)
	want := "entry,type,lang,term,status,case_sensitive,note,source\nkyiv,place,en,Kyiv,preferred,true,,\nkyiv,place,en,Kiev,deprecated,true,,\n" +
		"musk,person,en,Elon Musk,preferred,true,,\nmusk,person,en,Ilon Musk,deprecated,true,back-translated,\n"
	if code != 0 || out != want {
		t.Errorf("CSV export: exit %d, out\n%s", code, out)
	}

	// --prune with one entry deletes the other.
	one := writeFile(t, "one.csv", strings.Join(strings.Split(glossaryCSV, "\n")[:3], "\n")+"\n")
	code, out, _ = lector(t, "", append([]string{"glossary", "import", "--prune", one}, db...)...)
	if code != 0 || !strings.HasPrefix(out, "0 new, 0 changed, 1 unchanged, 1 deleted, 0 conflicts") || !strings.Contains(out, "deleted “kyiv”") {
		t.Errorf("prune: exit %d, out %q", code, out)
	}
}

func TestGlossaryUsageErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, "bad.csv", "entry,type,lang,term,status\nmusk,person,en,Elon Musk,prefered\n")
	badTBX := writeFile(t, "bad.tbx", "<?xml version=\"1.0\"?>\n<martif>\n<text>\n</martif>\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", []string{"glossary", "import"}, "want one FILE"},
		{"missing file", []string{"glossary", "import", filepath.Join(dir, "missing.csv")}, "missing.csv"},
		{"bad CSV row", []string{"glossary", "import", bad}, "bad.csv, line 2, field “status”"},
		{"bad TBX", []string{"glossary", "import", badTBX}, "bad.tbx, line 4"},
		{"export without format", []string{"glossary", "export"}, `--format "": want csv or tbx`},
		{"export bad format", []string{"glossary", "export", "--format", "xlsx"}, `--format "xlsx"`},
		{"unknown subcommand", []string{"glossary", "merge"}, `unknown command "glossary merge"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := lector(t, "", tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tt.want)
			}
			if tt.name != "unknown subcommand" && strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("stderr %q, want one line", stderr)
			}
		})
	}
}

func TestGlossaryExportKeepsOldFileOnError(t *testing.T) {
	out := writeFile(t, "g.csv", "old\n")
	// No database server answers at this URL: the export fails before writing.
	code, _, _ := lector(t, "", "glossary", "export", "-o", out, "--database-url", "postgres://nobody@127.0.0.1:1/none?connect_timeout=1")
	if data, _ := os.ReadFile(out); code == 0 || string(data) != "old\n" {
		t.Errorf("exit %d, file %q; want a failure and the old file", code, data)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}
