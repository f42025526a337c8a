package account

import (
	"crypto/rand"
	"math/big"

	"github.com/alexedwards/argon2id"
)

// hashParams follow RFC 9106's second recommended option (64 MiB, three
// passes), with two lanes so that one sign-in does not take every core.
var hashParams = argon2id.Params{Memory: 64 * 1024, Iterations: 3, Parallelism: 2, SaltLength: 16, KeyLength: 32}

// HashPassword returns the argon2id hash of password in the PHC string
// format, salt and parameters included.
func HashPassword(password string) (string, error) {
	p := hashParams
	return argon2id.CreateHash(password, &p)
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
