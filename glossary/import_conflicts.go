package glossary

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"lector/apperr"
	"lector/request"
)

// Conflict kinds.
const (
	// ConflictFormClash: a form of one entry is, in the same language, a
	// preferred form of another, so the matcher could not tell which entry
	// a text means. Forms clash when they are equal, or equal but for case
	// and either term is case-insensitive.
	ConflictFormClash = "form-clash"
	// ConflictInvalid: the entry breaks a rule the database enforces (one
	// preferred form per language, no repeated form, known type and status,
	// one entry per key, no empty or NUL text).
	ConflictInvalid = "invalid"
)

// Conflict is one reason an import is refused. For a form clash, Other,
// OtherForm and OtherStatus describe the other entry's form.
type Conflict struct {
	Kind        string `json:"kind"`
	Key         string `json:"key"`
	Lang        string `json:"lang,omitempty"`
	Form        string `json:"form,omitempty"`
	Status      Status `json:"status,omitempty"`
	Other       string `json:"other,omitempty"`
	OtherForm   string `json:"other_form,omitempty"`
	OtherStatus Status `json:"other_status,omitempty"`
	Problem     string `json:"problem,omitempty"` // for "invalid", in English
	Rule        string `json:"rule,omitempty"`    // for "invalid", which rule (Rule* constants)
}

// The rules an "invalid" conflict names, so that a page can say which
// field broke which rule in the reader's language.
const (
	RuleKeyTwice      = "key-twice"
	RuleKeyEmpty      = "key-empty"
	RuleText          = "text"
	RuleType          = "type"
	RuleTermEmpty     = "term-empty"
	RuleStatus        = "status"
	RuleDuplicateForm = "duplicate-form"
	RuleTwoPreferred  = "two-preferred"
)

// impConflicts checks the glossary the import would leave: the incoming
// entries plus the stored ones the file does not name (unless pruned).
// Only conflicts that involve an incoming entry are reported; older ones
// are not the file's doing.
func impConflicts(stored, incoming []Entry, prune bool) []Conflict {
	conflicts := []Conflict{}
	named := make(map[string]bool, len(incoming))
	for _, e := range incoming {
		if named[e.Key] {
			conflicts = append(conflicts, Conflict{Kind: ConflictInvalid, Key: e.Key, Rule: RuleKeyTwice,
				Problem: fmt.Sprintf("the key %q names two entries in the file", e.Key)})
			continue
		}
		named[e.Key] = true
		conflicts = append(conflicts, impValidate(e)...)
	}
	// result lists the entries after the import; the first len(incoming)
	// are the file's.
	result := make([]*Entry, 0, len(incoming)+len(stored))
	for i := range incoming {
		result = append(result, &incoming[i])
	}
	if !prune {
		for i := range stored {
			if !named[stored[i].Key] {
				result = append(result, &stored[i])
			}
		}
	}
	conflicts = append(conflicts, impClashes(result, len(incoming))...)
	slices.SortStableFunc(conflicts, func(a, b Conflict) int {
		return cmp.Or(cmp.Compare(a.Key, b.Key), cmp.Compare(a.Lang, b.Lang), cmp.Compare(a.Form, b.Form))
	})
	return conflicts
}

// impValidate checks what the database's constraints would refuse, so that
// it is reported with the entry rather than as an internal error.
func impValidate(e Entry) []Conflict {
	var out []Conflict
	bad := func(t *Term, rule, format string, args ...any) {
		c := Conflict{Kind: ConflictInvalid, Key: e.Key, Rule: rule, Problem: fmt.Sprintf(format, args...)}
		if t != nil {
			c.Lang, c.Form, c.Status = t.Lang, t.Form, t.Status
		}
		out = append(out, c)
	}
	if strings.TrimSpace(e.Key) == "" {
		bad(nil, RuleKeyEmpty, "the entry key is empty")
	}
	if !impStorable(e.Key) || !impStorable(e.Note) {
		bad(nil, RuleText, "the key or note is not valid UTF-8 or holds a NUL character")
	} else if err := impFieldsOK(map[string]string{"key": e.Key}, map[string]string{"note": e.Note}); err != "" {
		bad(nil, RuleText, "%s", err)
	}
	switch e.Type {
	case "person", "place", "organization", "term":
	default:
		bad(nil, RuleType, "type %q is not one of person, place, organization, term", e.Type)
	}
	forms := make(map[impTermID]bool, len(e.Terms))
	preferred := make(map[string]string)
	for i := range e.Terms {
		t := &e.Terms[i]
		switch {
		case t.Lang == "" || strings.TrimSpace(t.Form) == "":
			bad(t, RuleTermEmpty, "a term has no language or no form")
			continue
		case !impStorable(t.Lang + t.Form + t.Note + t.Source):
			bad(t, RuleText, "the term is not valid UTF-8 or holds a NUL character")
			continue
		}
		if err := impFieldsOK(map[string]string{"lang": t.Lang, "form": t.Form, "source": t.Source}, map[string]string{"note": t.Note}); err != "" {
			bad(t, RuleText, "%s", err)
			continue
		}
		if !t.Status.Valid() {
			bad(t, RuleStatus, "status %q is not one of preferred, admitted, deprecated, false-friend", t.Status)
		}
		id := impTermID{t.Lang, t.Form}
		if forms[id] {
			bad(t, RuleDuplicateForm, "the %s form %q appears twice in the entry", t.Lang, t.Form)
		}
		forms[id] = true
		if t.Status == Preferred {
			if other, dup := preferred[t.Lang]; dup {
				bad(t, RuleTwoPreferred, "the entry has two preferred %s forms, %q and %q", t.Lang, other, t.Form)
			}
			preferred[t.Lang] = t.Form
		}
	}
	return out
}

