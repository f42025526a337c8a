package review

import (
	"context"

	"gorm.io/gorm"

	"lector/webhook"
)

// correctionEvent tells events, inside tx, that correction c went through
// event (a webhook.Correction* event).
func correctionEvent(ctx context.Context, tx *gorm.DB, events *webhook.Emitter, event string, c *Correction) error {
	return events.Emit(ctx, tx, event, func() (any, error) {
		var articleID int64
		if err := tx.WithContext(ctx).Raw(`SELECT article_id FROM segments WHERE id = ?`, c.SegmentID).Scan(&articleID).Error; err != nil {
			return nil, err
		}
		data := map[string]any{"correction_id": c.ID, "segment_id": c.SegmentID, "article_id": articleID, "status": c.Status}
		if c.RejectReason != nil {
			data["reason"] = *c.RejectReason
		}
		return data, nil
	})
}

// versionEvent tells events, inside tx, that v was published.
func versionEvent(ctx context.Context, tx *gorm.DB, events *webhook.Emitter, v *Version) error {
	return events.Emit(ctx, tx, webhook.VersionPublished, func() (any, error) {
		return map[string]any{"article_id": v.ArticleID, "version": v.Number, "version_id": v.ID,
			"partial": v.Partial, "published_at": v.PublishedAt}, nil
	})
}
