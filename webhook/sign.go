package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
)

// secretPrefix marks a Standard Webhooks secret: base64 after it.
const secretPrefix = "whsec_"

// signingKey is the HMAC key of secret: the bytes base64 encodes after a
// "whsec_" prefix, else the secret's own bytes.
func signingKey(secret string) ([]byte, error) {
	if rest, ok := strings.CutPrefix(secret, secretPrefix); ok {
		return base64.StdEncoding.DecodeString(rest)
	}
	return []byte(secret), nil
}

// Sign is the webhook-signature header of a delivery (Standard Webhooks):
// "v1," and the base64 of HMAC-SHA256 over "id.timestamp.body".
func Sign(secret, id string, timestamp int64, body []byte) (string, error) {
	key, err := signingKey(secret)
	if err != nil {
		return "", err
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + strconv.FormatInt(timestamp, 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}
