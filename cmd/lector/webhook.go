package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"lector/apperr"
	"lector/webhook"
)

// eventFlags collects repeated --event flags.
type eventFlags []string

func (f *eventFlags) String() string     { return strings.Join(*f, ",") }
func (f *eventFlags) Set(v string) error { *f = append(*f, v); return nil }

// webhookAddCmd is `lector webhook add URL --event E [--event E]...
// --secret-file FILE`: it prints the new endpoint's id. The secret is read
// from a file (never the command line, which other users can see); one
// trailing newline is dropped. Exit 2 for bad input, naming the field.
func webhookAddCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "webhook add")
	var events eventFlags
	fs.Var(&events, "event", "an event: "+strings.Join(webhook.Events(), ", ")+" (repeat for several)")
	secretFile := fs.String("secret-file", "", "file holding the signing secret (a whsec_ secret is base64 after the prefix)")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if len(positional) != 1 {
		return usagef("want one URL")
	}
	if *secretFile == "" {
		return usagef("--secret-file: required")
	}
	raw, err := os.ReadFile(*secretFile)
	if err != nil {
		return usagef("--secret-file: %v", err)
	}
	secret := strings.TrimSuffix(strings.TrimSuffix(string(raw), "\n"), "\r")
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	ep, err := webhook.AddByOperator(ctx, db.Gorm, webhook.Registration{URL: positional[0], Events: events, Secret: secret},
		cfg.Webhooks.AllowPrivate)
	if apperr.CodeOf(err) == apperr.Invalid {
		return usagef("%s", englishError(err))
	} else if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, ep.ID)
	return nil
}

// webhookListCmd is `lector webhook list`: one endpoint a line, id, URL
// and events, tab-separated; never the secret.
func webhookListCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "webhook list")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if len(positional) != 0 {
		return usagef("takes no arguments")
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	eps, err := webhook.ListByOperator(ctx, db.Gorm)
	if err != nil {
		return err
	}
	for _, ep := range eps {
		fmt.Fprintf(e.stdout, "%d\t%s\t%s\n", ep.ID, ep.URL, strings.Join(ep.EventList(), ","))
	}
	return nil
}

// webhookRemoveCmd is `lector webhook remove ID`. Exit 2 for a bad or
// unknown id.
func webhookRemoveCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "webhook remove")
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return err
	}
	if len(positional) != 1 {
		return usagef("want one webhook ID")
	}
	id, err := strconv.ParseInt(positional[0], 10, 64)
	if err != nil || id <= 0 {
		return usagef("%q is not a webhook ID (a positive number)", positional[0])
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := webhook.RemoveByOperator(ctx, db.Gorm, id); apperr.CodeOf(err) == apperr.NotFound {
		return usagef("%s", englishError(err))
	} else if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "removed webhook %d\n", id)
	return nil
}
