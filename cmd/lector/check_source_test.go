package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// checkJSON is `lector check --format json` output.
type checkJSON struct {
	Segments []struct {
		Paragraph, Index, Start, End int
		Text                         string
		Flags                        []map[string]any
	}
}

func checkFlagsOf(t *testing.T, out string) []map[string]any {
	t.Helper()
	var got checkJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %q", err, out)
	}
	var flags []map[string]any
	for _, s := range got.Segments {
		flags = append(flags, s.Flags...)
	}
	return flags
}

func findFlag(flags []map[string]any, check string) map[string]any {
	for _, f := range flags {
		if f["check"] == check {
			return f
		}
	}
	return nil
}

func TestCheckWithSource(t *testing.T) {
	source := writeFile(t, "source.txt", "Маск выступил в Остине. Маск сказал, что доволен.\n\nПесков отказался от комментариев.\n")
	text := "Musk spoke in Austin. The mask said he was pleased.\n\nThe Kremlin spokesman declined to comment.\n"
	code, out, stderr := lector(t, text, "check", "--format", "json", "--source", source, "--source-lang", "ru", "-")
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr)
	}
	var got checkJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Segments) != 3 {
		t.Fatalf("got %d segments, want every segment of the target (3)", len(got.Segments))
	}
	flags := checkFlagsOf(t, out)
	ff := findFlag(flags, "false-friend")
	want := map[string]any{"kind": "name", "start": 22.0, "end": 30.0, "text": "The mask", "suggestion": "Musk", "entry": "Elon Musk"}
	for k, v := range want {
		if ff == nil || ff[k] != v {
			t.Errorf("false-friend flag %s = %v, want %v (flags %v)", k, ff[k], v, flags)
		}
	}
	if c, _ := ff["confidence"].(float64); c < 0.97 {
		t.Errorf("confidence %v, want ≥ 0.97 with the source", ff["confidence"])
	}
	missing := findFlag(flags, "source-name-missing")
	if missing == nil || missing["suggestion"] != "Peskov" || missing["entry"] != "Dmitry Peskov" ||
		missing["message"] != "The source names “Dmitry Peskov” here; the translation does not" {
		t.Errorf("source-name-missing flag %v", missing)
	}
	// The contract's keys, no more.
	keys := []string{"check", "confidence", "end", "entry", "kind", "message", "start", "suggestion", "text"}
	for _, f := range flags {
		var got []string
		for k := range f {
			got = append(got, k)
		}
		slices.Sort(got)
		if !slices.Equal(got, keys) {
			t.Errorf("flag keys %v, want %v", got, keys)
		}
	}

	// Without the source, the false friend's context alone decides, and
	// nothing is missing.
	_, out, _ = lector(t, text, "check", "--format", "json", "-")
	if f := findFlag(checkFlagsOf(t, out), "source-name-missing"); f != nil {
		t.Errorf("without the source: %v", f)
	}
}

func TestCheckWithSourceClean(t *testing.T) {
	source := writeFile(t, "source.txt", "Илон Маск встретился с Путиным.\n")
	code, out, stderr := lector(t, "Elon Musk met Putin.\n", "check", "--source", source, "--source-lang", "ru", "-")
	if code != 0 || out != "" {
		t.Errorf("exit %d, output %q, stderr %q; want 0 and nothing", code, out, stderr)
	}
}

// A source sentence the translation left out is flagged on the sentence
// before the gap, and the message quotes the missing one.
func TestCheckQuotesLeftOutSentence(t *testing.T) {
	source := writeFile(t, "source.txt", "Илон Маск встретился с Путиным. Он сказал, что переговоры продолжатся. Потом он улетел в Техас.\n")
	code, out, stderr := lector(t, "Elon Musk met with Putin. Then he flew to Texas.\n", "check", "--format", "json", "--source", source, "--source-lang", "ru", "-")
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr)
	}
	f := findFlag(checkFlagsOf(t, out), "source-sentence-missing")
	want := "A sentence of the source after this one has no translation: “Он сказал, что переговоры продолжатся.”"
	if f == nil || f["message"] != want || f["text"] != "Elon Musk met with Putin." {
		t.Errorf("source-sentence-missing flag %v, want the message %q on the first sentence", f, want)
	}
}

const checkXLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
 <file id="f1">
  <unit id="p1">
   <segment id="1">
    <source>Маск выступил в Остине.</source>
    <target>Musk spoke in Austin.</target>
   </segment>
   <segment id="2">
    <source>Путин промолчал.</source>
    <target>Biden said nothing.</target>
   </segment>
  </unit>
  <unit id="p2">
   <segment id="3">
    <source>Второй абзац.</source>
   </segment>
  </unit>
 </file>
</xliff>
`

func TestCheckXLIFF(t *testing.T) {
	path := writeFile(t, "article.xlf", checkXLIFF)
	code, out, stderr := lector(t, "", "check", "--format", "json", path)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr)
	}
	var got checkJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Segments) != 2 || got.Segments[1].Text != "Biden said nothing." {
		t.Fatalf("segments %+v, want the two translated ones", got.Segments)
	}
	f := findFlag(got.Segments[1].Flags, "source-name-missing")
	if f == nil || f["text"] != "Biden" || f["suggestion"] != "Putin" {
		t.Errorf("flags %v, want Biden flagged for Putin", got.Segments[1].Flags)
	}

	// The text form points at the segment's line in the file.
	code, out, _ = lector(t, "", "check", path)
	if code != 1 || !strings.HasPrefix(out, path+":9:1: name [source-name-missing]") {
		t.Errorf("exit %d, text output %q", code, out)
	}
}

func TestCheckSourceUsage(t *testing.T) {
	dir := t.TempDir()
	source := writeFile(t, "source.txt", "Маск.\n")
	xlf := writeFile(t, "a.xlf", checkXLIFF)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"source without its language", []string{"check", "--source", source, "-"}, "--source and --source-lang"},
		{"language without a source", []string{"check", "--source-lang", "ru", "-"}, "--source and --source-lang"},
		{"missing source", []string{"check", "--source", filepath.Join(dir, "nope.txt"), "--source-lang", "ru", "-"}, "nope.txt"},
		{"XLIFF with a source", []string{"check", "--source", source, "--source-lang", "ru", xlf}, "carries its own source"},
		{"bad XLIFF", []string{"check", writeFile(t, "bad.xlf", "<xliff version=\"9\"/>")}, "bad.xlf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := lector(t, "Musk.\n", tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.want)
			}
		})
	}
}
