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

// TokenQuery is LookupToken's statement for token and its arguments (the
// load test's direct-SQL phase sends it too).
func TokenQuery(token string) (string, []any) {
	return `SELECT t.id, t.user_id, u.email, u.name, u.locale,
		coalesce((SELECT string_agg(r.role, ',') FROM user_roles r WHERE r.user_id = u.id), '') AS roles,
		t.last_used_at IS NULL OR t.last_used_at < now() - make_interval(secs => ?) AS stale
		FROM api_tokens t JOIN users u ON u.id = t.user_id AND u.disabled_at IS NULL
		WHERE t.token_hash = ? AND (t.expires_at IS NULL OR t.expires_at > now())`,
		[]any{touchInterval.Seconds(), hashSecret(token)}
}

// LookupToken returns the principal an API token stands for and records its
// use (at most once a minute). Error codes: unauthorized (unknown or expired
// token, account disabled), internal.
func LookupToken(ctx context.Context, db *gorm.DB, token string) (*Principal, error) {
	if !strings.HasPrefix(token, TokenPrefix) {
		return nil, apperr.New(apperr.Unauthorized, "error.bad_token", nil)
	}
	// One round trip for the token, its user and the user's roles: this
	// runs before every API request, where the three separate queries it
	// used to take were a large share of a short request's time.
	var row struct {
		ID     int64
		UserID int64
		Email  string
		Name   string
		Locale string
		Roles  string
		Stale  bool
	}
	q, args := TokenQuery(token)
	res := db.WithContext(ctx).Raw(q, args...).Scan(&row)
	if res.Error != nil {
		return nil, apperr.Wrap(res.Error, "look up token")
	}
	if res.RowsAffected == 0 { // unknown, expired, or its account disabled
		return nil, apperr.New(apperr.Unauthorized, "error.bad_token", nil)
	}
	u := User{ID: row.UserID, Email: row.Email, Name: row.Name, Locale: row.Locale}
	for r := range strings.SplitSeq(row.Roles, ",") {
		if r != "" {
			u.Roles = append(u.Roles, UserRole{UserID: u.ID, Role: r})
		}
	}
	p := u.principal("", true)
	if row.Stale {
		if err := db.WithContext(ctx).Exec("UPDATE api_tokens SET last_used_at = now() WHERE id = ?", row.ID).Error; err != nil {
			return nil, apperr.Wrap(err, "touch token")
		}
	}
	return p, nil
}
