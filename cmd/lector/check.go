package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"lector/apperr"
	"lector/detect"
	"lector/detect/finding"
	"lector/detect/names"
	"lector/detect/segment"
	"lector/glossary"
	"lector/locales"
	"lector/review"
	"lector/seeds"
)

// readInput reads FILE, or standard input for "-" or no argument, and
// returns the name to use in messages.
func readInput(e env, positional []string) (name, text string, err error) {
	if len(positional) > 1 {
		return "", "", usagef("want one FILE, got %d", len(positional))
	}
	name = "-"
	var data []byte
	if len(positional) == 0 || positional[0] == "-" {
		data, err = io.ReadAll(io.LimitReader(e.stdin, review.MaxTextBytes+1))
		name = "<stdin>"
	} else {
		name = positional[0]
		data, err = readLimited(name, review.MaxTextBytes)
	}
	if err != nil {
		return "", "", usagef("%s: %v", name, err)
	}
	if len(data) > review.MaxTextBytes {
		return "", "", usagef("%s: larger than the limit of %d bytes", name, review.MaxTextBytes)
	}
	return name, string(data), nil
}

func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

func segmentCmd(_ context.Context, e env, args []string) error {
	fs, cfg := flags(e, "segment")
	lang := fs.String("lang", "en", "language of the text (BCP 47)")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	name, text, err := readInput(e, positional)
	if err != nil {
		return err
	}
	spans, err := segment.Split(text, *lang)
	if err != nil {
		return usagef("%s: %s", name, englishError(err))
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, s := range spans {
		if err := enc.Encode(s); err != nil {
			return err
		}
	}
	return nil
}

func checkCmd(_ context.Context, e env, args []string) error {
	fs, cfg := flags(e, "check")
	var files repeated
	fs.Var(&files, "glossary", "glossary file, .csv or .tbx (repeatable; default: the built-in seed glossary)")
	lang := fs.String("lang", "en", "language of the text (BCP 47)")
	sourceFile := fs.String("source", "", "the source the text was translated from, paragraph for paragraph: enables the source-aware checks")
	sourceLang := fs.String("source-lang", "", "language of the source (BCP 47); required with --source")
	format := fs.String("format", "text", "output format: text or json")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("--format %q: want json or text", *format)
	}
	if (*sourceFile == "") != (*sourceLang == "") {
		return usagef("--source and --source-lang go together")
	}
	xlf := len(positional) == 1 && positional[0] != "-" && isXLIFF(positional[0])
	if xlf && *sourceFile != "" {
		return usagef("%s: an XLIFF file carries its own source; drop --source", positional[0])
	}
	defer limitReadMemory(e, files)()
	entries, err := loadGlossaries(files)
	if err != nil {
		return err
	}
	defer limitCheckMemory(e)()
	var (
		name, text string
		checked    []detect.Checked
		at         func(offset int) (line, col int)
	)
	switch {
	case xlf:
		x, err := readXLIFFCheck(positional[0], *lang)
		if err != nil {
			return err
		}
		name, text, at = positional[0], x.text, x.at
		checked = x.check(detect.New(entries))
	case *sourceFile != "":
		if name, text, err = readInput(e, positional); err != nil {
			return err
		}
		source, err := readSource(*sourceFile)
		if err != nil {
			return err
		}
		if checked, err = detect.New(entries).CheckPair(text, *lang, source, *sourceLang); err != nil {
			return usagef("%s: %v", name, err)
		}
	default:
		if name, text, err = readInput(e, positional); err != nil {
			return err
		}
		if checked, err = review.NewNamesChecker(entries).Check(text, *lang); err != nil {
			return usagef("%s: %s", name, englishError(err))
		}
	}
	if at == nil {
		at = newPositions(text).at
	}
	t, err := english()
	if err != nil {
		return err
	}
	if *format == "json" {
		err = writeCheckJSON(e.stdout, t, checked)
	} else {
		err = writeCheckText(e.stdout, t, name, at, checked)
	}
	if err != nil {
		return err
	}
	for _, c := range checked {
		if len(c.Findings) > 0 {
			return problemsFound{}
		}
	}
	return nil
}

