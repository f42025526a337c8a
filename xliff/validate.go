package xliff

import (
	"bytes"
	"fmt"
	"regexp"

	"golang.org/x/text/language"
)

// Validate checks an XLIFF 2 document against the content models of the
// XLIFF 2.1 core schema (xliff_core_2.0.xsd, which 2.1 keeps) and of the
// glossary module for the elements Write uses: <xliff> with version, srcLang
// and an optional trgLang that are languages; <file> with an id, notes before
// units; <unit> with a unique id, extension elements (the glossary) before
// <notes>, then at least one <segment> or <ignorable>; a <source> then an
// optional <target> in each; states from the four allowed, a subState only
// beside a state and of the form prefix:value; each <gls:glossEntry> a
// <gls:term>, then <gls:translation>s, then at most one <gls:definition>,
// with a translation or a definition. The official schemas could not be had
// from any registry this project may use (see README), so this is the check
// the tests run on every XLIFF Lector writes, beside xmllint's
// well-formedness and namespace check.
func Validate(data []byte) error {
	root, err := readTree(bytes.NewReader(data))
	if err != nil {
		return err
	}
	if root.name.Space != NS2 || root.name.Local != "xliff" {
		return fmt.Errorf("root <%s> is not an XLIFF 2 <xliff>", root.name.Local)
	}
	if root.attr("", "version") == "" {
		return fmt.Errorf("line %d: <xliff> has no version", root.line)
	}
	for _, a := range []string{"srcLang", "trgLang"} {
		v := root.attr("", a)
		if v == "" && a == "trgLang" {
			continue
		}
		if _, err := language.Parse(v); err != nil || v == "" {
			return fmt.Errorf("line %d: %s=%q is not a language", root.line, a, v)
		}
	}
	files := elements(root)
	if len(files) == 0 {
		return fmt.Errorf("<xliff> has no <file>")
	}
	for _, f := range files {
		if err := validateFile(f); err != nil {
			return err
		}
	}
	return nil
}

var (
	nmtoken     = regexp.MustCompile(`^[\p{L}\p{N}._:\-]+$`)
	userDefined = regexp.MustCompile(`^[^\s:]+:[^\s:]+$`)
)

func elements(n *node) []*node {
	var out []*node
	for _, p := range n.parts {
		if p.el != nil {
			out = append(out, p.el)
		}
	}
	return out
}

func validateFile(f *node) error {
	if f.name.Space != NS2 || f.name.Local != "file" {
		return fmt.Errorf("line %d: <%s> in <xliff>", f.line, f.name.Local)
	}
	if !nmtoken.MatchString(f.attr("", "id")) {
		return fmt.Errorf("line %d: <file> id %q is not an NMTOKEN", f.line, f.attr("", "id"))
	}
	units, ids := 0, map[string]bool{}
	for _, el := range elements(f) {
		switch {
		case el.name.Space == NS2 && el.name.Local == "notes":
			if units > 0 {
				return fmt.Errorf("line %d: <notes> after a <unit>", el.line)
			}
			if len(el.children(NS2, "note")) == 0 || len(elements(el)) != len(el.children(NS2, "note")) {
				return fmt.Errorf("line %d: <notes> must hold <note>s only", el.line)
			}
		case el.name.Space == NS2 && el.name.Local == "unit":
			units++
			id := el.attr("", "id")
			if !nmtoken.MatchString(id) || ids[id] {
				return fmt.Errorf("line %d: <unit> id %q is not a unique NMTOKEN", el.line, id)
			}
			ids[id] = true
			if err := validateUnit(el); err != nil {
				return err
			}
		default:
			return fmt.Errorf("line %d: <%s> is not allowed in <file> here", el.line, el.name.Local)
		}
	}
	if units == 0 {
		return fmt.Errorf("line %d: <file> has no <unit>", f.line)
	}
	return nil
}

func validateUnit(u *node) error {
	phase, segments := 0, 0 // 0 extensions, 1 notes, 2 segments
	for _, el := range elements(u) {
		switch {
		case el.name.Space != NS2:
			if phase > 0 {
				return fmt.Errorf("line %d: <%s> after the unit's core content", el.line, el.name.Local)
			}
			if el.name.Space == NSGls {
				if err := validateGlossary(el); err != nil {
					return err
				}
			}
		case el.name.Local == "notes" && phase == 0:
			phase = 1
		case el.name.Local == "segment" || el.name.Local == "ignorable":
			phase = 2
			segments++
			if err := validateSegment(el); err != nil {
				return err
			}
		default:
			return fmt.Errorf("line %d: <%s> is not allowed in <unit> here", el.line, el.name.Local)
		}
	}
	if segments == 0 {
		return fmt.Errorf("line %d: <unit> has no <segment>", u.line)
	}
	return nil
}

func validateSegment(s *node) error {
	els := elements(s)
	if len(els) == 0 || els[0].name.Space != NS2 || els[0].name.Local != "source" {
		return fmt.Errorf("line %d: <%s> must start with <source>", s.line, s.name.Local)
	}
	if len(els) > 2 || len(els) == 2 && (els[1].name.Space != NS2 || els[1].name.Local != "target") {
		return fmt.Errorf("line %d: <%s> holds a <source> and an optional <target> only", s.line, s.name.Local)
	}
	for _, el := range els {
		for _, p := range el.parts {
			if p.el != nil && !(p.el.name.Space == NS2 && p.el.name.Local == "cp") {
				return fmt.Errorf("line %d: <%s> inside <%s>", p.el.line, p.el.name.Local, el.name.Local)
			}
		}
	}
	state, sub := s.attr("", "state"), s.attr("", "subState")
	switch state {
	case "", Initial, Translated, Reviewed, Final:
	default:
		return fmt.Errorf("line %d: state %q", s.line, state)
	}
	if sub != "" && (state == "" || !userDefined.MatchString(sub)) {
		return fmt.Errorf("line %d: subState %q needs a state and the form prefix:value", s.line, sub)
	}
	if id := s.attr("", "id"); id != "" && !nmtoken.MatchString(id) {
		return fmt.Errorf("line %d: id %q is not an NMTOKEN", s.line, id)
	}
	return nil
}

func validateGlossary(g *node) error {
	if g.name.Local != "glossary" {
		return fmt.Errorf("line %d: <gls:%s> outside <gls:glossary>", g.line, g.name.Local)
	}
	entries := elements(g)
	if len(entries) == 0 {
		return fmt.Errorf("line %d: <gls:glossary> is empty", g.line)
	}
	for _, e := range entries {
		if e.name.Space != NSGls || e.name.Local != "glossEntry" {
			return fmt.Errorf("line %d: <%s> in <gls:glossary>", e.line, e.name.Local)
		}
		els := elements(e)
		if len(els) == 0 || els[0].name.Space != NSGls || els[0].name.Local != "term" {
			return fmt.Errorf("line %d: <gls:glossEntry> must start with <gls:term>", e.line)
		}
		translations, definitions := 0, 0
		for _, el := range els[1:] {
			switch {
			case el.name.Space == NSGls && el.name.Local == "translation" && definitions == 0:
				translations++
			case el.name.Space == NSGls && el.name.Local == "definition" && definitions == 0:
				definitions++
			default:
				return fmt.Errorf("line %d: <%s> out of order in <gls:glossEntry>", el.line, el.name.Local)
			}
		}
		if translations+definitions == 0 {
			return fmt.Errorf("line %d: <gls:glossEntry> needs a <gls:translation> or a <gls:definition>", e.line)
		}
	}
	return nil
}
