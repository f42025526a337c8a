// Package seeds holds the seed article and glossary, embedded, and loads them
// into an empty database so that a first run shows something real.
package seeds

import (
	"bytes"
	"context"
	"embed"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/glossary"
	"lector/review"
)

//go:embed glossary.csv 000_02e3862b8b13521d.txt
var files embed.FS

const (
	glossaryFile = "glossary.csv"
	articleFile  = "000_02e3862b8b13521d.txt"
	articleLang  = "en"
	// seedLock is the advisory lock that keeps two processes starting at
	// once from both seeding.
	seedLock = 0x1ec7035eed
)

// Glossary returns the built-in seed glossary (`lector check` uses it when
// no --glossary is given).
func Glossary() ([]glossary.Entry, error) {
	data, err := files.ReadFile(glossaryFile)
	if err != nil {
		return nil, err
	}
	return glossary.ParseCSV(bytes.NewReader(data), "seeds/"+glossaryFile)
}

// Article returns the seed article's title and text.
func Article() (title, text string) {
	data, _ := files.ReadFile(articleFile) // embedded: cannot fail
	text = string(data)
	title, _, _ = strings.Cut(strings.TrimSpace(text), "\n")
	return strings.TrimSpace(title), text
}

// Load seeds the glossary and the article when the database holds neither,
// and reports whether it did. It is safe to call on every start.
func Load(ctx context.Context, db *gorm.DB) (bool, error) {
	entries, err := Glossary()
	if err != nil {
		return false, err
	}
	seeded := false
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", seedLock).Error; err != nil {
			return err
		}
		var n int64
		if err := tx.Raw("SELECT (SELECT count(*) FROM glossary_entries) + (SELECT count(*) FROM articles)").Scan(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if err := glossary.CreateEntries(ctx, tx, entries); err != nil {
			return err
		}
		title, text := Article()
		if _, err := review.CreateArticle(ctx, tx, review.NewChecker(entries), review.NewArticle{Title: title, Lang: articleLang, Text: text}); err != nil {
			return err
		}
		seeded = true
		return nil
	})
	if err != nil {
		return false, apperr.Wrap(err, "seed")
	}
	return seeded, nil
}
