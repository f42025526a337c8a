package account

import (
	"crypto/rand"
	"math/big"

	"github.com/alexedwards/argon2id"
)

// hashParams are OWASP's first argon2id choice (46 MiB, one pass, one
// lane): RFC 9106's 64 MiB with three passes took half a second a sign-in
// on a small shared server, which also makes sign-in a cheap way to load
// it. The parameters are stored in each hash, so raising them later keeps
// old hashes valid.
func hashParams() *argon2id.Params {
	return &argon2id.Params{Memory: 46 * 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}
}

// HashPassword returns the argon2id hash of password in the PHC string
// format, salt and parameters included.
func HashPassword(password string) (string, error) {
	return argon2id.CreateHash(password, hashParams())
}

// CheckPassword reports whether password matches hash. A malformed hash (an
// account created without a password) matches nothing.
func CheckPassword(password, hash string) bool {
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}

// passwordAlphabet leaves out characters that are easy to misread or
// mistype: 0 O o 1 l I.
const passwordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// passwordLength gives about 116 bits of entropy with the alphabet above.
const passwordLength = 20

// GeneratePassword returns a random password for a new account.
func GeneratePassword() (string, error) {
	b := make([]byte, passwordLength)
	max := big.NewInt(int64(len(passwordAlphabet)))
	for i := range b {
		n, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", err
		}
		b[i] = passwordAlphabet[n.Int64()]
	}
	return string(b), nil
}
