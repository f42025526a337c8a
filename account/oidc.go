package account

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"lector/apperr"
	"lector/config"
)

// OIDCSettings configure sign-in through an OpenID Provider.
type OIDCSettings struct {
	Issuer, ClientID, ClientSecret string
	// RedirectURL is Lector's callback as the provider knows it
	// (config.OIDC.RedirectURL).
	RedirectURL string
	// Name is the provider's name on the sign-in button.
	Name string
	// RolesClaim names the claim listing the person's groups; RoleMap
	// maps groups to roles ("group=role,group=role").
	RolesClaim, RoleMap string
}

// discoveryTimeout bounds each call to the provider: its discovery
// document, keys, token and userinfo endpoints.
const discoveryTimeout = 10 * time.Second

// OIDC signs people in through one OpenID Provider: the authorization code
// flow with PKCE (S256), a state (oidcLogin) and a nonce.
type OIDC struct {
	s      OIDCSettings
	grants map[string][]string // group -> roles
	client *http.Client

	mu       sync.Mutex
	provider *oidc.Provider // nil until discovered
}

// NewOIDC checks s and returns the sign-in it configures. It does not call
// the provider: discovery happens at the first sign-in, and again after a
// failed one, so that Lector starts while the provider is down. Error:
// the role map names a role that does not exist.
func NewOIDC(s OIDCSettings) (*OIDC, error) {
	pairs, err := config.ParseRoleMap(s.RoleMap)
	if err != nil {
		return nil, err
	}
	grants := map[string][]string{}
	for _, p := range pairs {
		if _, err := ValidateRoles([]string{p.Role}); err != nil {
			return nil, errors.New("LECTOR_OIDC_ROLE_MAP: group " + p.Group + ": no role " + p.Role + " (roles: " + strings.Join(AllRoles(), ", ") + ")")
		}
		grants[p.Group] = append(grants[p.Group], p.Role)
	}
	if s.RolesClaim == "" {
		s.RolesClaim = config.DefaultRolesClaim
	}
	return &OIDC{s: s, grants: grants, client: &http.Client{Timeout: discoveryTimeout}}, nil
}

// Name is the provider's name on the sign-in button.
func (o *OIDC) Name() string { return o.s.Name }

// refusal is an error of the provider's answer (messageID), naming the
// provider.
func (o *OIDC) refusal(messageID string, cause error) *apperr.Error {
	return &apperr.Error{Code: apperr.Unauthorized, MessageID: messageID, Data: map[string]any{"Provider": o.s.Name}, Cause: cause}
}

// unreachable is the provider not answering: the client may try again
// after 30 seconds.
func (o *OIDC) unreachable(cause error) *apperr.Error {
	return &apperr.Error{Code: apperr.Unavailable, MessageID: "error.oidc_unreachable",
		Data: map[string]any{"Provider": o.s.Name}, Cause: cause, Header: map[string]string{"Retry-After": "30"}}
}

// ctx carries the HTTP client go-oidc and oauth2 use. The provider keeps
// the client, not ctx's deadline: its key set outlives the request.
func (o *OIDC) ctx(ctx context.Context) context.Context {
	return oidc.ClientContext(context.WithoutCancel(ctx), o.client)
}

// discover returns the provider, fetching its discovery document the first
// time. Error codes: unauthorized (the document names another issuer: a
// provider Lector does not trust), unavailable (unreachable).
func (o *OIDC) discover(ctx context.Context) (*oidc.Provider, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.provider != nil {
		return o.provider, nil
	}
	ctx, cancel := context.WithTimeout(o.ctx(ctx), discoveryTimeout)
	defer cancel()
	p, err := oidc.NewProvider(ctx, o.s.Issuer)
	var mismatch *oidc.IssuerMismatchError
	switch {
	case errors.As(err, &mismatch):
		return nil, o.refusal("error.oidc_wrong_issuer", err)
	case err != nil:
		return nil, o.unreachable(err)
	}
	o.provider = p
	return p, nil
}

func (o *OIDC) oauth(p *oidc.Provider) *oauth2.Config {
	return &oauth2.Config{ClientID: o.s.ClientID, ClientSecret: o.s.ClientSecret, RedirectURL: o.s.RedirectURL,
		Endpoint: p.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "email", "profile"}}
}

// AuthURL is where the browser goes to sign in at the provider for l.
// Error codes: those of discover.
func (o *OIDC) AuthURL(ctx context.Context, state string, l *OIDCLogin) (string, error) {
	p, err := o.discover(ctx)
	if err != nil {
		return "", err
	}
	return o.oauth(p).AuthCodeURL(state, oidc.Nonce(l.Nonce), oauth2.S256ChallengeOption(l.CodeVerifier)), nil
}

// Identity is who the provider says signed in, with the roles the role
// map gives their groups.
type Identity struct {
	Issuer, Subject string
	Email           string
	EmailVerified   bool
	Name            string
	Roles           []string // in AllRoles order; empty: no group maps to a role
}

