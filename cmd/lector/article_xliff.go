package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gorm.io/gorm"

	"lector/config"
	"lector/review"
)

// isXLIFF reports whether path is an XLIFF file: by its extension, or by an
// <xliff element in its first KiB.
func isXLIFF(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlf", ".xliff", ".xlif":
		return true
	}
	f, err := os.Open(path)
	if err != nil {
		return false // readInput reports it
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte("<xliff"))
}

// articleImportXLIFF imports an XLIFF 1.2 or 2.x file as it is segmented.
func articleImportXLIFF(ctx context.Context, e env, cfg *config.Config, path, title, lang string, asApproved bool) error {
	f, err := os.Open(path)
	if err != nil {
		return usagef("%s: %v", path, err)
	}
	defer f.Close()
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return storeArticle(ctx, e, cfg, "", func(db *gorm.DB, checker *review.Checker) (*review.Article, error) {
		return review.ImportXLIFF(ctx, db, checker, f,
			review.XLIFFImport{File: path, Title: title, Lang: lang, DefaultTitle: base, AsApproved: asApproved})
	})
}
