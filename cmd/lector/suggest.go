package main

import (
	"context"
	"fmt"
	"strings"
)

// unknownCommand is the one-line answer to a command lector does not know,
// naming the nearest one when a command is near: a typo (two edits at
// most, as git and cobra allow) or the start of a name.
func unknownCommand(cmds map[string]func(context.Context, env, []string) error, name string) string {
	msg := fmt.Sprintf("unknown command %q", name)
	if near := nearest(cmds, name); near != "" {
		msg += fmt.Sprintf("; did you mean %q?", near)
	}
	return msg + " (lector help lists the commands)"
}

// nearest is the command name closest to name, "" when none is close. A
// two-word name ("user tokn") is matched against the group's commands.
func nearest(cmds map[string]func(context.Context, env, []string) error, name string) string {
	var candidates []string
	if group, _, ok := strings.Cut(name, " "); ok && len(subcommands(cmds, group)) > 0 {
		for _, sub := range subcommands(cmds, group) {
			candidates = append(candidates, group+" "+sub)
		}
	} else {
		candidates = topLevel(cmds)
	}
	best, bestDist := "", 3
	for _, c := range candidates {
		d := editDistance(strings.ToLower(name), c)
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	if best != "" {
		return best
	}
	for _, c := range candidates {
		if len(name) >= 2 && strings.HasPrefix(c, strings.ToLower(name)) {
			return c
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
