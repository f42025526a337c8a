package glossary

import (
	"fmt"
	"strings"
)

// tbxStatusOf maps an administrativeStatus or normativeAuthorization value;
// the "-admn-sts" suffix is optional, since TBX 2008 files differ on it.
func tbxStatusOf(value string) (Status, bool) {
	switch strings.TrimSuffix(value, "-admn-sts") {
	case "preferredTerm":
		return Preferred, true
	case "admittedTerm":
		return Admitted, true
	case "deprecatedTerm", "supersededTerm":
		return Deprecated, true
	}
	return "", false
}

// endText gives the collapsed text of a read element to its role.
func (p *tbxParser) endText(f tbxFrame, text string) error {
	t := p.term
	switch f.role {
	case tbxForm:
		if t.hasForm {
			return tbxError(p.file, f.line, f.name, "the term section has a second <term>")
		}
		if text == "" {
			return tbxError(p.file, f.line, f.name, "the term is empty")
		}
		t.term.Form, t.hasForm = text, true
	case tbxStatusText:
		s, ok := tbxStatusOf(text)
		if !ok {
			return tbxError(p.file, f.line, f.name, fmt.Sprintf("the administrative status %q is not one of preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts", text))
		}
		if t.hasStatus && t.term.Status != s {
			return tbxError(p.file, f.line, f.name, fmt.Sprintf("the term has a second, different status %q", text))
		}
		t.term.Status, t.hasStatus = s, true
	case tbxTermNote:
		return p.termNote(f, text)
	case tbxSource:
		if text != "" {
			t.sources = append(t.sources, text)
		}
	case tbxConceptNote:
		return p.conceptNote(f, text)
	}
	return nil
}

// termNote reads a term-level <note>: a Lector marker or Term.Note.
func (p *tbxParser) termNote(f tbxFrame, text string) error {
	t := p.term
	mark := int8(0)
	switch text {
	case "":
	case tbxFalseFriendNote:
		t.falseFr = true
	case tbxCaseNote:
		mark = 1
	case tbxNoCaseNote:
		mark = -1
	default:
		t.notes = append(t.notes, text)
	}
	if mark != 0 {
		if t.caseMark == -mark {
			return tbxError(p.file, f.line, f.name, "the term is marked both lector:case-sensitive and lector:case-insensitive")
		}
		t.caseMark = mark
	}
	return nil
}

// conceptNote reads a concept-level <note>: the type marker or Entry.Note.
func (p *tbxParser) conceptNote(f tbxFrame, text string) error {
	c := p.concept
	typ, ok := strings.CutPrefix(text, tbxTypePrefix)
	if !ok {
		if text != "" {
			c.notes = append(c.notes, text)
		}
		return nil
	}
	if !tbxValidType(typ) {
		return tbxError(p.file, f.line, f.name, fmt.Sprintf("the type %q is not one of person, place, organization, term", typ))
	}
	if c.hasType && c.entry.Type != typ {
		return tbxError(p.file, f.line, f.name, fmt.Sprintf("the concept has a second, different type %q", typ))
	}
	c.entry.Type, c.hasType = typ, true
	return nil
}

// endTerm checks a term as ParseCSV checks a row and adds it to its concept.
func (p *tbxParser) endTerm(f tbxFrame) error {
	t, c := p.term, p.concept
	p.term = nil
	if !t.hasForm {
		return tbxError(p.file, f.line, f.name, "the term section has no <term>")
	}
	switch {
	case t.falseFr:
		t.term.Status = FalseFriend
	case !t.hasStatus:
		t.term.Status = Admitted
	}
	label := "the concept"
	if c.entry.Key != "" {
		label = fmt.Sprintf("entry %q", c.entry.Key)
	}
	form := [2]string{t.term.Lang, t.term.Form}
	if c.forms[form] {
		return tbxError(p.file, f.line, f.name, fmt.Sprintf("%s already has the %s term %q", label, t.term.Lang, t.term.Form))
	}
	c.forms[form] = true
	if t.term.Status == Preferred {
		if other, dup := c.preferred[t.term.Lang]; dup {
			return tbxError(p.file, f.line, f.name, fmt.Sprintf("%s already has a preferred %s term, %q", label, t.term.Lang, other))
		}
		c.preferred[t.term.Lang] = t.term.Form
	}
	t.term.Note = strings.Join(t.notes, "\n")
	t.term.Source = strings.Join(t.sources, "\n")
	c.entry.Terms = append(c.entry.Terms, t.term)
	c.caseMarks = append(c.caseMarks, t.caseMark)
	p.terms++
	return nil
}

// endConcept resolves case sensitivity, which depends on the type, known
// only now, and keeps the concept if it has terms.
func (p *tbxParser) endConcept() {
	c := p.concept
	p.concept = nil
	if len(c.entry.Terms) == 0 {
		return
	}
	for i := range c.entry.Terms {
		t := &c.entry.Terms[i]
		t.CaseSensitive = tbxDefaultCase(c.entry.Type, t.Status)
		if c.caseMarks[i] != 0 {
			t.CaseSensitive = c.caseMarks[i] > 0
		}
	}
	c.entry.Note = strings.Join(c.notes, "\n")
	p.entries = append(p.entries, c.entry)
}

// finish gives each concept without an id the key "c<position>", or the
// next free number if another concept has that id.
func (p *tbxParser) finish() []Entry {
	for i := range p.entries {
		e := &p.entries[i]
		if e.Key != "" {
			continue
		}
		n := i + 1
		for p.ids[fmt.Sprintf("c%d", n)] {
			n++
		}
		e.Key = fmt.Sprintf("c%d", n)
		p.ids[e.Key] = true
	}
	return p.entries
}
