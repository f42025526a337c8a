package main

import (
	"context"
	"fmt"
	"io"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/config"
	"lector/glossary"
	"lector/review"
)

func articleImportCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "article import")
	title := fs.String("title", "", "the article's title (required, except for XLIFF: the file's title)")
	lang := fs.String("lang", "en", "language of the text (BCP 47); for XLIFF, used when the file names no target language")
	source := fs.String("source", "", "the source text the article was translated from")
	sourceLang := fs.String("source-lang", "", "language of the source text (required with --source)")
	asApproved := fs.Bool("as-approved", false, "XLIFF only: store the segments the file calls reviewed or final as approved (audit-logged); without it they go through review")
	file, err := parseOne(fs, cfg, args, "FILE")
	if err != nil {
		return err
	}
	if isXLIFF(file) {
		if *source != "" || *sourceLang != "" {
			return usagef("%s: --source and --source-lang do not go with an XLIFF file, which holds its sources", file)
		}
		return articleImportXLIFF(ctx, e, cfg, file, *title, *lang, *asApproved)
	}
	if *asApproved {
		return usagef("--as-approved goes only with an XLIFF file")
	}
	if *title == "" {
		return usagef("--title is required")
	}
	if (*source == "") != (*sourceLang == "") {
		return usagef("--source and --source-lang go together")
	}
	name, text, err := readInput(e, []string{file})
	if err != nil {
		return err
	}
	in := review.NewArticle{Title: *title, Lang: *lang, Text: text, SourceLang: *sourceLang}
	if *source != "" {
		_, src, err := readInput(e, []string{*source})
		if err != nil {
			return err
		}
		in.SourceText = src
	}
	return storeArticle(ctx, e, cfg, name+": ", func(db *gorm.DB, checker *review.Checker) (*review.Article, error) {
		return review.CreateArticle(ctx, db, checker, in)
	})
}

// storeArticle has store make an article with the checker of the stored
// glossary, and prints it. An invalid or too large article is a usage
// error, its message after where (a file's name and ": ", or nothing).
func storeArticle(ctx context.Context, e env, cfg *config.Config, where string,
	store func(*gorm.DB, *review.Checker) (*review.Article, error)) error {
	return withDB(ctx, e, cfg, func(db *gorm.DB) error {
		entries, err := glossary.LoadEntries(ctx, db)
		if err != nil {
			return err
		}
		a, err := store(db, review.NewChecker(entries))
		if code := apperr.CodeOf(err); code == apperr.Invalid || code == apperr.TooLarge {
			return usagef("%s%s", where, englishError(err))
		} else if err != nil {
			return err
		}
		printArticle(e.stdout, a)
		return nil
	})
}

// printArticle is what `lector article import` says of the stored article.
func printArticle(w io.Writer, a *review.Article) {
	flags := 0
	for _, s := range a.Segments {
		flags += len(s.Flags)
	}
	fmt.Fprintf(w, "article %d: %d segments, %d flags\n", a.ID, len(a.Segments), flags)
}

// articleDeleteCmd is `lector article delete ID`: the article and everything
// of it go, with an audit event. Exit 0 when deleted; 2 for a bad or unknown
// ID (as `user token` for an unknown e-mail); 1 when the database fails.
func articleDeleteCmd(ctx context.Context, e env, args []string) error {
	return removeCmd(ctx, e, args, "article delete", "an", "article", func(db *gorm.DB, id int64) (string, error) {
		d, err := review.DeleteArticleByOperator(ctx, db, id)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("deleted article %d %q: %d segments, %d versions", d.ID, d.Title, d.Segments, d.Versions), nil
	})
}
