package account

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
)

const (
	// SessionCookie holds the session's secret; the sessions table keeps
	// only its SHA-256.
	SessionCookie = "lector_session"
	// SessionLifetime is the absolute limit: a session ends this long after
	// sign-in, however active.
	SessionLifetime = 7 * 24 * time.Hour
	// SessionIdle ends a session nobody used for this long.
	SessionIdle = 12 * time.Hour
	// touchInterval bounds writes: last_seen_at moves at most once a minute
	// per session, not on every request.
	touchInterval = time.Minute
	maxUserAgent  = 512
)

// CreateSession signs userID in from a browser and returns the cookie value
// (shown to the browser once, stored hashed) and the session. For the
// sign-in handler, after Authenticate. Error codes: internal.
func CreateSession(ctx context.Context, db *gorm.DB, userID int64, address, userAgent string) (string, *Session, error) {
	token := newSecret()
	if len(userAgent) > maxUserAgent {
		userAgent = userAgent[:maxUserAgent]
	}
	var s Session
	// Times come from the database clock, the one every lector process
	// shares, as in LookupSession.
	err := db.WithContext(ctx).Raw(`INSERT INTO sessions (id, user_id, csrf_token, expires_at, address, user_agent)
		VALUES (?, ?, ?, now() + make_interval(secs => ?), ?, ?) RETURNING *`,
		hashSecret(token), userID, newSecret(), SessionLifetime.Seconds(), address, userAgent).Scan(&s).Error
	if err != nil {
		return "", nil, apperr.Wrap(err, "create session")
	}
	return token, &s, nil
}

// LookupSession returns the principal of the session whose cookie value is
// token, and marks the session used. Error codes: unauthorized (no such
// session, expired, idle too long, account disabled), internal.
func LookupSession(ctx context.Context, db *gorm.DB, token string) (*Principal, error) {
	if token == "" {
		return nil, apperr.New(apperr.Unauthorized, "error.session_expired", nil)
	}
	var row struct {
		Session
		Stale bool
	}
	res := db.WithContext(ctx).Raw(`SELECT *, last_seen_at < now() - make_interval(secs => ?) AS stale FROM sessions
		WHERE id = ? AND expires_at > now() AND last_seen_at > now() - make_interval(secs => ?)`,
		touchInterval.Seconds(), hashSecret(token), SessionIdle.Seconds()).Scan(&row)
	if res.Error != nil {
		return nil, apperr.Wrap(res.Error, "look up session")
	}
	if res.RowsAffected == 0 {
		return nil, apperr.New(apperr.Unauthorized, "error.session_expired", nil)
	}
	p, err := principalOf(ctx, db, row.UserID, row.CSRFToken, false, "error.session_expired")
	if err != nil {
		return nil, err
	}
	if row.Stale {
		if err := db.WithContext(ctx).Exec("UPDATE sessions SET last_seen_at = now() WHERE id = ?", row.ID).Error; err != nil {
			return nil, apperr.Wrap(err, "touch session")
		}
	}
	return p, nil
}

// DeleteSession ends the session whose cookie value is token (sign-out). An
// unknown token is no error. Error codes: internal.
func DeleteSession(ctx context.Context, db *gorm.DB, token string) error {
	if err := db.WithContext(ctx).Where("id = ?", hashSecret(token)).Delete(&Session{}).Error; err != nil {
		return apperr.Wrap(err, "delete session")
	}
	return nil
}

// PurgeExpired deletes ended sessions and failed sign-in attempts too old
// to count, and returns how many rows went. Any process may run it at any
// time. Error codes: internal.
func PurgeExpired(ctx context.Context, db *gorm.DB) (int64, error) {
	s := db.WithContext(ctx).Exec("DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => ?)",
		SessionIdle.Seconds())
	if s.Error != nil {
		return 0, apperr.Wrap(s.Error, "purge sessions")
	}
	a := db.WithContext(ctx).Exec("DELETE FROM login_attempts WHERE at <= now() - make_interval(secs => ?)", LoginWindow.Seconds())
	if a.Error != nil {
		return 0, apperr.Wrap(a.Error, "purge login attempts")
	}
	return s.RowsAffected + a.RowsAffected, nil
}

// principalOf loads an enabled user with roles as a request principal.
// Error codes: unauthorized with message notFound (no such user, or
// disabled), internal.
func principalOf(ctx context.Context, db *gorm.DB, userID int64, csrfToken string, viaToken bool, notFound string) (*Principal, error) {
	var u User
	err := db.WithContext(ctx).Preload("Roles").Where("id = ? AND disabled_at IS NULL", userID).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.New(apperr.Unauthorized, notFound, nil)
	}
	if err != nil {
		return nil, apperr.Wrap(err, "load user")
	}
	return u.principal(csrfToken, viaToken), nil
}
