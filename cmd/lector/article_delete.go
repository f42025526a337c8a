package main

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/review"
)

// articleDeleteCmd is `lector article delete ID`: the article and everything
// of it go, with an audit event. Exit 0 when deleted; 2 for a bad or unknown
// ID (as `user token` for an unknown e-mail); 1 when the database fails.
func articleDeleteCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "article delete")
	id, err := parseOneID(fs, cfg, args, "an", "article")
	if err != nil {
		return err
	}
	return withDB(ctx, e, cfg, func(db *gorm.DB) error {
		d, err := review.DeleteArticleByOperator(ctx, db, id)
		if err != nil {
			return inputError(err, apperr.NotFound)
		}
		fmt.Fprintf(e.stdout, "deleted article %d %q: %d segments, %d versions\n", d.ID, d.Title, d.Segments, d.Versions)
		return nil
	})
}
