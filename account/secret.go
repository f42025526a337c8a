package account

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
)

// newSecret returns 32 random bytes, URL-safe base64 encoded: session
// cookies, CSRF tokens and API tokens.
func newSecret() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand, Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashSecret is how session and token secrets are stored: a database leak
// then yields nothing that signs in. SHA-256 suffices for 256-bit random
// secrets; passwords, which people choose, get argon2id.
func hashSecret(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// sameSecret compares in constant time, so response timing tells nothing
// about how much of a guessed token was right.
func sameSecret(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
