package publish

import (
	"context"

	"gorm.io/gorm"

	"lector/account"
)

// VersionDiffResult is the word-level difference between two versions of
// an article (0 is the MT text), segment by segment, every changed piece
// with the corrections behind it.
type VersionDiffResult struct {
	Article  int64         `json:"article"`
	From     int           `json:"from"`
	To       int           `json:"to"`
	Changed  int           `json:"changed"` // how many pieces differ
	Segments []DiffSegment `json:"segments"`
}

// VersionDiff compares versions from and to of an article; either may be
// 0, the MT text. Any signed-in user may read it. Its queries and loops
// carry ctx and stop when it ends (the client went away, the read's budget
// ran out) with ctx's error. Codes: unauthorized, not_found.
func VersionDiff(ctx context.Context, db *gorm.DB, p *account.Principal, articleID int64, from, to int) (*VersionDiffResult, error) {
	a, err := ArticleVersion(ctx, db, p, articleID, from)
	if err != nil {
		return nil, err
	}
	b, err := ArticleVersion(ctx, db, p, articleID, to)
	if err != nil {
		return nil, err
	}
	segs, err := AlignVersions(ctx, a.Segments, b.Segments)
	if err != nil {
		return nil, err
	}
	out := &VersionDiffResult{Article: articleID, From: from, To: to, Segments: segs}
	var ids []int64
	seen := map[int64]bool{}
	for _, s := range out.Segments {
		if s.Changed {
			out.Changed++
		}
		for _, c := range s.Corrections {
			for _, who := range []*Person{c.Author, c.Approver} {
				if who != nil && !seen[who.ID] {
					seen[who.ID] = true
					ids = append(ids, who.ID)
				}
			}
		}
	}
	names, err := people(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	for _, s := range out.Segments {
		for _, c := range s.Corrections {
			for _, who := range []*Person{c.Author, c.Approver} {
				if who != nil {
					who.Name = names[who.ID].Name
				}
			}
		}
	}
	return out, nil
}