// Limits of an entry's fields (docs/glossary.md): a key or a form is a name,
// short enough for the unique indexes PostgreSQL builds over them.
const (
	MaxKeyRunes    = 200
	MaxFormRunes   = 200
	MaxLangRunes   = 35
	MaxSourceRunes = 500
	MaxNoteRunes   = 2000
)

// impFieldsOK checks single-line fields and multi-line ones against their
// limits and says what is wrong in English, as every conflict does.
func impFieldsOK(lines, texts map[string]string) string {
	limits := map[string]int{"key": MaxKeyRunes, "form": MaxFormRunes, "lang": MaxLangRunes, "source": MaxSourceRunes, "note": MaxNoteRunes}
	for _, name := range []string{"key", "lang", "form", "source", "note"} {
		check := request.Line
		s, ok := lines[name]
		if !ok {
			if s, ok = texts[name]; !ok {
				continue
			}
			check = request.Text
		}
		switch apperr.As(check(name, s, limits[name])).MessageID {
		case "error.field_too_long":
			return fmt.Sprintf("the %s is longer than %d characters", name, limits[name])
		case "error.field_single_line":
			return fmt.Sprintf("the %s holds a line break", name)
		case "error.field_control":
			return fmt.Sprintf("the %s holds a control character", name)
		case "error.not_utf8":
			return fmt.Sprintf("the %s is not valid UTF-8", name)
		}
	}
	return ""
}

// impStorable reports whether PostgreSQL's text type can hold s.
func impStorable(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}

// impFormRef is a term in the glossary after the import.
type impFormRef struct {
	entry int // index into the result list
	term  *Term
}

// impHolders are the terms that have one preferred form.
type impHolders struct {
	first impFormRef
	more  []impFormRef
}

// all yields every holder.
func (h impHolders) all(yield func(impFormRef) bool) {
	if !yield(h.first) {
		return
	}
	for _, p := range h.more {
		if !yield(p) {
			return
		}
	}
}

// impClashes finds forms that clash with another entry's preferred form.
// Only the preferred forms are indexed, by language and lower case; every
// form is then looked up once, so the work is linear in the glossary.
func impClashes(result []*Entry, incoming int) []Conflict {
	// Almost every preferred form is unique: the first holder is kept in the
	// map's value, and only true clashes allocate.
	preferred := make(map[impTermID]impHolders, len(result))
	for i, e := range result {
		for j := range e.Terms {
			if t := &e.Terms[j]; t.Status == Preferred {
				id := impTermID{t.Lang, strings.ToLower(t.Form)}
				h := preferred[id]
				if h.first.term == nil {
					h.first = impFormRef{i, t}
				} else {
					h.more = append(h.more, impFormRef{i, t})
				}
				preferred[id] = h
			}
		}
	}
	var out []Conflict
	for oi, e := range result {
		for j := range e.Terms {
			o := impFormRef{oi, &e.Terms[j]}
			h, ok := preferred[impTermID{o.term.Lang, strings.ToLower(o.term.Form)}]
			if !ok {
				continue
			}
			for p := range h.all {
				switch {
				case o.entry == p.entry,
					o.term.Status == Preferred && o.entry < p.entry, // the pair is seen from p
					p.entry >= incoming && o.entry >= incoming,
					o.term.Form != p.term.Form && o.term.CaseSensitive && p.term.CaseSensitive:
					continue
				}
				// Reported on the file's entry, the later one if both are.
				mine, theirs := o, p
				if o.entry >= incoming || (p.entry < incoming && p.entry > o.entry) {
					mine, theirs = p, o
				}
				out = append(out, Conflict{Kind: ConflictFormClash, Key: result[mine.entry].Key,
					Lang: mine.term.Lang, Form: mine.term.Form, Status: mine.term.Status,
					Other: result[theirs.entry].Key, OtherForm: theirs.term.Form, OtherStatus: theirs.term.Status})
			}
		}
	}
	return out
}
