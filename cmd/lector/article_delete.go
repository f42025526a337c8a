package main

import (
	"context"
	"fmt"
	"strconv"

	"lector/apperr"
	"lector/review"
)

// articleDeleteCmd is `lector article delete ID`: the article and everything
// of it go, with an audit event. Exit 0 when deleted; 2 for a bad or unknown
// ID (as `user token` for an unknown e-mail); 1 when the database fails.
func articleDeleteCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "article delete")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if len(positional) != 1 {
		return usagef("want one article ID")
	}
	id, err := strconv.ParseInt(positional[0], 10, 64)
	if err != nil || id <= 0 {
		return usagef("%q is not an article ID (a positive number)", positional[0])
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := review.DeleteArticleByOperator(ctx, db.Gorm, id)
	if apperr.CodeOf(err) == apperr.NotFound {
		return usagef("%s", englishError(err))
	} else if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "deleted article %d %q: %d segments, %d versions\n", d.ID, d.Title, d.Segments, d.Versions)
	return nil
}
