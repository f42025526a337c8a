package main

import (
	"context"
	"fmt"
	"strings"

	"lector/account"
	"lector/apperr"
)

// roleFlags collects repeated --role flags.
type roleFlags []string

func (r *roleFlags) String() string     { return strings.Join(*r, ",") }
func (r *roleFlags) Set(v string) error { *r = append(*r, v); return nil }

// userAddCmd is `lector user add EMAIL --role R [--role R]... [--name N]`:
// it prints the generated password, the only time anyone sees it.
func userAddCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "user add")
	var roles roleFlags
	fs.Var(&roles, "role", "a role: "+strings.Join(account.AllRoles(), ", ")+" (repeat for several)")
	name := fs.String("name", "", "the person's name")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if len(positional) != 1 {
		return usagef("want one EMAIL")
	}
	// Checked before opening the database, so that a typo costs no
	// cluster start.
	if _, err := account.ValidateRoles(roles); err != nil {
		return usagef("%s", englishError(err))
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	u, password, err := account.CreateUser(ctx, db.Gorm, positional[0], *name, roles)
	if code := apperr.CodeOf(err); code == apperr.Invalid || code == apperr.Conflict {
		return usagef("%s", englishError(err))
	} else if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created %s (%s); password: %s\n", u.Email, strings.Join(u.RoleNames(), ", "), password)
	return nil
}

// userTokenCmd is `lector user token EMAIL [--name N]`: it prints a new API
// token alone on the last line, for scripts (`| tail -n 1`).
func userTokenCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "user token")
	name := fs.String("name", "", "what the token is for, to tell tokens apart")
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
	u, err := account.UserByEmail(ctx, db.Gorm, positional[0])
	if apperr.CodeOf(err) == apperr.NotFound {
		return usagef("%s", englishError(err))
	} else if err != nil {
		return err
	}
	token, err := account.CreateToken(ctx, db.Gorm, u.ID, *name)
	if code := apperr.CodeOf(err); code == apperr.Invalid || code == apperr.Forbidden {
		return usagef("%s", englishError(err))
	} else if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "API token for %s (shown only now; send it as \"Authorization: Bearer TOKEN\"):\n%s\n", u.Email, token)
	return nil
}
