package account_test

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/database/dbtest"
)

// signIn is Authenticate without a hash pool.
func signIn(db *gorm.DB, email, password, address, device string) (*account.User, error) {
	return account.Authenticate(context.Background(), db, nil,
		account.Credentials{Email: email, Password: password, Address: address, Device: device})
}

func TestAuthenticate(t *testing.T) {
	db := dbtest.New(t)
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	off, offPW := newUser(t, db, "off@example.org", "editor")
	db.Exec("UPDATE users SET disabled_at = now() WHERE id = ?", off.ID)
	tests := []struct {
		name, email, password string
		code                  apperr.Code
	}{
		{"right", "ann@example.org", annPW, ""},
		{"email in other case", " ANN@example.org", annPW, ""},
		{"wrong password", "ann@example.org", annPW + "x", apperr.Unauthorized},
		{"no such account", "nobody@example.org", annPW, apperr.Unauthorized},
		{"empty password", "ann@example.org", "", apperr.Invalid},
		{"empty email", "", annPW, apperr.Invalid},
		{"disabled, right password", "off@example.org", offPW, apperr.Forbidden},
		{"disabled, wrong password", "off@example.org", "nope", apperr.Unauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := signIn(db, tt.email, tt.password, "192.0.2.1", "")
			if got := apperr.CodeOf(err); got != tt.code {
				t.Fatalf("error %v, want code %q", err, tt.code)
			}
			if tt.code == "" && (u.Email != "ann@example.org" || !slices.Equal(u.RoleNames(), []string{"translator"})) {
				t.Errorf("user %+v", u)
			}
		})
	}
}

// throttled checks that err is the throttle's 429 answer and returns
// Retry-After.
func throttled(t *testing.T, err error) int {
	t.Helper()
	e := apperr.As(err)
	if e.Code != apperr.Forbidden || e.Status != 429 || (e.MessageID != "error.sign_in_wait" && e.MessageID != "error.too_many_attempts") {
		t.Fatalf("got %v (status %d), want forbidden with status 429", err, e.Status)
	}
	s, convErr := strconv.Atoi(e.Header["Retry-After"])
	if convErr != nil || s < 1 || s > int(account.MaxDelay.Seconds()) {
		t.Fatalf("Retry-After %q, want 1..%v", e.Header["Retry-After"], account.MaxDelay)
	}
	return s
}

// age moves every recorded attempt d into the past, as if d had passed.
func age(t *testing.T, db *gorm.DB, d time.Duration) {
	t.Helper()
	if err := db.Exec("UPDATE login_attempts SET at = at - make_interval(secs => ?)", d.Seconds()).Error; err != nil {
		t.Fatal(err)
	}
}

// An attacker who waits out each delay gets a longer one every time, up to
// MaxDelay; during a delay even the right password waits (without a known
// device), and a refused attempt does not lengthen it.
func TestThrottleDelaysGrow(t *testing.T) {
	db := dbtest.New(t)
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	var delays []int
	for range 3 + 2*11 { // free failures, then a refusal and a failure per delay
		_, err := signIn(db, "ann@example.org", "guess", "192.0.2.1", "")
		if apperr.CodeOf(err) == apperr.Unauthorized {
			continue
		}
		wait := throttled(t, err)
		delays = append(delays, wait)
		// Again at once, with the right password from elsewhere: the same
		// wait, less the time that passed.
		_, err = signIn(db, "ann@example.org", annPW, "198.51.100.7", "")
		if again := throttled(t, err); again > wait || again < wait-1 {
			t.Fatalf("right password during a %d s delay: Retry-After %d", wait, again)
		}
		age(t, db, time.Duration(wait)*time.Second)
	}
	// Three free failures, then 2 s doubling to the 900 s ceiling. Retry-After
	// is what is left of the delay in whole seconds: a loaded machine may
	// let a second pass between the attempt and its answer.
	want := []int{2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900}
	ok := len(delays) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = delays[i] <= want[i] && delays[i] >= want[i]-1
	}
	if !ok {
		t.Errorf("delays %v, want %v (each at most a second less)", delays, want)
	}
}

// Five wrong passwords from address A do not keep the owner out: from B,
// with the cookie of a browser that signed in before, the right password is
// accepted, and the attacker's delay goes on.
func TestKnownDevicePassesAccountThrottle(t *testing.T) {
	db := dbtest.New(t)
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	_, bobPW := newUser(t, db, "bob@example.org", "translator")
	ann, err := signIn(db, "ann@example.org", annPW, "198.51.100.7", "")
	if err != nil {
		t.Fatal(err)
	}
	device := account.DeviceToken(ann)
	bob, err := signIn(db, "bob@example.org", bobPW, "198.51.100.7", "")
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		signIn(db, "ann@example.org", "guess", "192.0.2.1", "")
	}
	for _, c := range []struct {
		name, password, device string
		wantErr                bool
	}{
		{"no cookie", annPW, "", true},
		{"another account's cookie", annPW, account.DeviceToken(bob), true},
		{"forged cookie", annPW, device[:len(device)-2] + "AA", true},
		{"known device, wrong password", "guess", device, true},
		{"known device", annPW, device, false},
	} {
		_, err := signIn(db, "ann@example.org", c.password, "198.51.100.7", c.device)
		if (err != nil) != c.wantErr {
			t.Errorf("%s: error %v, want error %v", c.name, err, c.wantErr)
		}
	}
	_, err = signIn(db, "ann@example.org", "guess", "192.0.2.1", "")
	throttled(t, err)
}

