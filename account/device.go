package account

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// A known-device cookie marks a browser that has signed into an account:
// the right password from it is accepted while a stranger's failures
// throttle the account, so that guessing cannot lock the owner out.
const (
	deviceCookie   = "lector_device"
	deviceLifetime = 90 * 24 * time.Hour
)

// deviceToken returns the cookie value naming u's device until exp. It is
// signed with u's password hash, a secret every process shares and no
// browser sees; a new password makes earlier cookies worthless.
func deviceToken(u *User, exp time.Time) string {
	payload := strconv.FormatInt(u.ID, 10) + "." + strconv.FormatInt(exp.Unix(), 10)
	return payload + "." + base64.RawURLEncoding.EncodeToString(deviceMAC(u, payload))
}

// knownDevice reports whether token is a valid device cookie of u at now.
func knownDevice(u *User, token string, now time.Time) bool {
	i := strings.LastIndexByte(token, '.')
	if i < 0 || u.PasswordHash == "" {
		return false
	}
	payload := token[:i]
	mac, err := base64.RawURLEncoding.DecodeString(token[i+1:])
	if err != nil || !hmac.Equal(mac, deviceMAC(u, payload)) {
		return false
	}
	id, expStr, _ := strings.Cut(payload, ".")
	exp, err := strconv.ParseInt(expStr, 10, 64)
	return err == nil && id == strconv.FormatInt(u.ID, 10) && now.Unix() < exp
}

func deviceMAC(u *User, payload string) []byte {
	m := hmac.New(sha256.New, []byte("lector device\x00"+u.PasswordHash))
	m.Write([]byte(payload))
	return m.Sum(nil)
}
