package main

import (
	"context"
	"fmt"

	"lector/account"
)

// userUnlockCmd is `lector user unlock EMAIL`: an administrator's reset of
// the account's sign-in throttle, for an owner who cannot wait it out and
// has no browser that signed in before. The account need not exist: the
// throttle counts the email as typed.
func userUnlockCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "user unlock")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if len(positional) != 1 {
		return usagef("want one EMAIL")
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := account.LiftThrottle(ctx, db.Gorm, positional[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "forgot %d failed sign-ins of %s\n", n, account.NormalizeEmail(positional[0]))
	return nil
}
