package glossary

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"lector/apperr"
	"lector/locales"
	"lector/request"
)

// Entry form bounds: rows a form may send, and blank rows offered for new
// forms (the page works without JavaScript, so rows are not added on the
// fly).
const (
	pageMaxRows   = 500
	pageBlankRows = 3
)

// pageRow is one term row of the entry form, as typed, with the problems
// found in it by field (lang, form, status), already in the reader's
// language.
type pageRow struct {
	Lang, Form, Status, Case, Note, Source string
	Problems                               map[string]string
	Clash                                  *pageClash
}

// pageClash is a form that is another entry's preferred form.
type pageClash struct {
	ID               int64 // 0 when the other entry is gone
	Key, Form        string
	Status, Lang     string
	OtherIsPreferred bool
}

// pageForm is the entry form: what the user typed, kept through a failed
// save, and the problems by field (key, type, note, terms).
type pageForm struct {
	ID                 int64
	Key, Type, Note    string
	Revision           int
	Rows               []pageRow
	Problems           map[string]string
	Stale              *Entry // the stored entry, when the edit was made on an older one
	StaleTheirRevision int
	rowOfTerm          []int // index into Rows of each term of the parsed entry
	hasProblems        bool
}

// pageFormOf fills the form from a stored entry, with blank rows for new
// forms.
func pageFormOf(e Entry) pageForm {
	f := pageForm{ID: e.ID, Key: e.Key, Type: e.Type, Note: e.Note, Revision: e.Revision}
	for _, t := range e.Terms {
		f.Rows = append(f.Rows, pageRow{Lang: t.Lang, Form: t.Form, Status: string(t.Status),
			Case: strconv.FormatBool(t.CaseSensitive), Note: t.Note, Source: t.Source})
	}
	return f.withBlankRows()
}

// HasRowProblems reports whether any term row has a problem.
func (f pageForm) HasRowProblems() bool {
	for _, r := range f.Rows {
		if len(r.Problems) > 0 || r.Clash != nil {
			return true
		}
	}
	return false
}

func (f pageForm) withBlankRows() pageForm {
	for range pageBlankRows {
		f.Rows = append(f.Rows, pageRow{})
	}
	return f
}

func (f *pageForm) problem(field, msg string) {
	if f.Problems == nil {
		f.Problems = map[string]string{}
	}
	if _, ok := f.Problems[field]; !ok {
		f.Problems[field] = msg
	}
	f.hasProblems = true
}

func (f *pageForm) rowProblem(i int, field, msg string) {
	r := &f.Rows[i]
	if r.Problems == nil {
		r.Problems = map[string]string{}
	}
	if _, ok := r.Problems[field]; !ok {
		r.Problems[field] = msg
	}
	f.hasProblems = true
}