// readSource reads the --source file, under the same limit as the text.
func readSource(path string) (string, error) {
	data, err := readLimited(path, review.MaxTextBytes)
	if err != nil {
		return "", usagef("%s: %v", path, err)
	}
	if len(data) > review.MaxTextBytes {
		return "", usagef("%s: larger than the limit of %d bytes", path, review.MaxTextBytes)
	}
	return string(data), nil
}

// loadGlossaries reads the glossary files into the engine's input. A CSV
// file streams into it (glossary.ParseCSVNames), so that a million names
// never exist as stored entries too.
func loadGlossaries(files []string) ([]names.Entry, error) {
	if len(files) == 0 {
		entries, err := seeds.Glossary()
		return glossary.Names(entries), err
	}
	var all [][]names.Entry
	for _, path := range files {
		var parse func(io.Reader, string) ([]names.Entry, error)
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv":
			parse = glossary.ParseCSVNames
		case ".tbx", ".xml":
			parse = func(r io.Reader, name string) ([]names.Entry, error) {
				entries, err := glossary.ParseTBX(r, name)
				return glossary.Names(entries), err
			}
		default:
			return nil, usagef("%s: unsupported glossary format (want .csv or .tbx)", path)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, usagef("%s: %v", path, err)
		}
		entries, err := parse(f, path)
		f.Close()
		if err != nil {
			return nil, usageError{englishError(err)}
		}
		all = append(all, entries)
	}
	if len(all) == 1 {
		return all[0], nil // one file, the usual case: no copy
	}
	// Rows with the same id are one entry, in one file or across files.
	return names.MergeEntries(all[0], all[1:]...), nil
}

// english returns a translator for the command line's language.
func english() (*locales.Translator, error) {
	b, err := locales.NewBundle()
	if err != nil {
		return nil, err
	}
	return locales.NewTranslator(b), nil
}

// englishError renders an application error's message in English.
func englishError(err error) string {
	t, terr := english()
	if terr != nil {
		return err.Error()
	}
	ae := apperr.As(err)
	return t.Data(ae.MessageID, ae.Data)
}

// message renders a finding's message in English, as the contract shows it.
// A source sentence the translation left out is quoted: the flag's span is
// the sentence before the gap, and the reader needs the one that is missing.
func message(t *locales.Translator, f finding.Finding) string {
	if f.Check == detect.CheckSourceSentenceMissing && f.Source != "" {
		return t.T("check.source-sentence-missing-quoted", "Source", f.Source)
	}
	return t.T("check."+f.Check, "Text", f.Text, "Entry", f.Entry, "Suggestion", f.Suggestion)
}

type jsonFlag struct {
	finding.Finding
	Message string `json:"message"`
}

type jsonSegment struct {
	segment.Span
	Flags []jsonFlag `json:"flags"`
}

func writeCheckJSON(w io.Writer, t *locales.Translator, checked []detect.Checked) error {
	out := struct {
		Segments []jsonSegment `json:"segments"`
	}{Segments: make([]jsonSegment, 0, len(checked))}
	for _, c := range checked {
		s := jsonSegment{Span: c.Span, Flags: make([]jsonFlag, 0, len(c.Findings))}
		for _, f := range c.Findings {
			s.Flags = append(s.Flags, jsonFlag{Finding: f, Message: message(t, f)})
		}
		out.Segments = append(out.Segments, s)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeCheckText prints one line per flag, FILE:LINE:COLUMN: like a
// compiler, so editors can jump to it; at turns an offset into the line
// and column.
func writeCheckText(w io.Writer, t *locales.Translator, name string, at func(int) (int, int), checked []detect.Checked) error {
	for _, c := range checked {
		for _, f := range c.Findings {
			line, col := at(f.Start)
			s := fmt.Sprintf("%s:%d:%d: %s [%s] %s", name, line, col, f.Kind, f.Check, message(t, f))
			if f.Suggestion != "" || f.Check == "broken-paragraph" {
				s += fmt.Sprintf(" (suggestion: %q)", f.Suggestion)
			}
			if _, err := fmt.Fprintf(w, "%s (confidence %.2f)\n", s, f.Confidence); err != nil {
				return err
			}
		}
	}
	return nil
}
