package review

import (
	"context"
	"encoding/json"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/audit"
)

// ActDelete is the audit action of deleting an article; the event outlives
// the article (audit events are append-only and hold no foreign key).
const ActDelete = "delete"

// Deleted is what deleting an article removed.
type Deleted struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Segments int64  `json:"segments"`
	Versions int64  `json:"versions"`
}

// DeleteArticle deletes an article and everything of it (segments, flags,
// corrections, dismissals, versions, rescan progress) in one transaction
// with its audit event. Only editors delete. Codes: unauthorized,
// forbidden, not_found.
func DeleteArticle(ctx context.Context, db *gorm.DB, p *account.Principal, id int64) (*Deleted, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	return deleteArticle(ctx, db, &p.UserID, "api", id)
}

// DeleteArticleByOperator is DeleteArticle for `lector article delete`:
// whoever may run the command may delete, and the audit event has no actor
// (via "cli"). Codes: not_found.
func DeleteArticleByOperator(ctx context.Context, db *gorm.DB, id int64) (*Deleted, error) {
	return deleteArticle(ctx, db, nil, "cli", id)
}

// deleteArticle removes the rows child tables first, each in one statement
// by the article's id, so that no foreign key's cascade runs per row over a
// large table: version segments would otherwise be set to NULL one by one
// as their segments went, just before being deleted themselves. Every
// foreign key has an index (migration 00016), so what cascades still
// (glossary evidence set to NULL, propagations) is a lookup per row.
func deleteArticle(ctx context.Context, db *gorm.DB, actor *int64, via string, id int64) (*Deleted, error) {
	out := &Deleted{ID: id}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var titles []string
		if err := tx.Raw(`SELECT title FROM articles WHERE id = ? FOR UPDATE`, id).Scan(&titles).Error; err != nil {
			return err
		}
		if len(titles) == 0 {
			return apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": id})
		}
		out.Title = titles[0]
		steps := []struct {
			sql string
			n   *int64
		}{
			{`DELETE FROM version_segments vs USING article_versions v WHERE vs.version_id = v.id AND v.article_id = ?`, nil},
			{`DELETE FROM article_versions WHERE article_id = ?`, &out.Versions},
			{`DELETE FROM dismissals d USING segments s WHERE d.segment_id = s.id AND s.article_id = ?`, nil},
			{`DELETE FROM corrections c USING segments s WHERE c.segment_id = s.id AND s.article_id = ?`, nil},
			{`DELETE FROM flags f USING segments s WHERE f.segment_id = s.id AND s.article_id = ?`, nil},
			{`DELETE FROM segments WHERE article_id = ?`, &out.Segments},
			{`DELETE FROM rescan_articles WHERE article_id = ?`, nil},
			{`DELETE FROM articles WHERE id = ?`, nil},
		}
		for _, s := range steps {
			res := tx.Exec(s.sql, id)
			if res.Error != nil {
				return res.Error
			}
			if s.n != nil {
				*s.n = res.RowsAffected
			}
		}
		detail, err := json.Marshal(map[string]any{"title": out.Title, "segments": out.Segments, "versions": out.Versions, "via": via})
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, &audit.Event{ActorID: actor, SubjectType: "article", SubjectID: id, ArticleID: &id,
			Action: ActDelete, FromState: "created", ToState: "deleted", Detail: detail})
	})
	if err != nil {
		return nil, apperr.Annotate(err, "delete article")
	}
	return out, nil
}
