package account

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net"
	"slices"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-jose/go-jose/v4"

	"lector/apperr"
	"lector/config"
)

// TestVerifyIDToken checks hand-signed ID tokens against a test key: the
// checks that the end-to-end tests cannot make a real provider fail.
func TestVerifyIDToken(t *testing.T) {
	const issuer = "https://id.example/realms/news"
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	o, err := NewOIDC(OIDCSettings{Issuer: issuer, ClientID: "lector", Name: "Newsroom ID",
		RoleMap: "eds=editor, admins=admin, admins=glossary"})
	if err != nil {
		t.Fatal(err)
	}
	v := oidc.NewVerifier(issuer, &oidc.StaticKeySet{PublicKeys: []crypto.PublicKey{&key.PublicKey}}, &oidc.Config{ClientID: "lector"})
	now := time.Now()
	good := func() map[string]any {
		return map[string]any{"iss": issuer, "sub": "u-1", "aud": "lector", "exp": now.Add(time.Minute).Unix(),
			"iat": now.Unix(), "nonce": "n-1", "email": "Ann@Example.org", "email_verified": true, "name": "Ann",
			"groups": []string{"eds", "admins", "staff"}}
	}
	tests := []struct {
		name   string
		edit   func(map[string]any)
		signer *rsa.PrivateKey
		msg    string // error message id; "" accepts
		roles  []string
	}{
		{name: "valid", roles: []string{RoleEditor, RoleGlossary, RoleAdmin}},
		{name: "one group as a string", edit: func(c map[string]any) { c["groups"] = "eds" }, roles: []string{RoleEditor}},
		{name: "no group maps to a role", edit: func(c map[string]any) { c["groups"] = []string{"staff"} }},
		{name: "wrong issuer", edit: func(c map[string]any) { c["iss"] = "https://evil.example" }, msg: "error.oidc_wrong_issuer"},
		{name: "expired", edit: func(c map[string]any) { c["exp"] = now.Add(-time.Minute).Unix() }, msg: "error.oidc_expired"},
		{name: "for another client", edit: func(c map[string]any) { c["aud"] = "wiki" }, msg: "error.oidc_bad_token"},
		{name: "another sign-in's nonce", edit: func(c map[string]any) { c["nonce"] = "n-2" }, msg: "error.oidc_bad_token"},
		{name: "no nonce", edit: func(c map[string]any) { delete(c, "nonce") }, msg: "error.oidc_bad_token"},
		{name: "signed by another key", signer: other, msg: "error.oidc_bad_token"},
		{name: "no email", edit: func(c map[string]any) { delete(c, "email") }, msg: "error.oidc_missing_claim"},
		{name: "no groups", edit: func(c map[string]any) { delete(c, "groups") }, msg: "error.oidc_missing_claim"},
		{name: "groups not strings", edit: func(c map[string]any) { c["groups"] = []any{1, 2} }, msg: "error.oidc_missing_claim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good()
			if tt.edit != nil {
				tt.edit(c)
			}
			signer := key
			if tt.signer != nil {
				signer = tt.signer
			}
			claims, err := o.verify(context.Background(), v, sign(t, signer, c), "n-1")
			var id *Identity
			if err == nil {
				id, err = o.identity(claims)
			}
			if tt.msg != "" {
				if e := apperr.As(err); err == nil || e.MessageID != tt.msg || e.Code == apperr.Internal {
					t.Fatalf("got %v, want %s", err, tt.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := Identity{Issuer: issuer, Subject: "u-1", Email: "ann@example.org", EmailVerified: true, Name: "Ann", Roles: tt.roles}
			if id.Subject != want.Subject || id.Email != want.Email || id.Issuer != want.Issuer || !id.EmailVerified ||
				id.Name != want.Name || !slices.Equal(id.Roles, want.Roles) {
				t.Errorf("got %+v, want %+v", *id, want)
			}
		})
	}
}

func TestNewOIDCRefusesUnknownRoles(t *testing.T) {
	for _, m := range []string{"eds=editors", "eds=editor,x=root", "eds"} {
		if _, err := NewOIDC(OIDCSettings{Issuer: "https://id.example", ClientID: "c", RoleMap: m}); err == nil {
			t.Errorf("NewOIDC accepted the role map %q", m)
		}
	}
}

func sign(t *testing.T, key *rsa.PrivateKey, claims map[string]any) string {
	t.Helper()
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		t.Fatal(err)
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	jws, err := s.Sign(payload)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := jws.CompactSerialize()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestProviderUnreachable: a provider that does not answer is no
// configuration error of Lector's but a moment to wait: 503, and the next
// sign-in asks again.
func TestProviderUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	issuer := "http://" + ln.Addr().String()
	ln.Close()
	o, err := NewOIDC(OIDCSettings{Issuer: issuer, ClientID: "lector", Name: "Newsroom ID"})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		_, err := o.AuthURL(context.Background(), "state", &OIDCLogin{Nonce: "n", CodeVerifier: "v"})
		if e := apperr.As(err); e.Code != apperr.Unavailable || e.MessageID != "error.oidc_unreachable" || e.Header["Retry-After"] == "" {
			t.Fatalf("got %v, want unavailable with Retry-After", err)
		}
		if o.provider != nil {
			t.Fatal("a failed discovery was kept")
		}
	}
}

func TestConfigKnowsEveryRole(t *testing.T) {
	if !slices.Equal(config.Roles(), AllRoles()) {
		t.Errorf("config.Roles() = %v, want account's %v", config.Roles(), AllRoles())
	}
}
