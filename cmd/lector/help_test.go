package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Every command has its line in `lector help`, a summary and an example, and
// every documented command exists: a new command cannot go unlisted.
func TestEveryCommandDocumented(t *testing.T) {
	cmds := commands()
	var documented []string
	for _, d := range commandDocs() {
		documented = append(documented, d.name)
		if _, ok := cmds[d.name]; !ok {
			t.Errorf("help documents %q, which is no command", d.name)
		}
		if d.summary == "" || d.example == "" || strings.Contains(d.summary, "\n") {
			t.Errorf("%q: want a one-line summary and an example", d.name)
		}
	}
	for name := range cmds {
		if !slices.Contains(documented, name) {
			t.Errorf("command %q has no entry in commandDocs", name)
		}
	}
	_, out, _ := lector(t, "", "help")
	for _, d := range commandDocs() {
		if n := strings.Count(out, "\n  "+d.name+" "); n != 1 {
			t.Errorf("lector help has %d lines for %q, want 1:\n%s", n, d.name, out)
		}
	}
}

// `lector help COMMAND` and `lector COMMAND --help` print the same help on
// stdout: what the command does, its flags, an example.
func TestCommandHelp(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"check"}, []string{"lector check: run every check", "-glossary value", "-format string", "example:\n  lector check --glossary"}},
		{[]string{"glossary", "export"}, []string{"-format string", "-o string", "example:\n  lector glossary export --format tbx"}},
		{[]string{"user", "add"}, []string{"usage: lector user add EMAIL --role R [FLAGS]", "-role value", "example:"}},
		{[]string{"serve"}, []string{"-addr string", "-db-max-open-conns value", "example:"}},
		{[]string{"completion"}, []string{"bash|zsh|fish", "source <(lector completion bash)"}},
		{[]string{"help"}, []string{"lector help glossary export"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, viaHelp, stderr := lector(t, "", append([]string{"help"}, tt.args...)...)
			if code != 0 || stderr != "" {
				t.Fatalf("lector help %s: exit %d, stderr %q", strings.Join(tt.args, " "), code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(viaHelp, w) {
					t.Errorf("lector help %s lacks %q:\n%s", strings.Join(tt.args, " "), w, viaHelp)
				}
			}
			code, viaFlag, stderr := lector(t, "", append(tt.args, "--help")...)
			if code != 0 || stderr != "" || viaFlag != viaHelp {
				t.Errorf("%s --help: exit %d, stderr %q, and unlike lector help:\n%s", strings.Join(tt.args, " "), code, stderr, viaFlag)
			}
		})
	}
	// A group's help lists its subcommands; without a subcommand it is
	// bad usage.
	if code, out, _ := lector(t, "", "help", "user"); code != 0 || !strings.Contains(out, "\n  user token EMAIL") {
		t.Errorf("lector help user: exit %d:\n%s", code, out)
	}
	if code, _, stderr := lector(t, "", "user"); code != 2 || stderr != "lector user: missing subcommand: add, token or unlock (lector help user lists them)\n" {
		t.Errorf("lector user: exit %d, stderr %q", code, stderr)
	}
}

// An unknown command is bad usage: one line naming it and, when a command
// is near, that command.
func TestUnknownCommandSuggests(t *testing.T) {
	tests := []struct {
		args    []string
		suggest string // "": none
	}{
		{[]string{"chek"}, "check"},
		{[]string{"serv"}, "serve"},
		{[]string{"migrte"}, "migrate"},
		{[]string{"glosary", "import"}, "glossary"},
		{[]string{"user", "tokn"}, "user token"},
		{[]string{"article", "delet"}, "article delete"},
		{[]string{"article", "remove"}, ""},
		{[]string{"compl"}, "completion"},
		{[]string{"frobnicate"}, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := lector(t, "", tt.args...)
			if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "unknown command") {
				t.Fatalf("exit %d, stderr %q; want 2 and one line", code, stderr)
			}
			hint := `did you mean "` + tt.suggest + `"?`
			if tt.suggest == "" {
				if strings.Contains(stderr, "did you mean") {
					t.Errorf("stderr %q suggests a command", stderr)
				}
			} else if !strings.Contains(stderr, hint) {
				t.Errorf("stderr %q, want %s", stderr, hint)
			}
		})
	}
	if code, _, stderr := lector(t, "", "help", "chek"); code != 2 || !strings.Contains(stderr, `did you mean "check"?`) {
		t.Errorf("lector help chek: exit %d, stderr %q", code, stderr)
	}
}

// The bash script is valid bash and, sourced, completes commands,
// subcommands, flags and flag values.
func TestCompletion(t *testing.T) {
	code, script, stderr := lector(t, "", "completion", "bash")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash is needed to test the bash completion")
	}
	if out, err := exec.Command(bash, "-n", "-c", script).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	cases := []struct{ line, want string }{
		{"lector ch", "check"},
		{"lector gl", "glossary"},
		{"lector user ", "add token unlock"},
		{"lector glossary export --format ", "csv tbx"},
		{"lector check --gl", "--glossary"},
		{"lector user add --role ed", "editor"},
		{"lector --data-d", "--data-dir"},
		{"lector serve --log-format ", "text json"},
		{"lector help gl", "glossary"},
		{"lector completion ", "bash zsh fish"},
		{"lector glossary export -o", "-o"},
	}
	var probe strings.Builder
	probe.WriteString(script)
	probe.WriteString(`
t() { read -ra COMP_WORDS <<<"$1"; [[ $1 == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _lector; echo "${COMPREPLY[*]}"; }
`)
	for _, c := range cases {
		probe.WriteString("t '" + c.line + "'\n")
	}
	out, err := exec.Command(bash, "-c", probe.String()).CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	got := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(got) != len(cases) {
		t.Fatalf("%d answers for %d cases:\n%s", len(got), len(cases), out)
	}
	for i, c := range cases {
		if got[i] != c.want {
			t.Errorf("%q completes to %q, want %q", c.line, got[i], c.want)
		}
	}
	for shell, flag := range map[string]string{"zsh": "'--glossary:", "fish": "-l glossary"} {
		code, script, _ := lector(t, "", "completion", shell)
		for _, w := range []string{"glossary", "export", flag, "csv tbx", "translator editor"} {
			if code != 0 || !strings.Contains(script, w) {
				t.Errorf("lector completion %s: exit %d, %q missing", shell, code, w)
			}
		}
	}
	if code, _, stderr := lector(t, "", "completion", "tcsh"); code != 2 || !strings.Contains(stderr, `"tcsh"`) {
		t.Errorf("lector completion tcsh: exit %d, stderr %q", code, stderr)
	}
}
