package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/config"
)

// userAddCmd is `lector user add EMAIL --role R [--role R]... [--name N]`:
// it prints the generated password, the only time anyone sees it.
func userAddCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "user add")
	roles := repeatedChoice(fs, "role", "a role", account.AllRoles())
	name := fs.String("name", "", "the person's name")
	email, err := parseOne(fs, cfg, args, "EMAIL")
	if err != nil {
		return err
	}
	// Checked before opening the database, so that a typo costs no
	// cluster start.
	if _, err := account.ValidateRoles(*roles); err != nil {
		return usagef("%s", englishError(err))
	}
	return withDB(ctx, e, cfg, func(db *gorm.DB) error {
		u, password, err := account.CreateUser(ctx, db, email, *name, *roles)
		if err != nil {
			return inputError(err, apperr.Invalid, apperr.Conflict)
		}
		fmt.Fprintf(e.stdout, "created %s (%s); password: %s\n", u.Email, strings.Join(u.RoleNames(), ", "), password)
		return nil
	})
}

// userTokenCmd is `lector user token EMAIL [--name N]`: it prints a new API
// token alone on the last line, for scripts (`| tail -n 1`).
func userTokenCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "user token")
	name := fs.String("name", "", "what the token is for, to tell tokens apart")
	return withEmail(ctx, e, fs, cfg, args, func(db *gorm.DB, email string) error {
		u, err := account.UserByEmail(ctx, db, email)
		if err != nil {
			return inputError(err, apperr.NotFound)
		}
		token, err := account.CreateToken(ctx, db, u.ID, *name)
		if err != nil {
			return inputError(err, apperr.Invalid, apperr.Forbidden)
		}
		fmt.Fprintf(e.stdout, "API token for %s (shown only now; send it as \"Authorization: Bearer TOKEN\"):\n%s\n", u.Email, token)
		return nil
	})
}

// userUnlockCmd is `lector user unlock EMAIL`: an administrator's reset of
// the account's sign-in throttle, for an owner who cannot wait it out and
// has no browser that signed in before. The account need not exist: the
// throttle counts the email as typed.
func userUnlockCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "user unlock")
	return withEmail(ctx, e, fs, cfg, args, func(db *gorm.DB, email string) error {
		n, err := account.LiftThrottle(ctx, db, email)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "forgot %d failed sign-ins of %s\n", n, account.NormalizeEmail(email))
		return nil
	})
}

// withEmail parses the one argument of a user command, EMAIL, and runs act
// with it on the database.
func withEmail(ctx context.Context, e env, fs *flag.FlagSet, cfg *config.Config, args []string, act func(db *gorm.DB, email string) error) error {
	email, err := parseOne(fs, cfg, args, "EMAIL")
	if err != nil {
		return err
	}
	return withDB(ctx, e, cfg, func(db *gorm.DB) error { return act(db, email) })
}
