package review

import (
	"context"
	"time"

	"lector/apperr"
	"lector/detect"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ActRescan is the audit action of a rescan that changed a segment's state.
// It is the system's doing, not a person's, so it is not a row of the
// Transitions table: only clean ⇄ flagged happen through it.
const ActRescan = "rescan"

// RescanResult is what rescanning one article changed.
type RescanResult struct {
	Added    int // flags added or reopened
	Closed   int // open flags whose finding is gone, now resolved
	Flagged  int // clean segments that became flagged
	Cleaned  int // flagged segments that became clean
	Skipped  int // segments whose place in the text no longer matches a segment of the text, or whose text people changed
	Segments int // segments looked at
}

// rescannable lists the states whose flags a rescan updates. Corrected and
// approved segments are people's work and stay as they are.
func rescannable() []string {
	return []string{StateClean, StateFlagged, StateRejected, StateInProgress}
}

// flagKey identifies a finding at one place of a segment's MT text, so that
// a rescan can tell a flag it already holds from a new one.
type flagKey struct {
	kind, check, text string
	start, end        int
}

func keyOf(f *Flag) flagKey {
	return flagKey{kind: f.Kind, check: f.Check, text: f.Text, start: f.StartOffset, end: f.EndOffset}
}

// RescanArticle checks article id's MT text again with checker, inside tx,
// and brings the flags of its segments in the states clean, flagged,
// rejected and in_progress up to date:
//
//   - a finding with no flag gets one; a flag that an earlier rescan closed
//     (resolved, by nobody) is reopened; one that a person dismissed or
//     resolved stays closed;
//   - an open flag whose finding is gone is resolved, by nobody;
//   - a clean segment with open flags becomes flagged, a flagged one without
//     any becomes clean; rejected and in_progress (leased: someone is
//     editing it) segments keep their state and only their flags change.
//
// Corrected and approved segments are not touched. A segment whose offsets
// no longer match a segment of the text (a later repair merged or split
// segments) is skipped. The segments are locked for the transaction, so a
// claim waits for the rescan and sees its outcome. Running it twice with
// the same glossary changes nothing the second time. A missing article is
// no error: it was deleted since the rescan started.
func RescanArticle(ctx context.Context, tx *gorm.DB, checker *Checker, id int64) (RescanResult, error) {
	var res RescanResult
	tx = tx.WithContext(ctx)
	var a Article
	if err := tx.Select("id, lang, text, source_lang").Take(&a, id).Error; err != nil {
		if isNotFound(err) {
			return res, nil
		}
		return res, apperr.Annotate(err, "rescan article")
	}
	var segs []Segment
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("article_id = ? AND state IN ?", id, rescannable()).
		Order("position").Find(&segs).Error; err != nil {
		return res, apperr.Annotate(err, "rescan article")
	}
	if len(segs) == 0 {
		return res, nil
	}
	checker = checker.Snapshot()
	// Every segment's source, not only the rescannable ones': an approved
	// sentence is still a sentence the source-aware checks read.
	sources, err := loadSources(ctx, tx, 0, len(a.Text), id)
	if err != nil {
		return res, apperr.Annotate(err, "rescan article")
	}
	src := sources[id]
	checked, err := checker.checkSourced(a.Text, a.Lang, src, src.at)
	if err != nil {
		return res, err
	}
	byStart := make(map[int]detect.Checked, len(checked))
	for _, c := range checked {
		byStart[c.Start] = c
	}
	// One query for every segment's flags: a rescan touches every article,
	// and a query per segment made it several times slower. By the
	// article's id, not a list of segment ids, which PostgreSQL refuses past
	// 65,535 (a rescan then failed on such an article at every retry).
	var all []Flag
	if err := tx.Raw(`SELECT f.* FROM flags f JOIN segments s ON s.id = f.segment_id
WHERE s.article_id = ? AND s.state IN ? ORDER BY f.id`, id, rescannable()).Scan(&all).Error; err != nil {
		return res, apperr.Annotate(err, "rescan article")
	}
	flags := make(map[int64][]Flag, len(segs))
	for _, f := range all {
		flags[f.SegmentID] = append(flags[f.SegmentID], f)
	}
	for i := range segs {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return res, err
			}
		}
		s := &segs[i]
		c, ok := byStart[s.StartOffset]
		// A segment whose text people changed (an approval that left flags
		// open sent it back to the queue) holds flags on the approved text,
		// which the MT text's findings cannot be compared with: it is
		// skipped, as corrected and approved segments are.
		if !ok || c.End != s.EndOffset || c.Text != s.MTText || s.CurrentText != s.MTText {
			res.Skipped++
			continue
		}
		res.Segments++
		if err := rescanSegment(ctx, tx, checker, &a, s, c, flags[s.ID], &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// rescanSegment applies one segment's findings to its flags and state; a
// is the segment's article.
func rescanSegment(ctx context.Context, tx *gorm.DB, checker *Checker, a *Article, s *Segment, c detect.Checked, flags []Flag, res *RescanResult) error {
	held := make(map[flagKey]*Flag, len(flags))
	for i := range flags {
		k := keyOf(&flags[i])
		// An open flag wins over a closed one at the same place.
		if prev, dup := held[k]; !dup || prev.Status != FlagOpen {
			held[k] = &flags[i]
		}
	}
	found := make(map[flagKey]bool, len(c.Findings))
	now := time.Now()
	open := 0
	for _, f := range c.Findings {
		nf := flagOf(f, c.Span, checker)
		k := keyOf(&nf)
		if found[k] {
			continue
		}
		found[k] = true
		old, ok := held[k]
		switch {
		case !ok:
			nf.SegmentID = s.ID
			if err := tx.Create(&nf).Error; err != nil {
				return apperr.Annotate(err, "rescan: add flag")
			}
			if a.SourceLang != nil {
				if err := proposeRenderings(ctx, tx, a.Lang, *a.SourceLang, s.ID, s.MTText, []Flag{nf}); err != nil {
					return err
				}
			}
			res.Added++
			open++
		case old.Status == FlagOpen:
			open++
		case old.Status == FlagResolved && old.ResolvedBy == nil:
			if err := tx.Model(&Flag{}).Where("id = ?", old.ID).
				Updates(map[string]any{"status": FlagOpen, "resolved_at": nil}).Error; err != nil {
				return apperr.Annotate(err, "rescan: reopen flag")
			}
			res.Added++
			open++
		}
	}
	var gone []int64
	for _, f := range flags {
		if f.Status == FlagOpen && !found[keyOf(&f)] {
			gone = append(gone, f.ID)
		}
	}
	if len(gone) > 0 {
		if err := tx.Model(&Flag{}).Where("id IN ?", gone).
			Updates(map[string]any{"status": FlagResolved, "resolved_by": nil, "resolved_at": now}).Error; err != nil {
			return apperr.Annotate(err, "rescan: close flags")
		}
		res.Closed += len(gone)
	}
	to := s.State
	switch {
	case s.State == StateClean && open > 0:
		to = StateFlagged
		res.Flagged++
	case s.State == StateFlagged && open == 0:
		to = StateClean
		res.Cleaned++
	}
	if to == s.State {
		return nil
	}
	if err := tx.Model(&Segment{}).Where("id = ?", s.ID).
		Updates(map[string]any{"state": to, "updated_at": now}).Error; err != nil {
		return apperr.Annotate(err, "rescan: segment state")
	}
	return record(ctx, tx, nil, s, ActRescan, s.State, to, "", "", map[string]any{"open_flags": open})
}
