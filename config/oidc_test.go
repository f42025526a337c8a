package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOIDCConfig(t *testing.T) {
	secretFile := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secretFile, []byte("s3cret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	emptyFile := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(emptyFile, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	issuer := map[string]string{"LECTOR_OIDC_ISSUER": "https://id.example/realms/news", "LECTOR_OIDC_CLIENT_ID": "lector"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range issuer {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		want    OIDC
		noLocal bool
		wantErr string
	}{
		{name: "unset", want: OIDC{RolesClaim: "groups"}},
		{name: "issuer and secret", env: with("LECTOR_OIDC_CLIENT_SECRET", "x"),
			want: OIDC{Issuer: "https://id.example/realms/news", ClientID: "lector", ClientSecret: "x", Name: "id.example", RolesClaim: "groups"}},
		{name: "secret file, name, claim, map, no passwords", args: []string{"--oidc-client-secret-file", secretFile, "--oidc-name", "Keycloak",
			"--oidc-roles-claim", "roles", "--oidc-role-map", "ed=editor, cn=admins=admin", "--local-passwords=false"}, env: issuer, noLocal: true,
			want: OIDC{Issuer: "https://id.example/realms/news", ClientID: "lector", ClientSecret: "s3cret", ClientSecretFile: secretFile,
				Name: "Keycloak", RolesClaim: "roles", RoleMap: "ed=editor, cn=admins=admin"}},
		{name: "passwords off by environment", env: with("LECTOR_LOCAL_PASSWORDS", "false"), noLocal: true,
			want: OIDC{Issuer: "https://id.example/realms/news", ClientID: "lector", Name: "id.example", RolesClaim: "groups"}},
		{name: "passwords off without a provider", env: map[string]string{"LECTOR_LOCAL_PASSWORDS": "false"}, wantErr: "nobody could sign in"},
		{name: "not a boolean", env: map[string]string{"LECTOR_LOCAL_PASSWORDS": "nein"}, wantErr: "LECTOR_LOCAL_PASSWORDS"},
		{name: "client without issuer", env: map[string]string{"LECTOR_OIDC_CLIENT_ID": "x"}, wantErr: "need LECTOR_OIDC_ISSUER"},
		{name: "issuer without client", env: map[string]string{"LECTOR_OIDC_ISSUER": "https://id.example"}, wantErr: "LECTOR_OIDC_CLIENT_ID"},
		{name: "issuer not a URL", env: with("LECTOR_OIDC_ISSUER", "id.example"), wantErr: "LECTOR_OIDC_ISSUER"},
		{name: "secret twice", env: with("LECTOR_OIDC_CLIENT_SECRET", "x", "LECTOR_OIDC_CLIENT_SECRET_FILE", secretFile), wantErr: "not both"},
		{name: "secret file missing", env: with("LECTOR_OIDC_CLIENT_SECRET_FILE", secretFile+".gone"), wantErr: "LECTOR_OIDC_CLIENT_SECRET_FILE"},
		{name: "secret file empty", env: with("LECTOR_OIDC_CLIENT_SECRET_FILE", emptyFile), wantErr: "is empty"},
		{name: "role map without role", env: with("LECTOR_OIDC_ROLE_MAP", "a=editor,b"), wantErr: `pair 2 "b"`},
		{name: "role map with an unknown role", env: with("LECTOR_OIDC_ROLE_MAP", "a=editor,b=editors"), wantErr: `group "b": no role "editors"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := finishArgs(t, tt.env, tt.args)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Finish() = %v, want an error naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.OIDC != tt.want || c.NoLocalPasswords != tt.noLocal {
				t.Errorf("got %+v (no local passwords %v), want %+v (%v)", c.OIDC, c.NoLocalPasswords, tt.want, tt.noLocal)
			}
		})
	}
}

func TestParseRoleMap(t *testing.T) {
	for _, bad := range []string{"editor", "=editor", "group=", "a=editor,b"} {
		if got, err := ParseRoleMap(bad); err == nil {
			t.Errorf("ParseRoleMap(%q) = %v, want an error", bad, got)
		}
	}
	got, err := ParseRoleMap(" lector-editors=editor,, cn=admins=admin,lector-editors=glossary ")
	if err != nil {
		t.Fatal(err)
	}
	want := []RoleGrant{{"lector-editors", "editor"}, {"cn=admins", "admin"}, {"lector-editors", "glossary"}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("pair %d: got %v, want %v", i, got[i], want[i])
		}
	}
}
