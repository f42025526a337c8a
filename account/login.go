package account

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
)

// Sign-in limits: failed attempts within LoginWindow, per account (the
// email as typed) and per client address. Past either, sign-in answers 429
// until enough failures leave the window.
const (
	LoginWindow           = 15 * time.Minute
	MaxFailuresPerAccount = 5
	MaxFailuresPerAddress = 20
)

// dummyHash is checked when no account has the email, so that a wrong email
// costs as much time as a wrong password and timing does not reveal which
// accounts exist. Same parameters as hashParams; nobody knows its password.
const dummyHash = "$argon2id$v=19$m=47104,t=1,p=1$SZaHQSAWGC3+uFhLUokhRQ$YyFxqg3x96hhTL1PgDmvtz6RUpOue6NwUUjPIkz8L7I"

// Authenticate checks an email and password from address (the client's IP)
// and returns the user with roles. Failures are recorded in login_attempts;
// a success clears that account's failures only. Error codes: invalid
// (email or password empty), unauthorized (wrong email or password),
// forbidden (account disabled; or, with Status 429 and a Retry-After
// header, too many failures), internal.
func Authenticate(ctx context.Context, db *gorm.DB, email, password, address string) (*User, error) {
	email = NormalizeEmail(email)
	if email == "" || password == "" {
		return nil, apperr.New(apperr.Invalid, "error.credentials_required", nil)
	}
	// The attempt is recorded before the limit is checked, so that of many
	// concurrent attempts each counts the others and at most the limit get
	// through: no lock is needed. It is removed again if the limit refuses
	// it, so that waiting out the limit is enough to end it.
	var attempt int64
	if err := db.WithContext(ctx).Raw("INSERT INTO login_attempts (email, address) VALUES (?, ?) RETURNING id", email, address).
		Scan(&attempt).Error; err != nil {
		return nil, apperr.Wrap(err, "record sign-in attempt")
	}
	wait, err := loginWait(ctx, db, attempt, email, address)
	if err != nil {
		return nil, err
	}
	if wait > 0 {
		if err := db.WithContext(ctx).Exec("DELETE FROM login_attempts WHERE id = ?", attempt).Error; err != nil {
			return nil, apperr.Wrap(err, "forget refused sign-in attempt")
		}
		return nil, tooManyAttempts(wait)
	}
	var u User
	res := db.WithContext(ctx).Preload("Roles").Where("email = ?", email).Limit(1).Find(&u)
	if res.Error != nil {
		return nil, apperr.Wrap(res.Error, "load user")
	}
	hash := u.PasswordHash
	if res.RowsAffected == 0 {
		hash = dummyHash
	}
	if !CheckPassword(password, hash) || res.RowsAffected == 0 {
		return nil, apperr.New(apperr.Unauthorized, "error.bad_credentials", nil)
	}
	if u.DisabledAt != nil {
		return nil, apperr.New(apperr.Forbidden, "error.account_disabled", nil)
	}
	if err := db.WithContext(ctx).Exec("DELETE FROM login_attempts WHERE email = ?", email).Error; err != nil {
		return nil, apperr.Wrap(err, "clear sign-in attempts")
	}
	return &u, nil
}

// loginWait returns how long, in whole seconds, until the account and the
// address are both under their limits again, not counting attempt itself;
// zero when they are now.
func loginWait(ctx context.Context, db *gorm.DB, attempt int64, email, address string) (int64, error) {
	// The limit is reached while the limit-th most recent failure is in the
	// window; it leaves the window at its time plus the window.
	const nth = `coalesce((SELECT ceil(extract(epoch FROM at + make_interval(secs => @window) - now()))
		FROM login_attempts WHERE %s AND id <> @attempt AND at > now() - make_interval(secs => @window)
		ORDER BY at DESC OFFSET %d LIMIT 1), 0)`
	q := "SELECT greatest(" + fmt.Sprintf(nth, "email = @email", MaxFailuresPerAccount-1) + ", " +
		fmt.Sprintf(nth, "address = @address AND @address <> ''", MaxFailuresPerAddress-1) + ")::bigint"
	var wait int64
	err := db.WithContext(ctx).Raw(q, map[string]any{"window": LoginWindow.Seconds(), "attempt": attempt,
		"email": email, "address": address}).Scan(&wait).Error
	if err != nil {
		return 0, apperr.Wrap(err, "count sign-in attempts")
	}
	return wait, nil
}

// tooManyAttempts is the rate limit's answer. The API contract has no code
// for it, so it is forbidden with HTTP status 429.
func tooManyAttempts(wait int64) *apperr.Error {
	e := apperr.New(apperr.Forbidden, "error.too_many_attempts", map[string]any{"Minutes": (wait + 59) / 60})
	e.Status = http.StatusTooManyRequests
	e.Header = map[string]string{"Retry-After": strconv.FormatInt(wait, 10)}
	return e
}
