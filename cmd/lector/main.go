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
	"syscall"

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

// problemsFound means the command ran and found problems: exit 1.
type problemsFound struct{}

func (problemsFound) Error() string { return "problems found" }

const usage = `usage: lector [COMMAND] [FLAGS]

commands:
  serve                 migrate, seed an empty database, serve HTTP (the default)
  migrate               apply pending migrations and exit
  segment [FILE|-]      split text into segments, one JSON object a line
  check [FILE|-]        run every check with no database and print the flags
  article import FILE   add an article (text, or XLIFF 1.2/2.x as segmented) and flag it
  article delete ID     delete an article and everything of it (audit-logged)
  glossary import FILE  import a .csv or .tbx glossary (--dry-run, --prune)
  glossary export       export the glossary (--format csv|tbx, -o FILE)
  user add EMAIL --role translator|editor|glossary|admin [--role R]... [--name N]
                        create an account; prints its generated password once
  user token EMAIL [--name N]
                        print a new API token for the account (alone on the last line)
  user unlock EMAIL     lift the sign-in delay that failed attempts put on the account
  loadtest [--url U] [--reviewers 32] [--segments 2000] [--duration 60s] [--json]
                        drive simulated reviewers over HTTP against a running server,
                        then the same statements straight in SQL as the limit

configuration flags (all commands): --database-url, --data-dir, --addr, --base-url,
  --log-format, --metrics-addr, --db-*, --http-* (see lector serve -h and the README)
`

// env is the process environment, read here and nowhere else.
type env struct {
	args   []string
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
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
		fmt.Fprint(e.stdout, usage)
		return exitOK
	}
	name, args := "serve", e.args
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
		if name == "article" || name == "glossary" || name == "user" {
			if len(args) == 0 {
				fmt.Fprintf(e.stderr, "lector %s: missing subcommand\n", name)
				return exitUsage
			}
			name, args = name+" "+args[0], args[1:]
		}
	}
	commands := map[string]func(context.Context, env, []string) error{
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
		"webhook":         webhookCmd,
	}
	if name == "help" || name == "-h" || name == "--help" {
		fmt.Fprint(e.stdout, usage)
		return exitOK
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(e.stderr, "lector: unknown command %q\n%s", name, usage)
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

func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help" || arg == "--h"
}

// flags returns a flag set for a command with the configuration flags bound.
// Its --help lists the command's own flags first and the configuration
// flags after them, so that `lector check --help` shows what check takes
// before the server's forty settings.
func flags(e env, name string) (*flag.FlagSet, *config.Config) {
	fs := flag.NewFlagSet("lector "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	cfg := config.Bind(fs, e.getenv)
	shared := map[string]bool{}
	fs.VisitAll(func(f *flag.Flag) { shared[f.Name] = true })
	fs.Usage = func() { commandUsage(fs, name, shared) }
	return fs, cfg
}

// commandUsage prints a command's flags: its own, then the names of the
// configuration flags every command accepts.
func commandUsage(fs *flag.FlagSet, name string, shared map[string]bool) {
	out := fs.Output()
	fmt.Fprintf(out, "usage: lector %s [FLAGS]\n", name)
	own := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
	fs.VisitAll(func(f *flag.Flag) {
		if !shared[f.Name] {
			own.Var(f.Value, f.Name, f.Usage)
		}
	})
	if countFlags(own) > 0 {
		fmt.Fprintf(out, "\nflags of lector %s:\n", name)
		own.SetOutput(out)
		own.PrintDefaults()
	}
	if name == "serve" {
		fmt.Fprintln(out, "\nconfiguration flags:")
		fs.PrintDefaults()
		return
	}
	fmt.Fprintln(out, "\nconfiguration flags (all commands; see lector serve --help and the README):")
	line := " "
	fs.VisitAll(func(f *flag.Flag) {
		if !shared[f.Name] {
			return
		}
		if len(line)+len(f.Name)+4 > 100 {
			fmt.Fprintln(out, line)
			line = " "
		}
		line += " --" + f.Name
	})
	fmt.Fprintln(out, line)
}

func countFlags(fs *flag.FlagSet) int {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n
}

// parse parses args (flags may follow positional arguments) and finishes the
// configuration.
func parse(fs *flag.FlagSet, cfg *config.Config, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
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