// pageParseForm reads the posted entry form. Each field is checked on its
// own here, in the reader's language; the rules across terms are the
// domain's (impValidate, then SaveEntry). A request no Lector form sends
// (term columns of different lengths, too many rows) is refused outright.
func pageParseForm(values url.Values, t *locales.Translator) (pageForm, Entry, error) {
	f := pageForm{Key: strings.TrimSpace(values.Get("key")), Type: values.Get("type"), Note: values.Get("note")}
	if rev, err := request.Int("revision", values.Get("revision"), 0, 0, request.MaxInt4); err == nil {
		f.Revision = int(rev)
	} else {
		return f, Entry{}, err
	}
	cols := map[string][]string{}
	for _, name := range []string{"lang", "form", "status", "case", "note", "source"} {
		cols[name] = values["term_"+name]
	}
	n := len(cols["form"])
	for name, col := range cols {
		if len(col) != n {
			return f, Entry{}, apiInvalid("term_"+name, fmt.Sprintf("%d values for %d term rows", len(col), n))
		}
	}
	if n > pageMaxRows {
		return f, Entry{}, apperr.New(apperr.TooLarge, "error.glossary_rows", map[string]any{"Max": pageMaxRows})
	}
	e := Entry{Key: f.Key, Type: f.Type, Note: f.Note, Revision: f.Revision}
	switch e.Type {
	case "person", "place", "organization", "term":
	default:
		f.problem("type", t.T("glossary.problem.type"))
	}
	for i := range n {
		r := pageRow{Lang: strings.TrimSpace(cols["lang"][i]), Form: strings.TrimSpace(cols["form"][i]),
			Status: cols["status"][i], Case: cols["case"][i], Note: cols["note"][i], Source: cols["source"][i]}
		if r.Lang == "" && r.Form == "" {
			continue // a blank row, or a form cleared to remove it
		}
		f.Rows = append(f.Rows, r)
		row := len(f.Rows) - 1
		term := Term{Form: r.Form, Status: Status(r.Status), Note: r.Note, Source: r.Source}
		if tag, err := language.Parse(r.Lang); err != nil {
			f.rowProblem(row, "lang", t.T("glossary.problem.lang", "Lang", r.Lang))
		} else {
			term.Lang = tag.String()
			f.Rows[row].Lang = term.Lang
		}
		if r.Form == "" {
			f.rowProblem(row, "form", t.T("glossary.problem.form_empty"))
		}
		if !term.Status.Valid() {
			f.rowProblem(row, "status", t.T("glossary.problem.status"))
		}
		// The CSV's default: names are case-sensitive, common words and
		// false friends not.
		term.CaseSensitive = e.Type != "term" && term.Status != FalseFriend
		if b, err := strconv.ParseBool(r.Case); err == nil {
			term.CaseSensitive = b
		}
		e.Terms = append(e.Terms, term)
		f.rowOfTerm = append(f.rowOfTerm, row)
	}
	if len(f.Rows) == 0 {
		f.problem("terms", t.T("glossary.problem.no_terms"))
	}
	if e.Key == "" && len(e.Terms) > 0 {
		// A key is only an identity for imports; one made from the first
		// form saves the maintainer from inventing it.
		e.Key = strings.ToLower(strings.Join(strings.Fields(e.Terms[0].Form), "-"))
	}
	if !f.hasProblems {
		f.conflicts(impValidate(e), nil, t)
	}
	return f, e, nil
}

// conflicts puts the domain's conflicts next to the rows and fields they
// are about; ids links clashing entries by key.
func (f *pageForm) conflicts(cs []Conflict, ids map[string]int64, t *locales.Translator) {
	for _, c := range cs {
		row := -1
		for i, r := range f.Rows {
			// A repeated form is reported on its later row.
			if r.Lang == c.Lang && r.Form == c.Form && (row < 0 || c.Rule == RuleDuplicateForm) {
				row = i
			}
		}
		switch {
		case c.Kind == ConflictFormClash && row >= 0:
			f.Rows[row].Clash = &pageClash{ID: ids[c.Other], Key: c.Other, Form: c.OtherForm, Status: string(c.OtherStatus), Lang: c.Lang}
			f.rowProblem(row, "form", t.T("glossary.problem.clash"))
		case c.Rule == RuleDuplicateForm && row >= 0:
			f.rowProblem(row, "form", t.T("glossary.problem.duplicate_form"))
		case c.Rule == RuleTwoPreferred && row >= 0:
			f.rowProblem(row, "status", t.T("glossary.problem.two_preferred", "Lang", t.LangName(c.Lang)))
		case c.Rule == RuleText && row >= 0:
			f.rowProblem(row, "form", t.T("glossary.problem.text"))
		case c.Rule == RuleKeyEmpty:
			f.problem("key", t.T("glossary.problem.key"))
		case c.Rule == RuleType:
			f.problem("type", t.T("glossary.problem.type"))
		case c.Rule == RuleText:
			f.problem("note", t.T("glossary.problem.text"))
		default:
			f.problem("terms", t.T("glossary.problem.invalid"))
		}
	}
}
