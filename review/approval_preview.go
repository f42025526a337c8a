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
// anyone approves. Each article's text is loaded once.
func previewApprovals(ctx context.Context, db *gorm.DB, checker *Checker, list []PendingCorrection) error {
	if checker == nil || len(list) == 0 {
		return nil
	}
	list = list[:min(len(list), MaxApprovalPreviews)]
	ids := make([]int64, len(list))
	for i := range list {
		ids[i] = list[i].SegmentID
	}
	var segs []Segment
	if err := db.WithContext(ctx).Where("id IN ?", ids).Find(&segs).Error; err != nil {
		return err
	}
	byID := make(map[int64]*Segment, len(segs))
	for i := range segs {
		byID[segs[i].ID] = &segs[i]
	}
	arts := map[int64]*repairArticle{}
	for i := range list {
		pc := &list[i]
		seg := byID[pc.SegmentID]
		if seg == nil {
			continue
		}
		art := arts[seg.ArticleID]
		if art == nil {
			var err error
			if art, err = reflagArticle(ctx, db, seg.ArticleID); err != nil {
				return err
			}
			arts[seg.ArticleID] = art
		}
		out, err := planReflagIn(ctx, db, checker, art, seg, pc.Text)
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
