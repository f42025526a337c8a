package account

import (
	"context"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
)

// dummyHash is checked when no account has the email, so that a wrong email
// costs as much time as a wrong password and timing does not reveal which
// accounts exist. Same parameters as hashParams; nobody knows its password.
const dummyHash = "$argon2id$v=19$m=47104,t=1,p=1$SZaHQSAWGC3+uFhLUokhRQ$YyFxqg3x96hhTL1PgDmvtz6RUpOue6NwUUjPIkz8L7I"

// Credentials are one sign-in attempt.
type Credentials struct {
	Email, Password string
	// Address is the client's IP; empty (the command line) is not
	// throttled per address.
	Address string
	// Device is the known-device cookie the browser sent, if any.
	Device string
}

// Authenticate checks c and returns the user with roles. Failures are
// recorded in login_attempts and slow further attempts on the account and
// from the address (throttle.go); the right password from a device that
// signed into the account before passes the account's throttle. Hashing
// runs in hashes (nil: unbounded). Error codes: invalid (email or password
// empty), unauthorized (wrong email or password), forbidden (account
// disabled; or, with Status 429 and a Retry-After header, throttled or
// every hash slot busy), internal.
func Authenticate(ctx context.Context, db *gorm.DB, hashes *HashPool, c Credentials) (*User, error) {
	email := NormalizeEmail(c.Email)
	if email == "" || c.Password == "" {
		return nil, apperr.New(apperr.Invalid, "error.credentials_required", nil)
	}
	// The attempt is recorded before the throttle is checked, so that of
	// many concurrent attempts each counts the others: no lock is needed.
	// It is removed again if refused unchecked, so that waiting out the
	// delay is enough to end it.
	var attempt int64
	if err := db.WithContext(ctx).Raw("INSERT INTO login_attempts (email, address) VALUES (?, ?) RETURNING id", email, c.Address).
		Scan(&attempt).Error; err != nil {
		return nil, apperr.Wrap(err, "record sign-in attempt")
	}
	forget := func(err error) error {
		if dErr := db.WithContext(context.WithoutCancel(ctx)).Exec("DELETE FROM login_attempts WHERE id = ?", attempt).Error; dErr != nil {
			return apperr.Wrap(dErr, "forget refused sign-in attempt")
		}
		return err
	}
	var u User
	res := db.WithContext(ctx).Preload("Roles").Where("email = ?", email).Limit(1).Find(&u)
	if res.Error != nil {
		return nil, forget(apperr.Wrap(res.Error, "load user"))
	}
	found := res.RowsAffected > 0
	known := found && knownDevice(&u, c.Device, time.Now())
	w, err := loginWait(ctx, db, attempt, email, c.Address)
	if err != nil {
		return nil, forget(err)
	}
	// A known device answers to the address's throttle alone.
	wait := w.address
	if !known {
		wait = max(wait, w.account)
	}
	if wait > 0 {
		return nil, forget(throttled(wait))
	}
	hash := u.PasswordHash
	if !found {
		hash = dummyHash
	}
	ok, err := hashes.Check(ctx, c.Password, hash)
	if err != nil {
		return nil, forget(err)
	}
	if !ok || !found {
		return nil, apperr.New(apperr.Unauthorized, "error.bad_credentials", nil)
	}
	if u.DisabledAt != nil {
		return nil, apperr.New(apperr.Forbidden, "error.account_disabled", nil)
	}
	// The owner's sign-in ends the account's throttle, unless it passed by
	// its device: then the stranger's failures keep slowing the stranger.
	clear := db.WithContext(ctx).Where("email = ?", email)
	if w.account > 0 {
		clear = db.WithContext(ctx).Where("id = ?", attempt)
	}
	if err := clear.Delete(&LoginAttempt{}).Error; err != nil {
		return nil, apperr.Wrap(err, "clear sign-in attempts")
	}
	return &u, nil
}

// DeviceToken returns a new known-device cookie value for u, valid for
// 90 days, to set after a successful sign-in.
func DeviceToken(u *User) string { return deviceToken(u, time.Now().Add(deviceLifetime)) }
