package review

import (
	"context"

	"gorm.io/gorm"
)

// MaxApprovalPreviews bounds the dry runs of one list of pending
// corrections: each checks its article's whole text again (a few ms for
// the seed article, far more for a long one). The corrections after them
// show no outcome; approving one still asks first when it leaves flags
// open (ApprovePage computes its outcome then).
const MaxApprovalPreviews = 50

// previewApprovals fills the Outcome of the first MaxApprovalPreviews
// pending corrections with what approving each would do to its segment's
// flags (planReflag, a dry run that writes nothing), so that the review
// page shows the flags a correction resolves and those it leaves before
// anyone approves. The segments, their articles' texts, the starts of the
// segments after them and their flags come in four statements for the
// whole list: one round trip per correction cost a list of 50 corrections
// from 50 articles some 150 statements, over the page's 50 ms.
func previewApprovals(ctx context.Context, db *gorm.DB, checker *Checker, list []PendingCorrection) error {
	if checker == nil || len(list) == 0 {
		return nil
	}
	list = list[:min(len(list), MaxApprovalPreviews)]
	ids := make([]int64, len(list))
	for i := range list {
		ids[i] = list[i].SegmentID
	}
	db = db.WithContext(ctx)
	var segs []Segment
	if err := db.Where("id IN ?", ids).Find(&segs).Error; err != nil {
		return err
	}
	byID := make(map[int64]*Segment, len(segs))
	articleIDs := make([]int64, 0, len(segs))
	for i := range segs {
		byID[segs[i].ID] = &segs[i]
		articleIDs = append(articleIDs, segs[i].ArticleID)
	}
	var artList []repairArticle
	if err := db.Raw(`SELECT id, lang, text FROM articles WHERE id IN ?`, articleIDs).Scan(&artList).Error; err != nil {
		return err
	}
	sources, err := loadSources(ctx, db, 0, MaxTextBytes, articleIDs...)
	if err != nil {
		return err
	}
	arts := make(map[int64]*repairArticle, len(artList))
	for i := range artList {
		artList[i].sources = sources[artList[i].ID]
		arts[artList[i].ID] = &artList[i]
	}
	// followingStart for every segment at once: the start of the segment
	// after it in its article, -1 for the last.
	var nexts []struct {
		SegmentID   int64
		StartOffset int
	}
	if err := db.Raw(`SELECT DISTINCT ON (s.id) s.id AS segment_id, n.start_offset FROM segments s
JOIN segments n ON n.article_id = s.article_id AND n.position = s.position + 1
WHERE s.id IN ? ORDER BY s.id, n.id`, ids).Scan(&nexts).Error; err != nil {
		return err
	}
	next := make(map[int64]int, len(nexts))
	for _, n := range nexts {
		next[n.SegmentID] = n.StartOffset
	}
	var flags []Flag
	if err := db.Where("segment_id IN ? AND status <> ?", ids, FlagResolved).
		Order("segment_id, start_offset, id").Find(&flags).Error; err != nil {
		return err
	}
	flagsOf := map[int64][]Flag{}
	for _, f := range flags {
		flagsOf[f.SegmentID] = append(flagsOf[f.SegmentID], f)
	}
	for i := range list {
		pc := &list[i]
		seg := byID[pc.SegmentID]
		if seg == nil || arts[seg.ArticleID] == nil {
			continue
		}
		n, ok := next[seg.ID]
		if !ok {
			n = -1
		}
		out, err := planReflagWith(checker, arts[seg.ArticleID], seg, pc.Text, n, flagsOf[seg.ID])
		if err != nil {
			return err
		}
		pc.Outcome = out
	}
	return nil
}

// previewApproval is previewApprovals for one pending correction, the
// approve form's confirmation step.
func previewApproval(ctx context.Context, db *gorm.DB, checker *Checker, c *Correction) (*ApprovalOutcome, error) {
	var seg Segment
	if err := db.WithContext(ctx).Take(&seg, c.SegmentID).Error; err != nil {
		return nil, err
	}
	return planReflag(ctx, db, checker, &seg, c.Text)
}
