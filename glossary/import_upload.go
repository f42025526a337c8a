package glossary

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
)

// MaxUploadBytes bounds a glossary file sent through the import page: the
// server's limit for any request body. Larger glossaries, up to
// MaxCSVBytes, are imported from the command line.
const MaxUploadBytes = 16 << 20

// uploadTTL is how long an upload waits for its Confirm.
const uploadTTL = 24 * time.Hour

// Upload formats.
const (
	FormatCSV = "csv"
	FormatTBX = "tbx"
)

// ImportUpload is a glossary file between its dry run and its Confirm,
// with the options it was previewed with and the Digest of the plan the
// dry run showed.
type ImportUpload struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Name      string
	Format    string
	Prune     bool
	Data      []byte
	Digest    string
	CreatedAt time.Time
}

func (ImportUpload) TableName() string { return "glossary_import_uploads" }

// UploadFormat says which format a file is in by its name or, failing that,
// its media type: "" when neither is one the import reads.
func UploadFormat(name, mediaType string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return FormatCSV
	case ".tbx", ".xml":
		return FormatTBX
	}
	switch mediaType {
	case "text/csv":
		return FormatCSV
	case "application/xml", "text/xml", "application/x-tbx", "application/x-tbx+xml":
		return FormatTBX
	}
	return ""
}

// Options are the import options the upload was previewed with.
func (u ImportUpload) Options() ImportOptions {
	// A CSV has no column for entry notes; importing one keeps them.
	return ImportOptions{Prune: u.Prune, KeepEntryNotes: u.Format == FormatCSV}
}

// Entries reads the upload's file with the parser of its format, the same
// the API and the command line use. Codes: the parser's (invalid and
// too_large, naming the line).
func (u ImportUpload) Entries() ([]Entry, error) {
	if u.Format == FormatCSV {
		return ParseCSV(bytes.NewReader(u.Data), u.Name)
	}
	return ParseTBX(bytes.NewReader(u.Data), u.Name)
}

// SaveUpload stores u (setting its id) and deletes uploads older than a
// day that nobody confirmed.
func SaveUpload(ctx context.Context, db *gorm.DB, u *ImportUpload) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("created_at < ?", time.Now().Add(-uploadTTL)).Delete(&ImportUpload{}).Error; err != nil {
			return apperr.Wrap(err, "delete stale glossary uploads")
		}
		if err := tx.Create(u).Error; err != nil {
			return apperr.Wrap(err, "store glossary upload")
		}
		return nil
	})
}

// LoadUpload returns upload id of user userID: another person's upload is
// not found, as one that was confirmed or has expired. Codes: not_found.
func LoadUpload(ctx context.Context, db *gorm.DB, id, userID int64) (ImportUpload, error) {
	var u ImportUpload
	err := db.WithContext(ctx).Where("id = ? AND user_id = ? AND created_at >= ?", id, userID, time.Now().Add(-uploadTTL)).
		Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return u, apperr.New(apperr.NotFound, "error.glossary_upload_not_found", nil)
	}
	if err != nil {
		return u, apperr.Wrap(err, "load glossary upload")
	}
	return u, nil
}

// SetUploadDigest records that upload id was previewed again with a new
// plan.
func SetUploadDigest(ctx context.Context, db *gorm.DB, id int64, digest string) error {
	if err := db.WithContext(ctx).Model(&ImportUpload{}).Where("id = ?", id).Update("digest", digest).Error; err != nil {
		return apperr.Wrap(err, "update glossary upload")
	}
	return nil
}

// DeleteUpload deletes upload id once it is applied.
func DeleteUpload(ctx context.Context, db *gorm.DB, id int64) error {
	if err := db.WithContext(ctx).Delete(&ImportUpload{}, id).Error; err != nil {
		return apperr.Wrap(err, "delete glossary upload")
	}
	return nil
}