// Exchange trades the code for tokens, checks the ID token (signature,
// issuer, audience, expiry, nonce) and reads the identity from its claims,
// and from the userinfo endpoint for those the token leaves out. Error
// codes: unauthorized (the provider refused the code; a token that is not
// valid, from another issuer or expired), forbidden (a claim is missing),
// unavailable.
func (o *OIDC) Exchange(ctx context.Context, code string, l *OIDCLogin) (*Identity, error) {
	p, err := o.discover(ctx)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(o.ctx(ctx), discoveryTimeout)
	defer cancel()
	tok, err := o.oauth(p).Exchange(ctx, code, oauth2.VerifierOption(l.CodeVerifier))
	if err != nil {
		return nil, o.refusal("error.oidc_refused", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return nil, &apperr.Error{Code: apperr.Unauthorized, MessageID: "error.oidc_bad_token",
			Cause: errors.New("token response without id_token")}
	}
	claims, err := o.verify(ctx, p.Verifier(&oidc.Config{ClientID: o.s.ClientID}), raw, l.Nonce)
	if err != nil {
		return nil, err
	}
	if _, ok := claims[o.s.RolesClaim]; !ok || claims["email"] == nil {
		if err := o.userinfo(ctx, p, tok, claims); err != nil {
			return nil, err
		}
	}
	return o.identity(claims)
}

// verify checks raw and returns its claims. Error codes: unauthorized.
func (o *OIDC) verify(ctx context.Context, v *oidc.IDTokenVerifier, raw, nonce string) (map[string]any, error) {
	// The issuer is compared before the signature so that the log and the
	// page name the cause: go-oidc's own refusal is only a sentence.
	if iss := unverifiedIssuer(raw); iss != "" && iss != o.s.Issuer {
		return nil, o.refusal("error.oidc_wrong_issuer", errors.New("ID token issued by "+iss))
	}
	t, err := v.Verify(ctx, raw)
	var expired *oidc.TokenExpiredError
	switch {
	case errors.As(err, &expired):
		return nil, o.refusal("error.oidc_expired", err)
	case err != nil:
		return nil, &apperr.Error{Code: apperr.Unauthorized, MessageID: "error.oidc_bad_token", Cause: err}
	case !sameSecret(t.Nonce, nonce):
		return nil, &apperr.Error{Code: apperr.Unauthorized, MessageID: "error.oidc_bad_token",
			Cause: errors.New("ID token nonce does not match the sign-in's")}
	}
	claims := map[string]any{}
	if err := t.Claims(&claims); err != nil {
		return nil, &apperr.Error{Code: apperr.Unauthorized, MessageID: "error.oidc_bad_token", Cause: err}
	}
	return claims, nil
}

// unverifiedIssuer reads the iss claim of a JWT without checking it; ""
// when it cannot.
func unverifiedIssuer(raw string) string {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return ""
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return ""
	}
	var c struct {
		Iss string `json:"iss"`
	}
	if json.Unmarshal(payload, &c) != nil {
		return ""
	}
	return c.Iss
}

// userinfo adds the claims of the userinfo endpoint that claims lacks;
// the ID token's win. Error codes: unauthorized, unavailable.
func (o *OIDC) userinfo(ctx context.Context, p *oidc.Provider, tok *oauth2.Token, claims map[string]any) error {
	if p.UserInfoEndpoint() == "" {
		return nil
	}
	ui, err := p.UserInfo(ctx, oauth2.StaticTokenSource(tok))
	if err != nil {
		return o.unreachable(err)
	}
	if ui.Subject != claims["sub"] {
		return &apperr.Error{Code: apperr.Unauthorized, MessageID: "error.oidc_bad_token",
			Cause: errors.New("userinfo names another subject than the ID token")}
	}
	more := map[string]any{}
	if err := ui.Claims(&more); err != nil {
		return &apperr.Error{Code: apperr.Unauthorized, MessageID: "error.oidc_bad_token", Cause: err}
	}
	for k, v := range more {
		if _, ok := claims[k]; !ok {
			claims[k] = v
		}
	}
	return nil
}

// identity reads an identity from verified claims. Error codes: forbidden
// (email or the roles claim missing or not of their type).
func (o *OIDC) identity(claims map[string]any) (*Identity, error) {
	missing := func(claim string) error {
		return apperr.New(apperr.Forbidden, "error.oidc_missing_claim", map[string]any{"Provider": o.s.Name, "Claim": claim})
	}
	id := &Identity{Issuer: o.s.Issuer}
	id.Subject, _ = claims["sub"].(string)
	if id.Subject == "" {
		return nil, missing("sub")
	}
	email, _ := claims["email"].(string)
	if id.Email = NormalizeEmail(email); !validEmail(id.Email) {
		return nil, missing("email")
	}
	id.EmailVerified, _ = claims["email_verified"].(bool)
	id.Name, _ = claims["name"].(string)
	groups, ok := stringsOf(claims[o.s.RolesClaim])
	if !ok {
		return nil, missing(o.s.RolesClaim)
	}
	var roles []string
	for _, g := range groups {
		roles = append(roles, o.grants[g]...)
	}
	if len(roles) > 0 {
		// Known roles only (NewOIDC checked them): sorting cannot fail.
		id.Roles, _ = ValidateRoles(roles)
	}
	return id, nil
}

// stringsOf reads a claim that lists strings; providers send one group as
// a plain string too.
func stringsOf(v any) ([]string, bool) {
	switch v := v.(type) {
	case string:
		return []string{v}, true
	case []any:
		out := make([]string, 0, len(v))
		for _, s := range v {
			s, ok := s.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}
