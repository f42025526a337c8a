package main

import (
	"context"
	"flag"
	"io"
	"strings"
	"text/template"

	"lector/account"
	"lector/config"
)

// completionCmd prints a completion script for bash, zsh or fish, made from
// the commands, their documentation and their flag sets, so that it cannot
// fall behind them.
func completionCmd(ctx context.Context, e env, args []string) error {
	if len(args) == 1 && isHelpFlag(args[0]) {
		return helpCmd(ctx, e, []string{"completion"})
	}
	if len(args) != 1 {
		return usagef("want one shell: bash, zsh or fish")
	}
	script, ok := map[string]string{"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}[args[0]]
	if !ok {
		return usagef("unknown shell %q: want bash, zsh or fish", args[0])
	}
	t := template.Must(template.New(args[0]).Funcs(template.FuncMap{"q": shQuoted, "fq": fishQuoted}).Parse(script))
	return t.Execute(e.stdout, completionModel(ctx))
}

type compWord struct{ Name, Summary string }

type compGroup struct {
	Name string
	Subs []compWord
}

type compFlag struct {
	Name, Usage string
	Value       bool   // takes a value
	Choices     string // the values it takes, space-separated; "": files
}

type compCommand struct {
	Key   string // "check", "user add"
	Words []string
	Flags []compFlag
	Files bool // takes files as arguments
}

type completion struct {
	Top      []compWord
	Groups   []compGroup
	Commands []compCommand // with their own flags
	Shared   compCommand   // the configuration flags every command takes
}

// Typed is the flag as people type it: --glossary, but -o.
func (f compFlag) Typed() string {
	if len(f.Name) == 1 {
		return "-" + f.Name
	}
	return "--" + f.Name
}

// Fish is the flag's option for fish's complete: -l glossary, but -s o.
func (f compFlag) Fish() string {
	if len(f.Name) == 1 {
		return "-s " + f.Name
	}
	return "-l " + f.Name
}

// FlagNames are the command's flags as typed: --glossary --lang ….
func (c compCommand) FlagNames() string {
	var s []string
	for _, f := range c.Flags {
		s = append(s, f.Typed())
	}
	return strings.Join(s, " ")
}

// Valued are the names of the flags that take a value.
func (c compCommand) Valued() string {
	var s []string
	for _, f := range c.Flags {
		if f.Value {
			s = append(s, f.Name)
		}
	}
	return strings.Join(s, " ")
}

// Sub is the command's second word ("" for a command of one word).
func (c compCommand) Sub() string {
	if len(c.Words) > 1 {
		return c.Words[1]
	}
	return ""
}

// FishConditions are the fish conditions under which the command's flags
// apply: its words were typed (and, for serve, no command at all).
func (c compCommand) FishConditions() []string {
	cond := "__fish_seen_subcommand_from " + c.Words[0]
	if len(c.Words) > 1 {
		cond += "; and __fish_seen_subcommand_from " + c.Words[1]
	}
	if c.Key == "serve" {
		return []string{cond, "__fish_use_subcommand"}
	}
	return []string{cond}
}

// Names are the top-level words, space-separated.
func (c completion) Names() string {
	var s []string
	for _, w := range c.Top {
		s = append(s, w.Name)
	}
	return strings.Join(s, " ")
}

// Subs are a group's subcommands, space-separated.
func (g compGroup) SubNames() string {
	var s []string
	for _, w := range g.Subs {
		s = append(s, w.Name)
	}
	return strings.Join(s, " ")
}

func completionModel(ctx context.Context) completion {
	cmds := commands()
	shared := flag.NewFlagSet("lector", flag.ContinueOnError)
	config.Bind(shared, func(string) string { return "" })
	c := completion{Shared: compCommand{Key: "*", Flags: describeFlags(shared, "", nil)}}
	groups := map[string]*compGroup{}
	for _, d := range commandDocs() {
		words := strings.Fields(d.name)
		if len(words) == 2 {
			g := groups[words[0]]
			if g == nil {
				g = &compGroup{Name: words[0]}
				groups[words[0]] = g
				c.Top = append(c.Top, compWord{words[0], "subcommands: " + orList(subcommands(cmds, words[0]))})
			}
			g.Subs = append(g.Subs, compWord{words[1], d.summary})
		} else {
			c.Top = append(c.Top, compWord{d.name, d.summary})
		}
		if d.name == "help" || d.name == "completion" {
			continue
		}
		c.Commands = append(c.Commands, compCommand{Key: d.name, Words: words, Flags: flagsOf(ctx, cmds, d.name, shared),
			Files: strings.Contains(d.args, "FILE")})
	}
	for _, w := range c.Top {
		if g := groups[w.Name]; g != nil {
			c.Groups = append(c.Groups, *g)
		}
	}
	return c
}

// flagsOf runs the command with --help, its output discarded, to read the
// flag set it builds, and returns its own flags (not those of shared).
func flagsOf(ctx context.Context, cmds map[string]func(context.Context, env, []string) error, name string, shared *flag.FlagSet) []compFlag {
	var fs *flag.FlagSet
	e := env{getenv: func(string) string { return "" }, stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
		inspect: func(f *flag.FlagSet) { fs = f }}
	_ = cmds[name](ctx, e, []string{"--help"})
	if fs == nil {
		return nil
	}
	return describeFlags(fs, name, shared)
}

func describeFlags(fs *flag.FlagSet, cmd string, skip *flag.FlagSet) []compFlag {
	var flags []compFlag
	fs.VisitAll(func(f *flag.Flag) {
		if skip != nil && skip.Lookup(f.Name) != nil {
			return
		}
		b, isBool := f.Value.(interface{ IsBoolFlag() bool })
		usage, _, _ := strings.Cut(f.Usage, " (")
		flags = append(flags, compFlag{Name: f.Name, Usage: usage, Value: !isBool || !b.IsBoolFlag(),
			Choices: flagChoices(cmd, f.Name)})
	})
	return flags
}

// flagChoices are the values a flag takes when they are a short list.
func flagChoices(cmd, name string) string {
	switch {
	case name == "log-format", cmd == "check" && name == "format":
		return "text json"
	case cmd == "glossary export" && name == "format":
		return "csv tbx"
	case cmd == "user add" && name == "role":
		return strings.Join(account.AllRoles(), " ")
	}
	return ""
}

// shQuoted quotes s for sh and zsh.
func shQuoted(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// fishQuoted quotes s for fish, where a backslash escapes ' and \ even
// between single quotes.
func fishQuoted(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}
