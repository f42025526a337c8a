package server_test

import (
	"context"
	"net"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"
	zoidc "github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// The OpenID Provider of these tests is zitadel's (pkg/op) with the
// in-memory storage and sign-in page of its example server. Its users:
// opUser signs in with opPassword; the provider knows their email only
// by its userinfo endpoint, as Keycloak and Okta do unless told otherwise.
const (
	opClientID     = "lector"
	opClientSecret = "lector-secret"
	opPassword     = "verysecure"
	opUserEmail    = "test-user@zitadel.ch"
)

// testProvider adds a groups claim to the example storage, and can give
// ID tokens a lifetime (a negative one: expired when issued).
type testProvider struct {
	*storage.Storage
	groups          map[string][]string // subject -> groups
	idTokenLifetime time.Duration       // 0: the example's hour
}

func (p *testProvider) SetUserinfoFromToken(ctx context.Context, ui *zoidc.UserInfo, tokenID, subject, origin string) error {
	if err := p.Storage.SetUserinfoFromToken(ctx, ui, tokenID, subject, origin); err != nil {
		return err
	}
	if g, ok := p.groups[ui.Subject]; ok {
		ui.AppendClaims("groups", g)
	}
	return nil
}

func (p *testProvider) GetClientByClientID(ctx context.Context, id string) (op.Client, error) {
	c, err := p.Storage.GetClientByClientID(ctx, id)
	if err != nil || p.idTokenLifetime == 0 {
		return c, err
	}
	return lifetimeClient{c, p.idTokenLifetime}, nil
}

type lifetimeClient struct {
	op.Client
	life time.Duration
}

func (c lifetimeClient) IDTokenLifetime() time.Duration { return c.life }

// startProvider serves an OpenID Provider that knows Lector at lectorBase
// as a confidential client, and returns its issuer URL and username (the
// example's user "id1", in groups).
func startProvider(t *testing.T, lectorBase string, groups []string, idTokenLifetime time.Duration) (issuer, username string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	issuer = "http://" + ln.Addr().String()
	users := storage.NewUserStore(issuer)
	client := storage.WebClient(opClientID, opClientSecret, lectorBase+"/login/oidc/callback")
	p := &testProvider{Storage: storage.NewStorageWithClients(users, map[string]*storage.Client{opClientID: client}),
		groups: map[string][]string{"id1": groups}, idTokenLifetime: idTokenLifetime}
	ts := httptest.NewUnstartedServer(exampleop.SetupServer(issuer, p, nil, false))
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return issuer, users.GetUserByID("id1").Username
}
