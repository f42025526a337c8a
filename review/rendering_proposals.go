package review

import (
	"context"

	"gorm.io/gorm"

	"lector/glossary"
)

// proposeRenderings hands the new flags among flags of segment segID that
// suggest a spelling for a name outside the glossary (the
// inconsistent-rendering check) to the glossary's proposals, as a new
// entry: the source's form of the name in sourceLang, the suggestion in
// lang. text is what the flags' offsets point into. One proposal per name,
// each flag one piece of evidence (glossary.ProposeNewEntry).
func proposeRenderings(ctx context.Context, tx *gorm.DB, lang, sourceLang string, segID int64, text string, flags []Flag) error {
	for i := range flags {
		f := &flags[i]
		if f.sourceForm == "" || f.ID == 0 {
			continue
		}
		n := glossary.NewEntry{SourceLang: sourceLang, SourceForm: f.sourceForm, Lang: lang, Form: f.Entry}
		if _, err := glossary.ProposeNewEntry(ctx, tx, n, glossary.Evidence{SegmentID: segID, FlagID: f.ID},
			text, f.StartOffset, f.EndOffset); err != nil {
			return err
		}
	}
	return nil
}
