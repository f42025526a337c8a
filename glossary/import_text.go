package glossary

import (
	"bufio"
	"io"

	"lector/locales"
)

// WriteText renders p for a person at a terminal: the summary line, every
// conflict, then what changes in at most limit entries (0: none), in t's
// language.
func (p Plan) WriteText(w io.Writer, t *locales.Translator, limit int) error {
	bw := bufio.NewWriter(w)
	line := func(s string) {
		bw.WriteString(s)
		bw.WriteByte('\n')
	}
	s := p.Summary()
	line(t.T("import.summary", "New", s.New, "Changed", s.Changed, "Unchanged", s.Unchanged,
		"Deleted", s.Deleted, "Conflicts", s.Conflicts))
	for _, c := range p.Conflicts {
		line(expConflictText(t, c))
	}
	shown := 0
	for _, key := range p.New {
		if shown == limit {
			break
		}
		line(t.T("import.entry.new", "Key", key))
		shown++
	}
	for _, c := range p.Changed {
		if shown == limit {
			break
		}
		line(t.T("import.entry.changed", "Key", c.Key))
		for _, f := range c.Fields {
			line(t.T("import.field.changed", "Field", f.Field, "Before", f.Before, "After", f.After))
		}
		for _, tc := range c.Terms {
			line(t.T("import.term."+tc.Change, "Lang", tc.Lang, "Form", tc.Form, "Status", string(tc.Status)))
			for _, f := range tc.Fields {
				line(t.T("import.term.field", "Field", f.Field, "Before", f.Before, "After", f.After))
			}
		}
		shown++
	}
	for _, key := range p.Deleted {
		if shown == limit {
			break
		}
		line(t.T("import.entry.deleted", "Key", key))
		shown++
	}
	if more := s.New + s.Changed + s.Deleted - shown; more > 0 && limit > 0 {
		line(t.T("import.more", "Count", more))
	}
	switch {
	case s.Conflicts > 0:
		line(t.T("import.refused"))
	case p.Applied:
		line(t.T("import.applied"))
	default:
		line(t.T("import.dry_run"))
	}
	return bw.Flush()
}

// expConflictText is one conflict as a sentence.
func expConflictText(t *locales.Translator, c Conflict) string {
	if c.Kind == ConflictFormClash {
		return t.T("import.conflict.form_clash", "Key", c.Key, "Lang", c.Lang, "Form", c.Form, "Status", string(c.Status),
			"Other", c.Other, "OtherForm", c.OtherForm, "OtherStatus", string(c.OtherStatus))
	}
	return t.T("import.conflict.invalid", "Key", c.Key, "Problem", c.Problem)
}
