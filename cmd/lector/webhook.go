package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/webhook"
)

// webhookAddCmd is `lector webhook add URL --event E [--event E]...
// --secret-file FILE`: it prints the new endpoint's id. The secret is read
// from a file (never the command line, which other users can see); one
// trailing newline is dropped. Exit 2 for bad input, naming the field.
func webhookAddCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "webhook add")
	events := repeatedChoice(fs, "event", "an event", webhook.Events())
	secretFile := fs.String("secret-file", "", "file holding the signing secret (a whsec_ secret is base64 after the prefix)")
	url, err := parseOne(fs, cfg, args, "URL")
	if err != nil {
		return err
	}
	if *secretFile == "" {
		return usagef("--secret-file: required")
	}
	raw, err := os.ReadFile(*secretFile)
	if err != nil {
		return usagef("--secret-file: %v", err)
	}
	secret := strings.TrimSuffix(strings.TrimSuffix(string(raw), "\n"), "\r")
	return withDB(ctx, e, cfg, func(db *gorm.DB) error {
		ep, err := webhook.AddByOperator(ctx, db, webhook.Registration{URL: url, Events: *events, Secret: secret},
			cfg.Webhooks.AllowPrivate)
		if err != nil {
			return inputError(err, apperr.Invalid)
		}
		fmt.Fprintln(e.stdout, ep.ID)
		return nil
	})
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
	return withDB(ctx, e, cfg, func(db *gorm.DB) error {
		eps, err := webhook.ListByOperator(ctx, db)
		if err != nil {
			return err
		}
		for _, ep := range eps {
			fmt.Fprintf(e.stdout, "%d\t%s\t%s\n", ep.ID, ep.URL, strings.Join(ep.EventList(), ","))
		}
		return nil
	})
}

// webhookRemoveCmd is `lector webhook remove ID`. Exit 2 for a bad or
// unknown id.
func webhookRemoveCmd(ctx context.Context, e env, args []string) error {
	return removeCmd(ctx, e, args, "webhook remove", "a", "webhook", func(db *gorm.DB, id int64) (string, error) {
		if err := webhook.RemoveByOperator(ctx, db, id); err != nil {
			return "", err
		}
		return fmt.Sprintf("removed webhook %d", id), nil
	})
}
