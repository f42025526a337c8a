package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// commandDoc is what help says of one command.
type commandDoc struct {
	name    string // as in commands(): "glossary import"
	args    string // positional arguments and required flags: "FILE"
	summary string // one line
	example string
}

// commandDocs documents every command of commands(), in the order
// `lector help` lists them. TestEveryCommandDocumented keeps the two in step.
func commandDocs() []commandDoc {
	return []commandDoc{
		{"serve", "", "migrate, seed an empty database, serve HTTP (the default: lector alone serves)",
			"lector serve --addr 0.0.0.0:8080 --base-url https://lector.example.org"},
		{"migrate", "", "apply pending migrations and exit",
			"DATABASE_URL=postgres://lector@db.example.org/lector lector migrate"},
		{"segment", "[FILE|-]", "split text into segments, one JSON object a line",
			"lector segment article.txt"},
		{"check", "[FILE|-]", "run every check with no database and print the flags",
			"lector check --glossary names.tbx --lang en --format json article.txt"},
		{"article import", "FILE --title T", "add an article (text, or XLIFF 1.2/2.x as segmented) and flag it",
			"lector article import article.txt --title 'Talks in Geneva' --lang en --source original.txt --source-lang ru"},
		{"article delete", "ID", "delete an article and everything of it (audit-logged)",
			"lector article delete 42"},
		{"glossary import", "FILE", "import a .csv or .tbx glossary (--dry-run shows what would change)",
			"lector glossary import names.csv --dry-run"},
		{"glossary export", "", "export the glossary as CSV or TBX",
			"lector glossary export --format tbx -o names.tbx"},
		{"user add", "EMAIL --role R", "create an account; prints its generated password once",
			"lector user add anna@example.org --role translator --role editor --name 'Anna Kovalenko'"},
		{"user token", "EMAIL", "print a new API token for the account (alone on the last line)",
			"lector user token anna@example.org --name 'CMS import'"},
		{"user unlock", "EMAIL", "lift the sign-in delay that failed attempts put on the account",
			"lector user unlock anna@example.org"},
		{"webhook add", "URL --event E --secret-file FILE", "register a webhook endpoint; prints its id",
			"lector webhook add https://cms.example.org/hooks --event version.published --secret-file hook.secret"},
		{"webhook list", "", "list the webhook endpoints and their events",
			"lector webhook list"},
		{"webhook remove", "ID", "remove a webhook endpoint",
			"lector webhook remove 3"},
		{"loadtest", "", "drive simulated reviewers against a running server, then the same work in SQL",
			"lector loadtest --url http://127.0.0.1:8080 --reviewers 32 --duration 60s"},
		{"help", "[COMMAND]", "list the commands, or show one command's flags and an example",
			"lector help glossary export"},
		{"completion", "bash|zsh|fish", "print a shell completion script",
			"source <(lector completion bash)   # in ~/.bashrc; zsh alike; fish: lector completion fish | source"},
	}
}

func docOf(name string) (commandDoc, bool) {
	for _, d := range commandDocs() {
		if d.name == name {
			return d, true
		}
	}
	return commandDoc{}, false
}

// printUsage lists every command with one line each.
func printUsage(w io.Writer) {
	fmt.Fprint(w, "usage: lector [COMMAND] [FLAGS]\n\ncommands:\n")
	listCommands(w, "")
	fmt.Fprint(w, `
lector help COMMAND (or lector COMMAND --help) shows a command's flags and an example.
Configuration flags (all commands): --database-url, --data-dir, --addr, --base-url, --log-format,
  --db-*, --http-*, … (lector help serve lists them; the README says what each does).
`)
}

// groupUsage answers `lector user` (missing subcommand: exit 2) and
// `lector user --help` (exit 0) with the group's subcommands.
func groupUsage(e env, group string, subs []string, asked bool) int {
	if !asked {
		fmt.Fprintf(e.stderr, "lector %s: missing subcommand: %s (lector help %s lists them)\n", group, orList(subs), group)
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "usage: lector %s SUBCOMMAND [FLAGS]\n\nsubcommands:\n", group)
	listCommands(e.stdout, group+" ")
	return exitOK
}

// listCommands prints the commands whose names start with prefix, one line
// each, their summaries in a column.
func listCommands(w io.Writer, prefix string) {
	var docs []commandDoc
	width := 0
	for _, d := range commandDocs() {
		if strings.HasPrefix(d.name, prefix) {
			docs = append(docs, d)
			width = max(width, len(strings.TrimSpace(d.name+" "+d.args)))
		}
	}
	for _, d := range docs {
		fmt.Fprintf(w, "  %-*s  %s\n", width, strings.TrimSpace(d.name+" "+d.args), d.summary)
	}
}

// subcommands are the second words of the commands group has ("add",
// "token", … for "user"); none for a command of one word.
func subcommands(cmds map[string]func(context.Context, env, []string) error, group string) []string {
	var subs []string
	for name := range cmds {
		if first, sub, ok := strings.Cut(name, " "); ok && first == group {
			subs = append(subs, sub)
		}
	}
	sort.Strings(subs)
	return subs
}

// topLevel are the first words of every command.
func topLevel(cmds map[string]func(context.Context, env, []string) error) []string {
	var words []string
	for name := range cmds {
		first, _, _ := strings.Cut(name, " ")
		if !slices.Contains(words, first) {
			words = append(words, first)
		}
	}
	sort.Strings(words)
	return words
}

func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// helpCmd: `lector help` lists the commands, `lector help COMMAND` shows
// the command's help, as `lector COMMAND --help` does.
func helpCmd(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		printUsage(e.stdout)
		return nil
	}
	cmds := commands()
	name := strings.Join(args, " ")
	if len(args) == 1 && isHelpFlag(args[0]) {
		name = "help"
	}
	if subs := subcommands(cmds, name); len(subs) > 0 {
		groupUsage(e, name, subs, true)
		return nil
	}
	if _, ok := cmds[name]; !ok {
		return usageError{unknownCommand(cmds, name)}
	}
	if name == "help" || name == "completion" {
		d, _ := docOf(name)
		fmt.Fprintf(e.stdout, "lector %s: %s\n\nusage: lector %s %s\n\nexample:\n  %s\n", d.name, d.summary, d.name, d.args, d.example)
		return nil
	}
	return cmds[name](ctx, e, []string{"--help"})
}

// commandUsage prints a command's help: what it does, its own flags, the
// names of the configuration flags every command accepts, an example.
func commandUsage(out io.Writer, fs *flag.FlagSet, name string, shared map[string]bool) {
	d, _ := docOf(name)
	if d.summary != "" {
		fmt.Fprintf(out, "lector %s: %s\n\n", name, d.summary)
	}
	fmt.Fprintf(out, "usage: lector %s [FLAGS]\n", strings.TrimSpace(name+" "+d.args))
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
		fs.SetOutput(out)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	} else {
		fmt.Fprintln(out, "\nconfiguration flags (all commands; see lector help serve and the README):")
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
	if d.example != "" {
		fmt.Fprintf(out, "\nexample:\n  %s\n", d.example)
	}
}

func countFlags(fs *flag.FlagSet) int {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n
}
