package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/glossary"
	"lector/rescan"
	"lector/webhook"
)

// glossaryPlanDetail is how many entries' changes the import prints.
const glossaryPlanDetail = 50

func glossaryImportCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "glossary import")
	dryRun := fs.Bool("dry-run", false, "show what the import would change, and write nothing")
	prune := fs.Bool("prune", false, "delete the entries the file does not name")
	file, err := parseOne(fs, cfg, args, "FILE (.csv or .tbx, or - for standard input)")
	if err != nil {
		return err
	}
	name, data, err := readGlossaryFile(e, file)
	if err != nil {
		return err
	}
	isTBX := glossaryIsTBX(name, data)
	var entries []glossary.Entry
	if isTBX {
		entries, err = glossary.ParseTBX(bytes.NewReader(data), name)
	} else {
		entries, err = glossary.ParseCSV(bytes.NewReader(data), name)
	}
	if err != nil {
		return inputError(err, apperr.Invalid, apperr.TooLarge)
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	// A CSV has no column for entry notes; without this it would erase them.
	opts := glossary.ImportOptions{Prune: *prune, KeepEntryNotes: !isTBX}
	// The import asks for a background rescan, which a running `lector
	// serve` (any of them) works; this process only inserts the job.
	rescans, err := rescan.New(db.Gorm, db.JobsPool, rescan.Options{Logger: cfg.Logger(e.stderr)})
	if err != nil {
		return err
	}
	// And tells the webhooks, whose deliveries the servers send.
	events := &webhook.Emitter{Jobs: rescans}
	opts.Changed = func(ctx context.Context, tx *gorm.DB, reason string) error {
		if err := rescans.Enqueue(ctx, tx, reason); err != nil {
			return err
		}
		return events.GlossaryChanged(ctx, tx, reason)
	}
	var plan glossary.Plan
	if *dryRun {
		plan, err = glossary.PlanImport(ctx, db.Gorm, entries, opts)
	} else {
		plan, err = glossary.Import(ctx, db.Gorm, entries, opts)
	}
	if err != nil && apperr.CodeOf(err) != apperr.Conflict {
		return err
	}
	t, terr := english()
	if terr != nil {
		return terr
	}
	if werr := plan.WriteText(e.stdout, t, glossaryPlanDetail); werr != nil {
		return werr
	}
	if len(plan.Conflicts) > 0 {
		return problemsFound{}
	}
	return nil
}

// readGlossaryFile reads path, or standard input for "-", up to the larger
// of the format limits (the parsers report the exact one).
func readGlossaryFile(e env, path string) (string, []byte, error) {
	limit := int64(max(glossary.MaxCSVBytes, glossary.MaxTBXBytes))
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(io.LimitReader(e.stdin, limit+1))
	} else {
		data, err = readLimited(path, limit)
	}
	if err != nil {
		return "", nil, usagef("%s: %v", name, err)
	}
	return name, data, nil
}

// glossaryIsTBX tells the format by the file's extension and, for any
// other name, by its first character: XML starts with "<", a CSV header
// with a column name.
func glossaryIsTBX(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return false
	case ".tbx", ".xml":
		return true
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}

func glossaryExportCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "glossary export")
	format := fs.String("format", "", "csv or tbx (default: from the -o file's extension)")
	out := fs.String("o", "", "write to this file, replaced atomically (default: standard output)")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if len(positional) > 0 {
		return usagef("unexpected argument %q; write to a file with -o FILE", positional[0])
	}
	if *format == "" {
		*format = strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	}
	if *format != glossary.ExportCSV && *format != glossary.ExportTBX {
		return usagef("--format %q: want csv or tbx", *format)
	}
	return withDB(ctx, e, cfg, func(db *gorm.DB) error {
		if *out == "" {
			return glossary.Export(ctx, db, e.stdout, *format)
		}
		return writeAtomically(*out, func(w io.Writer) error { return glossary.Export(ctx, db, w, *format) })
	})
}

// writeAtomically writes path through a temporary file in the same folder
// and renames it into place, so a reader never sees half an export and a
// failed export leaves the old file.
func writeAtomically(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return usagef("%s: %v", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
