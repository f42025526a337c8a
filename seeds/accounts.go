package seeds

import (
	"context"

	"gorm.io/gorm"

	"lector/account"
)

// DemoAccount is a demo sign-in, its password shown once.
type DemoAccount struct {
	Email    string
	Roles    []string
	Password string
}

// DemoAccounts creates the demo accounts with generated passwords and
// returns them. Only for the embedded database's first start, right after
// Load seeded it: a server on DATABASE_URL gets accounts from `lector user
// add` only.
func DemoAccounts(ctx context.Context, db *gorm.DB) ([]DemoAccount, error) {
	// One account per role, and a second translator and editor so that the
	// four-eyes workflow (nobody approves their own correction) can be
	// tried alone.
	demo := []struct{ email, name, role string }{
		{"translator@demo.lector", "Demo Translator", account.RoleTranslator},
		{"translator2@demo.lector", "Demo Translator 2", account.RoleTranslator},
		{"editor@demo.lector", "Demo Editor", account.RoleEditor},
		{"editor2@demo.lector", "Demo Editor 2", account.RoleEditor},
		{"glossary@demo.lector", "Demo Glossary Maintainer", account.RoleGlossary},
		{"admin@demo.lector", "Demo Admin", account.RoleAdmin},
	}
	var out []DemoAccount
	// All or none, so that a failed first start does not leave half the
	// accounts with passwords nobody saw.
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, d := range demo {
			u, pw, err := account.CreateUser(ctx, tx, d.email, d.name, []string{d.role})
			if err != nil {
				return err
			}
			out = append(out, DemoAccount{Email: u.Email, Roles: u.RoleNames(), Password: pw})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
