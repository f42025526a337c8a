package review

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"lector/comment"
	"lector/request"
	"lector/xliff"
)

// unitComments reads a unit's notes as comments on its segments, by
// segment index within the unit. An export writes each comment as a note
// with id "<segment id>-c<n>" and text "<segment id>, <author>, <time>:
// <text>" (publish/export_xliff.go): such a note goes back to its segment
// with its author and time. Any other note (another tool's, or one whose
// segment is not in the unit) goes to the unit's first segment, its whole
// text the comment's, written by the importer now. Empty notes are
// skipped. Codes: invalid (a note too long or holding control
// characters, naming the file and line).
func unitComments(file string, u xliff.Unit) (map[int][]comment.Imported, error) {
	out := map[int][]comment.Imported{}
	if len(u.Segments) == 0 {
		return out, nil
	}
	for _, n := range u.Notes {
		if n.Category == xliff.TitleTag {
			continue
		}
		seg, c := 0, comment.Imported{Body: strings.TrimSpace(n.Text)}
		for i, s := range u.Segments {
			if s.ID == "" || !strings.HasPrefix(n.ID, s.ID+"-c") {
				continue
			}
			seg = i
			if author, at, body, ok := lectorNote(s.ID, c.Body); ok {
				c = comment.Imported{Author: author, At: at, Body: body}
			}
			break
		}
		if c.Body == "" {
			continue
		}
		if err := request.Text(fmt.Sprintf("%s, line %d, <note>", file, n.Line), c.Body, comment.MaxBody); err != nil {
			return nil, err
		}
		out[seg] = append(out[seg], c)
	}
	return out, nil
}

// lectorNote reads the text of a note Lector wrote for segment segID:
// "<segID>, <author>, <RFC 3339 time>: <text>".
func lectorNote(segID, text string) (author string, at time.Time, body string, ok bool) {
	rest, ok := strings.CutPrefix(text, segID+", ")
	if !ok {
		return "", time.Time{}, "", false
	}
	author, rest, ok = strings.Cut(rest, ", ")
	if !ok {
		return "", time.Time{}, "", false
	}
	stamp, body, ok := strings.Cut(rest, ": ")
	if !ok {
		return "", time.Time{}, "", false
	}
	at, err := time.Parse(time.RFC3339, stamp)
	if err != nil || strings.TrimSpace(body) == "" {
		return "", time.Time{}, "", false
	}
	return author, at, strings.TrimSpace(body), true
}

// importComments stores the comments of an imported article's segments,
// kept[i] being the imported segment stored as a.Segments[i].
func importComments(ctx context.Context, tx *gorm.DB, importer *int64, a *Article, kept []ImportedSegment) error {
	bySegment := map[int64][]comment.Imported{}
	for i, s := range kept {
		if len(s.Comments) > 0 {
			bySegment[a.Segments[i].ID] = s.Comments
		}
	}
	if len(bySegment) == 0 {
		return nil
	}
	return comment.Import(ctx, tx, importer, a.ID, bySegment)
}
