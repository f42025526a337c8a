package config

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
)

// OIDC configures sign-in through an OpenID Provider (contracts §2). An
// empty Issuer: local passwords only.
type OIDC struct {
	Issuer       string // the provider's issuer URL, as its discovery document names it
	ClientID     string
	ClientSecret string // or read from ClientSecretFile by Finish; empty: a public client (PKCE alone)
	// ClientSecretFile names a file holding the secret, so that it stays
	// out of the environment and the process list.
	ClientSecretFile string
	// Name is what the sign-in button calls the provider ("Sign in with
	// Name"); default: the issuer's host.
	Name string
	// RolesClaim names the claim (of the ID token or the userinfo answer)
	// listing the person's groups.
	RolesClaim string
	// RoleMap maps groups to Lector's roles: "group=role,group=role"; a
	// group may grant several roles by appearing more than once.
	RoleMap string
}

// DefaultRolesClaim is the claim Keycloak, Okta and Entra name groups in.
const DefaultRolesClaim = "groups"

// Enabled reports whether OpenID Connect sign-in is configured.
func (o OIDC) Enabled() bool { return o.Issuer != "" }

// RedirectURL is where the provider sends people back, under base.
func (o OIDC) RedirectURL(base string) string { return base + "/login/oidc/callback" }

// bindOIDC registers the OpenID Connect and local password settings.
func bindOIDC(fs *flag.FlagSet, getenv func(string) string, c *Config) {
	c.OIDC.RolesClaim = DefaultRolesClaim
	b := binder{fs: fs, getenv: getenv, c: c}
	b.str(&c.OIDC.Issuer, "oidc-issuer", "LECTOR_OIDC_ISSUER", "OpenID Connect issuer URL; unset: local passwords only")
	b.str(&c.OIDC.ClientID, "oidc-client-id", "LECTOR_OIDC_CLIENT_ID", "OpenID Connect client id")
	b.str(&c.OIDC.ClientSecret, "oidc-client-secret", "LECTOR_OIDC_CLIENT_SECRET", "OpenID Connect client secret")
	b.str(&c.OIDC.ClientSecretFile, "oidc-client-secret-file", "LECTOR_OIDC_CLIENT_SECRET_FILE", "file holding the OpenID Connect client secret")
	b.str(&c.OIDC.Name, "oidc-name", "LECTOR_OIDC_NAME", "the provider's name on the sign-in button (default: the issuer's host)")
	b.str(&c.OIDC.RolesClaim, "oidc-roles-claim", "LECTOR_OIDC_ROLES_CLAIM", "claim listing a person's groups (default "+DefaultRolesClaim+")")
	b.str(&c.OIDC.RoleMap, "oidc-role-map", "LECTOR_OIDC_ROLE_MAP", "groups to Lector roles: group=role,group=role")
	b.boolean(func(v bool) { c.NoLocalPasswords = !v }, "local-passwords", "LECTOR_LOCAL_PASSWORDS", "allow signing in with Lector's own passwords (default true; false needs OpenID Connect)")
}

// boolean binds a true/false setting; set receives the value.
func (b binder) boolean(set func(bool), name, env, usage string) {
	parse := func(s string) error {
		v, err := strconv.ParseBool(s)
		if err != nil {
			return errors.New("want true or false")
		}
		set(v)
		return nil
	}
	if v := b.getenv(env); v != "" {
		if err := parse(v); err != nil {
			b.c.envErr = errors.Join(b.c.envErr, fmt.Errorf("%s %q: %v", env, v, err))
		}
	}
	b.fs.BoolFunc(name, usage+" (env "+env+")", parse)
}

// finishOIDC reads the secret file and checks that the settings fit
// together.
func (c *Config) finishOIDC() error {
	o := &c.OIDC
	if !o.Enabled() {
		if o.ClientID != "" || o.ClientSecret != "" || o.ClientSecretFile != "" || o.RoleMap != "" {
			return errors.New("LECTOR_OIDC_CLIENT_ID, _CLIENT_SECRET and _ROLE_MAP need LECTOR_OIDC_ISSUER")
		}
		if c.NoLocalPasswords {
			return errors.New("LECTOR_LOCAL_PASSWORDS=false needs LECTOR_OIDC_ISSUER: nobody could sign in")
		}
		return nil
	}
	u, err := url.Parse(o.Issuer)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("LECTOR_OIDC_ISSUER %q: want an http or https URL", o.Issuer)
	}
	if o.ClientID == "" {
		return errors.New("LECTOR_OIDC_ISSUER needs LECTOR_OIDC_CLIENT_ID")
	}
	if o.ClientSecretFile != "" {
		if o.ClientSecret != "" {
			return errors.New("set LECTOR_OIDC_CLIENT_SECRET or LECTOR_OIDC_CLIENT_SECRET_FILE, not both")
		}
		b, err := os.ReadFile(o.ClientSecretFile)
		if err != nil {
			return fmt.Errorf("LECTOR_OIDC_CLIENT_SECRET_FILE: %v", err)
		}
		o.ClientSecret = strings.TrimSpace(string(b))
		if o.ClientSecret == "" {
			return fmt.Errorf("LECTOR_OIDC_CLIENT_SECRET_FILE %s is empty", o.ClientSecretFile)
		}
	}
	if o.Name == "" {
		o.Name = u.Host
	}
	if o.RolesClaim == "" {
		o.RolesClaim = DefaultRolesClaim
	}
	grants, err := ParseRoleMap(o.RoleMap)
	if err != nil {
		return fmt.Errorf("LECTOR_OIDC_ROLE_MAP: %v", err)
	}
	for _, g := range grants {
		if !slices.Contains(Roles(), g.Role) {
			return fmt.Errorf("LECTOR_OIDC_ROLE_MAP: group %q: no role %q (roles: %s)", g.Group, g.Role, strings.Join(Roles(), ", "))
		}
	}
	return nil
}

// Roles are the roles a role map may grant: account's roles, named here
// so that a wrong one stops the command before it starts (account's
// TestConfigKnowsEveryRole keeps the two lists equal).
func Roles() []string { return []string{"translator", "editor", "glossary", "admin"} }

// RoleGrant is one pair of a role map: members of Group get Role.
type RoleGrant struct{ Group, Role string }

// ParseRoleMap reads "group=role,group=role". A group is split from its
// role at the last "=", so a group may hold one (role names never do);
// commas separate pairs, so no group may hold one. Which roles exist is
// the account package's to check.
func ParseRoleMap(s string) ([]RoleGrant, error) {
	var out []RoleGrant
	for i, pair := range strings.Split(s, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		j := strings.LastIndexByte(pair, '=')
		if j <= 0 || j == len(pair)-1 {
			return nil, fmt.Errorf("pair %d %q: want group=role", i+1, pair)
		}
		out = append(out, RoleGrant{Group: strings.TrimSpace(pair[:j]), Role: strings.TrimSpace(pair[j+1:])})
	}
	return out, nil
}