// An administrator's reset lifts the account's throttle at once.
func TestLiftThrottle(t *testing.T) {
	db := dbtest.New(t)
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	seedFailures(t, db, "ann@example.org", "192.0.2.1", 8)
	_, err := signIn(db, "ann@example.org", annPW, "198.51.100.7", "")
	throttled(t, err)
	if n, err := account.LiftThrottle(context.Background(), db, " Ann@example.org"); err != nil || n != 8 {
		t.Fatalf("LiftThrottle: %d, %v; want 8 attempts forgotten", n, err)
	}
	if _, err := signIn(db, "ann@example.org", annPW, "198.51.100.7", ""); err != nil {
		t.Fatal(err)
	}
}

// seedFailures stores n failed attempts as if they had just happened.
func seedFailures(t *testing.T, db *gorm.DB, email, address string, n int) {
	t.Helper()
	if err := db.Exec("INSERT INTO login_attempts (email, address) SELECT ?, ? FROM generate_series(1, ?)", email, address, n).Error; err != nil {
		t.Fatal(err)
	}
}

// Failures on many accounts from one address slow that address, known
// device or not, and nobody else.
func TestThrottlePerAddress(t *testing.T) {
	db := dbtest.New(t)
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	ann, err := signIn(db, "ann@example.org", annPW, "192.0.2.1", "")
	if err != nil {
		t.Fatal(err)
	}
	for i := range account.FreeFailuresPerAddress - 1 {
		seedFailures(t, db, "guess"+strconv.Itoa(i)+"@example.org", "203.0.113.9", 1)
	}
	if _, err := signIn(db, "last@example.org", "x", "203.0.113.9", ""); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("last free failure: %v", err)
	}
	_, err = signIn(db, "ann@example.org", annPW, "203.0.113.9", account.DeviceToken(ann))
	throttled(t, err)
	if _, err := signIn(db, "ann@example.org", annPW, "192.0.2.1", ""); err != nil {
		t.Fatalf("from another address: %v", err)
	}
}

// A success clears the account's own failures and nobody else's, so that an
// attacker cannot reset a victim's count by signing into their own account.
func TestSuccessResetsOnlyItsAccount(t *testing.T) {
	db := dbtest.New(t)
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	_, bobPW := newUser(t, db, "bob@example.org", "translator")
	seedFailures(t, db, "ann@example.org", "192.0.2.1", account.FreeFailuresPerAccount-1)
	seedFailures(t, db, "bob@example.org", "192.0.2.1", account.FreeFailuresPerAccount)
	if _, err := signIn(db, "ann@example.org", annPW, "192.0.2.1", ""); err != nil {
		t.Fatal(err)
	}
	_, err := signIn(db, "bob@example.org", bobPW, "192.0.2.1", "")
	throttled(t, err)
	var left int64
	db.Raw("SELECT count(*) FROM login_attempts WHERE email = 'ann@example.org'").Scan(&left)
	if left != 0 {
		t.Errorf("%d failures of ann left after her sign-in, want 0", left)
	}
	seedFailures(t, db, "ann@example.org", "192.0.2.1", account.FreeFailuresPerAccount-1)
	if _, err := signIn(db, "ann@example.org", annPW, "192.0.2.1", ""); err != nil {
		t.Fatal(err)
	}
}

// Concurrent guesses cannot slip past the free failures: each attempt is
// recorded before the count.
func TestThrottleUnderConcurrency(t *testing.T) {
	db := dbtest.New(t)
	newUser(t, db, "ann@example.org", "translator")
	const n = 10
	codes := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			_, codes[i] = signIn(db, "ann@example.org", "guess"+strconv.Itoa(i), "192.0.2."+strconv.Itoa(i), "")
		})
	}
	wg.Wait()
	checked := 0
	for _, err := range codes {
		switch e := apperr.As(err); {
		case e.Code == apperr.Unauthorized:
			checked++
		case e.Status == 429:
		default:
			t.Errorf("unexpected %v", err)
		}
	}
	if checked > account.FreeFailuresPerAccount {
		t.Errorf("%d of %d concurrent guesses were checked, want at most %d", checked, n, account.FreeFailuresPerAccount)
	}
}
