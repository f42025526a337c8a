package account

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
)

// Sign-in throttling. Failed attempts within LoginWindow are counted per
// account (the email as typed) and per client address. The first few are
// free; each one after makes the next attempt wait twice as long as the
// one before, from FirstDelay up to MaxDelay after the latest failure. A
// refused attempt is answered at once with 429 and Retry-After, and counts
// for nothing. Nothing locks an account: the delay ends by itself, a
// device that signed into the account before passes the account's delay,
// and LiftThrottle (lector user unlock) ends it.
const (
	LoginWindow            = time.Hour
	FreeFailuresPerAccount = 3
	FreeFailuresPerAddress = 10
	FirstDelay             = 2 * time.Second
	MaxDelay               = 15 * time.Minute
)

// loginDelay is the wait after the latest of failures failures, free of
// them free.
func loginDelay(failures, free int) time.Duration {
	if failures < free {
		return 0
	}
	if n := failures - free; n < 20 {
		return min(FirstDelay<<n, MaxDelay)
	}
	return MaxDelay
}

// waits are the seconds until the account's and the address's throttles
// let an attempt through; zero: now.
type waits struct{ account, address int64 }

// loginWait returns the throttles' waits, not counting attempt itself.
func loginWait(ctx context.Context, db *gorm.DB, attempt int64, email, address string) (waits, error) {
	var rows []struct {
		Scope    string
		Failures int
		Age      float64 // seconds since the latest failure
	}
	err := db.WithContext(ctx).Raw(`
SELECT scope, count(*) AS failures, coalesce(extract(epoch FROM now() - max(at)), 0) AS age
FROM (SELECT 'account' AS scope, at FROM login_attempts WHERE email = @email AND id <> @attempt AND at > now() - make_interval(secs => @window)
      UNION ALL
      SELECT 'address', at FROM login_attempts WHERE address = @address AND @address <> '' AND id <> @attempt AND at > now() - make_interval(secs => @window)) f
GROUP BY scope`, map[string]any{"window": LoginWindow.Seconds(), "attempt": attempt, "email": email, "address": address}).
		Scan(&rows).Error
	if err != nil {
		return waits{}, apperr.Wrap(err, "count sign-in attempts")
	}
	var w waits
	for _, r := range rows {
		free, into := FreeFailuresPerAccount, &w.account
		if r.Scope == "address" {
			free, into = FreeFailuresPerAddress, &w.address
		}
		if left := loginDelay(r.Failures, free).Seconds() - r.Age; left > 0 {
			*into = int64(math.Ceil(left))
		}
	}
	return w, nil
}

// throttled is the throttle's answer. The API contract has no code for it,
// so it is forbidden with HTTP status 429.
func throttled(wait int64) *apperr.Error {
	e := apperr.New(apperr.Forbidden, "error.sign_in_wait", map[string]any{"Seconds": wait})
	if wait >= 120 {
		e = apperr.New(apperr.Forbidden, "error.too_many_attempts", map[string]any{"Minutes": (wait + 59) / 60})
	}
	e.Status = http.StatusTooManyRequests
	e.Header = map[string]string{"Retry-After": strconv.FormatInt(wait, 10)}
	return e
}

// LiftThrottle forgets the failed sign-ins on the account with email, so
// that its owner may sign in at once from anywhere (an administrator's
// reset). It leaves addresses' throttles alone. Error codes: internal.
func LiftThrottle(ctx context.Context, db *gorm.DB, email string) (int64, error) {
	res := db.WithContext(ctx).Where("email = ?", NormalizeEmail(email)).Delete(&LoginAttempt{})
	if res.Error != nil {
		return 0, apperr.Wrap(res.Error, "lift sign-in throttle")
	}
	return res.RowsAffected, nil
}
