package config

import (
	"flag"
	"io"
	"testing"
)

// bindArgs binds a Config to a fresh flag set over env and parses args, as
// a lector command does before Finish; the error is the parse's.
func bindArgs(t *testing.T, env map[string]string, args []string) (*Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("lector", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := Bind(fs, func(k string) string { return env[k] })
	return c, fs.Parse(args)
}

// finishArgs is bindArgs, which must parse, then Finish; the error is
// Finish's.
func finishArgs(t *testing.T, env map[string]string, args []string) (*Config, error) {
	t.Helper()
	c, err := bindArgs(t, env, args)
	if err != nil {
		t.Fatal(err)
	}
	return c, c.Finish()
}
