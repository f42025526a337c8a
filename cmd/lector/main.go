// Command lector serves the Lector web app and runs its command-line tools.
// See `lector help` and the README; the commands are a published contract.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"lector/apperr"
	"lector/config"
)

// Exit statuses, as in the contract.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// usageError is bad usage or unreadable input: exit 2 with one line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// inputError makes an error whose code is one of codes (the input was at
// fault) a usage error, in English; any other error passes through.
func inputError(err error, codes ...apperr.Code) error {
	if slices.Contains(codes, apperr.CodeOf(err)) {
		return usageError{englishError(err)}
	}
	return err
}

// problemsFound means the command ran and found problems: exit 1.
type problemsFound struct{}

func (problemsFound) Error() string { return "problems found" }

// env is the process environment, read here and nowhere else.
type env struct {
	args   []string
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// inspect, when set, receives the flag set a command builds: help
	// and completion run a command with --help to learn its flags.
	inspect func(*flag.FlagSet)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, env{args: os.Args[1:], getenv: os.Getenv, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr})
	stop()
	os.Exit(code)
}

func run(ctx context.Context, e env) int {
	if len(e.args) == 1 && isHelpFlag(e.args[0]) {
		// `lector --help` names every command; `lector serve --help`
		// lists the server's flags.
		printUsage(e.stdout)
		return exitOK
	}
	cmds := commands()
	name, args := "serve", e.args
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
		if subs := subcommands(cmds, name); len(subs) > 0 {
			if len(args) == 0 || isHelpFlag(args[0]) {
				return groupUsage(e, name, subs, len(args) > 0)
			}
			name, args = name+" "+args[0], args[1:]
		}
	}
	cmd, ok := cmds[name]
	if !ok {
		fmt.Fprintln(e.stderr, "lector: "+unknownCommand(cmds, name))
		return exitUsage
	}
	err := cmd(ctx, e, args)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &problemsFound{}):
		return exitProblems
	case errors.Is(err, flag.ErrHelp):
		return exitOK // asked for, and printed
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "lector %s: %s\n", name, ue.msg)
		return exitUsage
	default:
		fmt.Fprintf(e.stderr, "lector %s: %v\n", name, err)
		return exitProblems
	}
}

// commands are every command, by name ("user add"): a command of two words
// is a subcommand of the first. help.go documents each.
func commands() map[string]func(context.Context, env, []string) error {
	return map[string]func(context.Context, env, []string) error{
		"serve":           serveCmd,
		"migrate":         migrateCmd,
		"segment":         segmentCmd,
		"check":           checkCmd,
		"article import":  articleImportCmd,
		"article delete":  articleDeleteCmd,
		"user add":        userAddCmd,
		"user token":      userTokenCmd,
		"user unlock":     userUnlockCmd,
		"loadtest":        loadtestCmd,
		"glossary import": glossaryImportCmd,
		"glossary export": glossaryExportCmd,
		"webhook add":     webhookAddCmd,
		"webhook list":    webhookListCmd,
		"webhook remove":  webhookRemoveCmd,
		"help":            helpCmd,
		"completion":      completionCmd,
	}
}

func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help" || arg == "--h"
}

// flags returns a flag set for a command with the configuration flags bound.
// Asked for, its help goes to stdout: the command's summary, its own flags,
// the names of the configuration flags and an example (help.go).
func flags(e env, name string) (*flag.FlagSet, *config.Config) {
	fs := flag.NewFlagSet("lector "+name, flag.ContinueOnError)
	// parse reports errors in one line; the flag package would add the
	// whole usage.
	fs.SetOutput(io.Discard)
	cfg := config.Bind(fs, e.getenv)
	shared := map[string]bool{}
	fs.VisitAll(func(f *flag.Flag) { shared[f.Name] = true })
	fs.Usage = func() { commandUsage(e.stdout, fs, name, shared) }
	if e.inspect != nil {
		e.inspect(fs)
	}
	return fs, cfg
}

// parse parses args (flags may follow positional arguments) and finishes the
// configuration.
func parse(fs *flag.FlagSet, cfg *config.Config, args []string) ([]string, error) {
	var positional []string
	usage := fs.Usage
	fs.Usage = func() {} // printed below when asked for, not after an error
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return nil, err
			}
			return nil, usageError{err.Error() + " (lector help " + strings.TrimPrefix(fs.Name(), "lector ") + " lists the flags)"}
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if err := cfg.Finish(); err != nil {
		return nil, usageError{err.Error()}
	}
	return positional, nil
}

// parseOne is parse for a command of one positional argument, what it is
// named in the error.
func parseOne(fs *flag.FlagSet, cfg *config.Config, args []string, what string) (string, error) {
	positional, err := parse(fs, cfg, args)
	if err != nil {
		return "", err
	}
	if len(positional) != 1 {
		return "", usagef("want one %s", what)
	}
	return positional[0], nil
}

// parseOneID is parseOne for a command whose one argument is the ID of a
// record (a, record: "an", "article"): a positive number.
func parseOneID(fs *flag.FlagSet, cfg *config.Config, args []string, a, record string) (int64, error) {
	arg, err := parseOne(fs, cfg, args, record+" ID")
	if err != nil {
		return 0, err
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%q is not %s %s ID (a positive number)", arg, a, record)
	}
	return id, nil
}

// repeated collects a flag given several times (--role, --event,
// --glossary).
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// repeatedChoice defines a flag given once per value, its usage listing
// the choices: what the flag is ("a role"), then the values it takes.
func repeatedChoice(fs *flag.FlagSet, name, what string, choices []string) *repeated {
	var r repeated
	fs.Var(&r, name, what+": "+strings.Join(choices, ", ")+" (repeat for several)")
	return &r
}
