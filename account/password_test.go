package account_test

import (
	"strings"
	"testing"

	"lector/account"
)

func TestHashAndCheckPassword(t *testing.T) {
	hash, err := account.HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=47104,t=1,p=1$") {
		t.Errorf("hash %q: want argon2id with OWASP's parameters", hash)
	}
	again, _ := account.HashPassword("correct horse")
	if again == hash {
		t.Error("two hashes of one password are equal: no salt")
	}
	tests := []struct {
		password, hash string
		want           bool
	}{
		{"correct horse", hash, true},
		{"correct horse", again, true},
		{"Correct horse", hash, false},
		{"", hash, false},
		{"correct horse", "", false},
		{"correct horse", "$argon2id$garbage", false},
	}
	for _, tt := range tests {
		if got := account.CheckPassword(tt.password, tt.hash); got != tt.want {
			t.Errorf("CheckPassword(%q, %.20q) = %v, want %v", tt.password, tt.hash, got, tt.want)
		}
	}
}

func TestGeneratePassword(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		pw, err := account.GeneratePassword()
		if err != nil {
			t.Fatal(err)
		}
		if len(pw) != 20 {
			t.Fatalf("%q: %d characters, want 20", pw, len(pw))
		}
		if strings.ContainsAny(pw, "0O1lI \"'") {
			t.Fatalf("%q holds a character that is easy to misread", pw)
		}
		if seen[pw] {
			t.Fatalf("%q generated twice", pw)
		}
		seen[pw] = true
	}
}
