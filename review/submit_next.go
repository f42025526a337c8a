package review

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// claimAfterSubmit is "Submit and next" (Ctrl+Enter): once the correction
// of segment done is stored, it claims the translator's next segment as
// POST /queue/next does, in done's article first (the one being read, in
// position order), else anywhere in the queue. nil, nil when the queue is
// empty. Codes: forbidden (not a translator).
func claimAfterSubmit(ctx context.Context, db *gorm.DB, p *account.Principal, done int64) (*Segment, error) {
	// A segment merged away meanwhile has no article: any article will do.
	var articles []int64
	if err := db.WithContext(ctx).Model(&Segment{}).Where("id = ?", done).Pluck("article_id", &articles).Error; err != nil {
		return nil, apperr.Annotate(err, "submit and next")
	}
	if len(articles) == 1 {
		seg, err := Claim(ctx, db, p, QueueFilter{ArticleID: articles[0]})
		if err != nil || seg != nil {
			return seg, err
		}
	}
	return Claim(ctx, db, p, QueueFilter{})
}

// afterSubmit is where "Submit and next" goes: the next segment, or the
// queue when nothing is left; done names the submitted segment, whose
// drafts the browser may drop (static/draft.js) and which the next page
// links back to.
func afterSubmit(next *Segment, done int64) string {
	if next == nil {
		return fmt.Sprintf("/queue?empty=1&done=%d", done)
	}
	return fmt.Sprintf("/segments/%d?done=%d", next.ID, done)
}
