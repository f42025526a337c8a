package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lector runs the command in-process and returns its exit status and output.
func lector(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return runWith(t, func(string) string { return "" }, stdin, args)
}

// runWith runs the command in-process in the environment getenv and
// returns its exit status and output.
func runWith(t *testing.T, getenv func(string) string, stdin string, args []string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), env{args: args, getenv: getenv, stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut})
	return code, out.String(), errOut.String()
}

func seedArticlePath() string { return filepath.Join("..", "..", "seeds", "000_02e3862b8b13521d.txt") }

func TestSegmentContract(t *testing.T) {
	code, out, stderr := lector(t, "", "segment", seedArticlePath())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"paragraph": 0.0, "index": 0.0, "start": 1.0, "end": 102.0,
		"text": "Musk secretly communicates with Putin after the invasion of the Russian Federation into Ukraine - WSJ"}
	for k, v := range want {
		if first[k] != v {
			t.Errorf("first segment %s = %v, want %v", k, first[k], v)
		}
	}
	if len(first) != len(want) {
		t.Errorf("first segment has keys %v, want exactly %v", first, want)
	}
}

func TestCheckContract(t *testing.T) {
	code, out, stderr := lector(t, "", "check", "--format", "json", seedArticlePath())
	if code != 1 {
		t.Fatalf("exit %d, want 1 (flags found): %s", code, stderr)
	}
	var got struct {
		Segments []struct {
			Paragraph, Index, Start, End int
			Text                         string
			Flags                        []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	seg := got.Segments[1]
	if seg.Paragraph != 1 || seg.Index != 1 || seg.Start != 104 || len(seg.Flags) == 0 {
		t.Fatalf("second segment %+v", seg)
	}
	f := seg.Flags[0]
	want := map[string]any{"kind": "name", "check": "glossary-variant", "start": 104.0, "end": 113.0, "text": "Ilon Musk",
		"suggestion": "Elon Musk", "entry": "Elon Musk", "message": "“Ilon Musk” is a known wrong form of “Elon Musk”"}
	for k, v := range want {
		if f[k] != v {
			t.Errorf("flag %s = %v, want %v", k, f[k], v)
		}
	}
	if c, ok := f["confidence"].(float64); !ok || c < 0.9 || c > 1 {
		t.Errorf("confidence %v", f["confidence"])
	}
}

func TestCheckWithTBXGlossary(t *testing.T) {
	tbx := filepath.Join("..", "..", "glossary", "testdata", "tbx", "martif_2008.tbx")
	code, out, stderr := lector(t, "Ilon Musk spoke with Putin.\n", "check", "--glossary", tbx, "-")
	if code != 1 || !strings.Contains(out, `(suggestion: "Elon Musk")`) {
		t.Errorf("exit %d, output %q, stderr %q; want the TBX glossary's suggestion", code, out, stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.tbx")
	os.WriteFile(bad, []byte("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<martif/>"), 0o644)
	if code, _, stderr := lector(t, "", "check", "--glossary", bad, "-"); code != 2 || !strings.Contains(stderr, "bad.tbx") || !strings.Contains(stderr, "line") {
		t.Errorf("bad TBX: exit %d, stderr %q; want 2 naming the file and line", code, stderr)
	}
}

func TestCheckText(t *testing.T) {
	code, out, _ := lector(t, "Ilon Musk spoke.\n", "check", "-")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.HasPrefix(out, "<stdin>:1:1: name [glossary-variant]") || !strings.Contains(out, `(suggestion: "Elon Musk")`) {
		t.Errorf("text output %q", out)
	}
	if code, out, _ := lector(t, "Elon Musk spoke.\n", "check"); code != 0 || out != "" {
		t.Errorf("clean text: exit %d, output %q; want 0 and nothing", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	badCSV := filepath.Join(dir, "bad.csv")
	os.WriteFile(badCSV, []byte("entry,type,lang,term,status\nmusk,person,en,Elon Musk,prefered\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"check", "--nope"}, "flag provided but not defined"},
		{"missing file", []string{"check", filepath.Join(dir, "missing.txt")}, "missing.txt"},
		{"bad format", []string{"check", "--format", "xml", "-"}, `--format "xml"`},
		{"unsupported glossary", []string{"check", "--glossary", filepath.Join(dir, "g.xlsx"), "-"}, "g.xlsx"},
		{"bad glossary row", []string{"check", "--glossary", badCSV, "-"}, "bad.csv"},
		{"two files", []string{"segment", "a", "b"}, "want one FILE"},
		{"article import without title", []string{"article", "import", "x.txt"}, "--title is required"},
		{"bad address", []string{"migrate", "--addr", "nope"}, "LECTOR_ADDR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := lector(t, "", tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr, tt.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 && tt.name != "unknown command" && tt.name != "unknown flag" {
				t.Errorf("stderr %q, want one line containing %q", stderr, tt.want)
			}
		})
	}
}

// TestHelp: `lector --help` names every command; a command's --help lists
// its own flags before the configuration flags, on stdout, and both exit 0.
func TestHelp(t *testing.T) {
	code, out, _ := lector(t, "", "--help")
	for _, cmd := range []string{"serve", "migrate", "segment", "check", "article import", "article delete", "glossary import",
		"glossary export", "user add", "user token", "user unlock", "loadtest"} {
		if !strings.Contains(out, "\n  "+cmd) {
			t.Errorf("lector --help does not name %q:\n%s", cmd, out)
		}
	}
	if code != 0 {
		t.Errorf("lector --help: exit %d, want 0", code)
	}
	code, stdout, _ := lector(t, "", "check", "--help")
	own, shared := strings.Index(stdout, "-glossary"), strings.Index(stdout, "configuration flags")
	if code != 0 || own < 0 || shared < own || strings.Contains(stdout, "-db-max-open-conns value") {
		t.Errorf("lector check --help: exit %d, want 0, check's flags first and the server's by name only:\n%s", code, stdout)
	}
	if _, stdout, _ := lector(t, "", "serve", "--help"); !strings.Contains(stdout, "-db-max-open-conns value") {
		t.Errorf("lector serve --help does not describe the server's flags:\n%s", stdout)
	}
}
