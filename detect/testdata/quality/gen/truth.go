package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// An annotated text (ann/<lang>/NAME.ann) is the article with its truth
// marked inline:
//
//	[wrong form|right form|variation]        a wrong name and what replaces it
//	[wrong form|right form|variation|why]    the same, with the reason spelled out
//	{right form|variation}                   a right form or an ordinary word that must not be flagged
//	{right form|variation|why}
//
// Header lines at the top start with "% ": "% note: ..." describes the
// text, "% mt: PATH" names the machine translation's verbatim output (path
// from the quality folder), which the text without its marks must equal
// byte for byte, and "% source: PATH" names the source text it was made from.
// The texts contain no [ ] { } | of their own.

// item is a truth item in the format of detect/quality_truth_test.go.
type item struct {
	Kind       string `json:"kind"`
	Check      string `json:"check"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	Suggestion string `json:"suggestion"`
	Variation  string `json:"variation"`
	OK         bool   `json:"ok,omitempty"`
	Why        string `json:"why"`
}

type truthFile struct {
	Article string `json:"article"`
	Lang    string `json:"lang"`
	Note    string `json:"note"`
	MT      string `json:"mt,omitempty"`
	Source  string `json:"source,omitempty"`
	Items   []item `json:"items"`
}

// variations are the kinds of variation the report counts; the why of an
// item that gives none is made from its description.
var variations = map[string]string{
	"scheme":        "another transliteration or spelling scheme",
	"phonetic":      "a phonetic misspelling",
	"diacritics":    "diacritics or letters of the alphabet lost or wrong",
	"inflection":    "a case ending left by MT, or the wrong case",
	"false-friend":  "an ordinary word where the name belongs",
	"split-joined":  "the name split or joined wrongly",
	"given-name":    "the given name in another language's form",
	"patronymic":    "a patronymic next to a wrong name, or in another language's form",
	"particle":      "a particle (von, de, van, da, al-, bin) mangled",
	"family-only":   "a wrong family name standing alone",
	"other-case":    "the right name in another grammatical case",
	"ordinary-word": "an ordinary word that only looks like a name",
	"right-family":  "the right family name standing alone",
	"right-form":    "the right form",
}

// okVariations are the variations of items that must not be flagged.
var okVariations = map[string]bool{"other-case": true, "ordinary-word": true, "right-family": true, "right-form": true}

func writeTruth(dir string) error {
	return buildEach(dir, "gen/ann/*/*.ann", buildOne)
}

// buildEach runs build on every annotated text the pattern (from dir)
// matches, in name order, and says how many there were.
func buildEach(dir, pattern string, build func(dir, ann string) error) error {
	anns, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		return err
	}
	sort.Strings(anns)
	for _, ann := range anns {
		if err := build(dir, ann); err != nil {
			return fmt.Errorf("%s: %w", ann, err)
		}
	}
	fmt.Printf("%d texts\n", len(anns))
	return nil
}

func buildOne(dir, ann string) error {
	raw, err := os.ReadFile(ann)
	if err != nil {
		return err
	}
	lang := filepath.Base(filepath.Dir(ann))
	name := strings.TrimSuffix(filepath.Base(ann), ".ann")
	tf := truthFile{Article: filepath.ToSlash(filepath.Join(dir, "corpus", lang, name+".txt")), Lang: lang}
	headers, body := cutHeaders(string(raw))
	for _, h := range headers {
		key, value := h[0], h[1]
		switch key {
		case "note":
			tf.Note = strings.TrimSpace(tf.Note + " " + value)
		case "mt":
			tf.MT = value
		case "source":
			tf.Source = value
		default:
			return fmt.Errorf("unknown header %q", key)
		}
	}
	text, items, err := parseAnn(body)
	if err != nil {
		return err
	}
	if tf.MT != "" {
		if err := checkMT(dir, tf.MT, text); err != nil {
			return err
		}
	}
	tf.Items = items
	if err := os.MkdirAll(filepath.Join(dir, "corpus", lang), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus", lang, name+".txt"), []byte(text), 0o644); err != nil {
		return err
	}
	head := struct {
		Article string `json:"article"`
		Lang    string `json:"lang"`
		Note    string `json:"note"`
		MT      string `json:"mt,omitempty"`
		Source  string `json:"source,omitempty"`
	}{tf.Article, tf.Lang, tf.Note, tf.MT, tf.Source}
	return writeTruthJSON(filepath.Join(dir, "corpus", lang, name+"_truth.json"), head, items)
}

// cutHeaders splits the "% key: value" lines off the top of an annotated
// text; values are trimmed.
func cutHeaders(raw string) (headers [][2]string, body string) {
	body = raw
	for strings.HasPrefix(body, "% ") {
		line, rest, _ := strings.Cut(body, "\n")
		body = rest
		key, value, _ := strings.Cut(strings.TrimPrefix(line, "% "), ":")
		headers = append(headers, [2]string{key, strings.TrimSpace(value)})
	}
	return headers, body
}

// checkMT fails unless text is byte for byte the MT output at mtPath (from
// dir).
func checkMT(dir, mtPath, text string) error {
	mt, err := os.ReadFile(filepath.Join(dir, mtPath))
	if err != nil {
		return err
	}
	if !bytes.Equal(mt, []byte(text)) {
		return fmt.Errorf("the text without its marks is not the MT output %s verbatim:\n%s", mtPath, firstDiff(string(mt), text))
	}
	return nil
}

// writeTruthJSON writes a truth file: head's fields, then the items one a
// line, so that a diff of a regenerated file shows the items that changed.
func writeTruthJSON(path string, head any, items []item) error {
	fields, err := json.Marshal(head)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString("{\n")
	b.Write(fields[1 : len(fields)-1])
	b.WriteString(",\n \"items\": [\n")
	for i, it := range items {
		line, err := json.Marshal(it)
		if err != nil {
			return err
		}
		b.WriteString("  ")
		b.Write(line)
		if i < len(items)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(" ]\n}\n")
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// parseAnn strips the marks of an annotated text and returns the text and
// its items with byte offsets into it.
func parseAnn(ann string) (string, []item, error) {
	var text strings.Builder
	var items []item
	for i := 0; i < len(ann); {
		c := ann[i]
		if c != '[' && c != '{' {
			if c == ']' || c == '}' || c == '|' {
				return "", nil, fmt.Errorf("stray %q at byte %d: %q", c, i, context(ann, i))
			}
			text.WriteByte(c)
			i++
			continue
		}
		closer := byte(']')
		if c == '{' {
			closer = '}'
		}
		end := strings.IndexByte(ann[i:], closer)
		if end < 0 {
			return "", nil, fmt.Errorf("unclosed %q at byte %d: %q", c, i, context(ann, i))
		}
		fields := strings.Split(ann[i+1:i+end], "|")
		it := item{Kind: "name", Text: fields[0], Start: text.Len()}
		it.End = it.Start + len(it.Text)
		var why string
		if c == '[' {
			if len(fields) < 3 || len(fields) > 4 {
				return "", nil, fmt.Errorf("want [wrong|right|variation(|why)] at byte %d: %q", i, context(ann, i))
			}
			it.Suggestion, it.Variation = fields[1], fields[2]
			if len(fields) == 4 {
				why = fields[3]
			}
			it.Check = "name-fuzzy"
			if it.Variation == "false-friend" {
				it.Check = "false-friend"
			}
			if okVariations[it.Variation] || it.Suggestion == it.Text {
				return "", nil, fmt.Errorf("a wrong item with variation %q or no change at byte %d: %q", it.Variation, i, context(ann, i))
			}
		} else {
			if len(fields) < 2 || len(fields) > 3 {
				return "", nil, fmt.Errorf("want {right|variation(|why)} at byte %d: %q", i, context(ann, i))
			}
			it.Variation, it.OK = fields[1], true
			if len(fields) == 3 {
				why = fields[2]
			}
			if !okVariations[it.Variation] {
				return "", nil, fmt.Errorf("a must-not-flag item with variation %q at byte %d: %q", it.Variation, i, context(ann, i))
			}
		}
		desc, ok := variations[it.Variation]
		if !ok {
			return "", nil, fmt.Errorf("unknown variation %q at byte %d: %q", it.Variation, i, context(ann, i))
		}
		switch {
		case why != "":
			it.Why = why
		case it.OK:
			it.Why = desc + "; not an error"
		default:
			it.Why = desc + ": " + it.Suggestion
		}
		if it.Text == "" || strings.TrimSpace(it.Text) != it.Text {
			return "", nil, fmt.Errorf("empty or padded item at byte %d: %q", i, context(ann, i))
		}
		text.WriteString(it.Text)
		items = append(items, it)
		i += end + 1
	}
	return text.String(), items, nil
}

func context(s string, i int) string {
	return s[max(0, i-30):min(len(s), i+60)]
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return fmt.Sprintf("byte %d: want %q, got %q", i, a[max(0, i-20):min(len(a), i+40)], b[max(0, i-20):min(len(b), i+40)])
}
