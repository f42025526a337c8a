package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The real-MT corpus (mt/, SOURCES.md "Real-MT corpus") is annotated like
// the corpora: mt/ann/NAME.ann is Apertium's output mt/out/NAME.txt with
// its truth marked inline (the marks of parseAnn) and a "% note:" header.
// Its source is mt/src/NAME.PAIR.txt, whose Apertium mode PAIR gives both
// languages. `gen mt` writes mt/truth/NAME_truth.json, which the tests
// read; the article is the MT output itself, never a copy.

// apertiumLangs maps Apertium's language codes to the BCP 47 tags the
// checker takes; hbs sources are Serbian in Cyrillic script.
var apertiumLangs = map[string]string{"rus": "ru", "ukr": "uk", "bel": "be", "mkd": "mk", "hbs": "sr", "eng": "en"}

// mtTruthFile is a truth file of the real-MT corpus: a corpus truth file
// with the source's language.
type mtTruthFile struct {
	Article    string `json:"article"`
	Lang       string `json:"lang"`
	Note       string `json:"note"`
	MT         string `json:"mt"`
	Source     string `json:"source"`
	SourceLang string `json:"source_lang"`
	Pair       string `json:"pair"`
}

func writeMTTruth(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "mt/truth"), 0o755); err != nil {
		return err
	}
	return buildEach(dir, "mt/ann/*.ann", buildMTOne)
}

func buildMTOne(dir, ann string) error {
	name := strings.TrimSuffix(filepath.Base(ann), ".ann")
	srcs, err := filepath.Glob(filepath.Join(dir, "mt/src", name+".*.txt"))
	if err != nil {
		return err
	}
	if len(srcs) != 1 {
		return fmt.Errorf("want one source mt/src/%s.PAIR.txt, found %d", name, len(srcs))
	}
	pair := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(srcs[0]), name+"."), ".txt")
	from, to, _ := strings.Cut(pair, "-")
	if apertiumLangs[from] == "" || apertiumLangs[to] == "" {
		return fmt.Errorf("unknown pair %q", pair)
	}
	rel := func(p string) string { return filepath.ToSlash(filepath.Join(dir, p)) }
	tf := mtTruthFile{Article: rel("mt/out/" + name + ".txt"), Lang: apertiumLangs[to], MT: "mt/out/" + name + ".txt",
		Source: rel("mt/src/" + filepath.Base(srcs[0])), SourceLang: apertiumLangs[from], Pair: pair}
	raw, err := os.ReadFile(ann)
	if err != nil {
		return err
	}
	headers, body := cutHeaders(string(raw))
	for _, h := range headers {
		if h[0] != "note" {
			return fmt.Errorf("unknown header %q", h[0])
		}
		tf.Note = strings.TrimSpace(tf.Note + " " + h[1])
	}
	text, items, err := parseAnn(body)
	if err != nil {
		return err
	}
	if err := checkMT(dir, tf.MT, text); err != nil {
		return err
	}
	return writeTruthJSON(filepath.Join(dir, "mt/truth", name+"_truth.json"), tf, items)
}
