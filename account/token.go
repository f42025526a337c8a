package account

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
)

// TokenPrefix starts every API token, so that secret scanners and people
// can tell one on sight.
const TokenPrefix = "lec_"

const maxTokenName = 200

// CreateToken makes a new API token for userID and returns it: only its
// SHA-256 is stored, so the caller shows it once. For `lector user token`.
// Error codes: not_found (no such user), forbidden (account disabled),
// invalid (name too long), internal.
func CreateToken(ctx context.Context, db *gorm.DB, userID int64, name string) (string, error) {
	name = strings.TrimSpace(name)
	if len(name) > maxTokenName {
		return "", apperr.New(apperr.Invalid, "error.field_too_long", map[string]any{"Field": "name", "Limit": maxTokenName})
	}
	var u User
	err := db.WithContext(ctx).Where("id = ?", userID).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", apperr.New(apperr.NotFound, "error.user_id_not_found", map[string]any{"ID": userID})
	}
	if err != nil {
		return "", apperr.Wrap(err, "load user")
	}
	if u.DisabledAt != nil {
		return "", apperr.New(apperr.Forbidden, "error.account_disabled", nil)
	}
	token := TokenPrefix + newSecret()
	if err := db.WithContext(ctx).Create(&APIToken{UserID: userID, TokenHash: hashSecret(token), Name: name}).Error; err != nil {
		return "", apperr.Wrap(err, "create token")
	}
	return token, nil
}

// LookupToken returns the principal an API token stands for and records its
// use (at most once a minute). Error codes: unauthorized (unknown or expired
// token, account disabled), internal.
func LookupToken(ctx context.Context, db *gorm.DB, token string) (*Principal, error) {
	if !strings.HasPrefix(token, TokenPrefix) {
		return nil, apperr.New(apperr.Unauthorized, "error.bad_token", nil)
	}
	var row struct {
		APIToken
		Stale bool
	}
	res := db.WithContext(ctx).Raw(`SELECT *, last_used_at IS NULL OR last_used_at < now() - make_interval(secs => ?) AS stale
		FROM api_tokens WHERE token_hash = ? AND (expires_at IS NULL OR expires_at > now())`,
		touchInterval.Seconds(), hashSecret(token)).Scan(&row)
	if res.Error != nil {
		return nil, apperr.Wrap(res.Error, "look up token")
	}
	if res.RowsAffected == 0 {
		return nil, apperr.New(apperr.Unauthorized, "error.bad_token", nil)
	}
	p, err := principalOf(ctx, db, row.UserID, "", true, "error.bad_token")
	if err != nil {
		return nil, err
	}
	if row.Stale {
		if err := db.WithContext(ctx).Exec("UPDATE api_tokens SET last_used_at = now() WHERE id = ?", row.ID).Error; err != nil {
			return nil, apperr.Wrap(err, "touch token")
		}
	}
	return p, nil
}
