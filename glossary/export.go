package glossary

import (
	"cmp"
	"context"
	"io"
	"slices"

	"gorm.io/gorm"

	"lector/apperr"
)

// Export formats.
const (
	ExportCSV = "csv"
	ExportTBX = "tbx"
)

// Export writes the whole glossary to w as "csv" or "tbx", entries in key
// order so that two exports of one glossary are byte for byte equal. The
// CSV has no column for an entry's note (see ImportOptions.KeepEntryNotes);
// the TBX keeps everything. Anyone who may read the glossary may call it;
// it returns apperr.Invalid for an unknown format, else internal errors.
func Export(ctx context.Context, db *gorm.DB, w io.Writer, format string) error {
	var write func(io.Writer, []Entry) error
	switch format {
	case ExportCSV:
		write = WriteCSV
	case ExportTBX:
		write = WriteTBX
	default:
		return apperr.New(apperr.Invalid, "error.glossary_export_format", map[string]any{"Format": format})
	}
	entries, err := LoadEntries(ctx, db)
	if err != nil {
		return err
	}
	slices.SortFunc(entries, func(a, b Entry) int { return cmp.Compare(a.Key, b.Key) })
	return write(w, entries)
}
