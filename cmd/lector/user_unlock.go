package main

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"lector/account"
)

// userUnlockCmd is `lector user unlock EMAIL`: an administrator's reset of
// the account's sign-in throttle, for an owner who cannot wait it out and
// has no browser that signed in before. The account need not exist: the
// throttle counts the email as typed.
func userUnlockCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "user unlock")
	email, err := parseOne(fs, cfg, args, "EMAIL")
	if err != nil {
		return err
	}
	return withDB(ctx, e, cfg, func(db *gorm.DB) error {
		n, err := account.LiftThrottle(ctx, db, email)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "forgot %d failed sign-ins of %s\n", n, account.NormalizeEmail(email))
		return nil
	})
}
