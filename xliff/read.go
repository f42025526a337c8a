package xliff

import (
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// Parse reads an XLIFF 1.2 or 2.x document. Errors are *Error, naming the
// line and element, except for failures of r itself.
func Parse(r io.Reader) (*Document, error) {
	root, err := readTree(r)
	if err != nil {
		return nil, err
	}
	if root.name.Local != "xliff" || (root.name.Space != NS2 && root.name.Space != NS12) {
		return nil, &Error{Line: root.line, Element: root.name.Local, Problem: ProblemRoot}
	}
	doc := &Document{Version: root.attr("", "version")}
	if root.name.Space == NS12 {
		err = read12(root, doc)
	} else {
		err = read2(root, doc)
	}
	if err != nil {
		return nil, err
	}
	n := 0
	for _, u := range doc.Units {
		n += len(u.Segments)
	}
	if n == 0 {
		return nil, &Error{Line: root.line, Element: "xliff", Problem: ProblemNoSegments}
	}
	return doc, nil
}

// read2 reads XLIFF 2.x: <file>s of <unit>s and <group>s of units.
func read2(root *node, doc *Document) error {
	if !strings.HasPrefix(doc.Version, "2.") {
		return &Error{Line: root.line, Element: "xliff", Problem: ProblemVersion, Detail: doc.Version}
	}
	var err error
	if doc.SrcLang, err = lang(root, "srcLang", true); err != nil {
		return err
	}
	if doc.TrgLang, err = lang(root, "trgLang", false); err != nil {
		return err
	}
	count := 0
	for _, f := range root.children(NS2, "file") {
		if doc.Title == "" {
			doc.Title = title2(f)
		}
		if err := units2(f, doc, &count); err != nil {
			return err
		}
	}
	return nil
}

func title2(f *node) string {
	if notes := f.child(NS2, "notes"); notes != nil {
		for _, n := range notes.children(NS2, "note") {
			if n.attr("", "category") == TitleTag {
				return strings.TrimSpace(plain(n))
			}
		}
	}
	return strings.TrimSpace(f.attr("", "original"))
}

// units2 appends the units of a <file> or <group>, groups flattened in
// document order.
func units2(parent *node, doc *Document, count *int) error {
	return eachUnit(parent, NS2, "unit", func(el *node) error {
		u, err := unit2(el, count)
		if err != nil {
			return err
		}
		if len(u.Segments) > 0 { // a unit of <ignorable>s only has nothing to translate
			doc.Units = append(doc.Units, u)
		}
		return nil
	})
}

// eachUnit calls read on every unit element (unitTag in namespace ns) of a
// <file> or <group>, groups flattened in document order.
func eachUnit(parent *node, ns, unitTag string, read func(*node) error) error {
	for _, p := range parent.parts {
		if p.el == nil || p.el.name.Space != ns {
			continue
		}
		switch p.el.name.Local {
		case "group":
			if err := eachUnit(p.el, ns, unitTag, read); err != nil {
				return err
			}
		case unitTag:
			if err := read(p.el); err != nil {
				return err
			}
		}
	}
	return nil
}

func unit2(el *node, count *int) (Unit, error) {
	u := Unit{ID: el.attr("", "id")}
	for _, seg := range el.children(NS2, "segment") {
		if *count++; *count > MaxSegments {
			return u, &Error{Line: seg.line, Element: "segment", Problem: ProblemTooMany, Detail: strconv.Itoa(MaxSegments)}
		}
		src := seg.child(NS2, "source")
		if src == nil {
			return u, &Error{Line: seg.line, Element: "segment", Problem: ProblemNoSource}
		}
		s := Segment{ID: seg.attr("", "id"), Source: inline(src), State: seg.attr("", "state"),
			SubState: seg.attr("", "subState"), Line: seg.line}
		if t := seg.child(NS2, "target"); t != nil {
			s.Target, s.HasTarget = inline(t), true
		}
		switch s.State {
		case "", Initial, Translated, Reviewed, Final:
		default:
			return u, &Error{Line: seg.line, Element: "segment", Problem: ProblemSyntax, Detail: "state=" + strconv.Quote(s.State)}
		}
		u.Segments = append(u.Segments, s)
	}
	if notes := el.child(NS2, "notes"); notes != nil {
		for _, n := range notes.children(NS2, "note") {
			u.Notes = append(u.Notes, Note{ID: n.attr("", "id"), Category: n.attr("", "category"), Text: plain(n), Line: n.line})
		}
	}
	if g := el.child(NSGls, "glossary"); g != nil {
		for _, e := range g.children(NSGls, "glossEntry") {
			ge := GlossEntry{}
			if t := e.child(NSGls, "term"); t != nil {
				ge.Term = plain(t)
			}
			if t := e.child(NSGls, "translation"); t != nil {
				ge.Translation = plain(t)
			}
			if t := e.child(NSGls, "definition"); t != nil {
				ge.Definition = plain(t)
			}
			u.Glossary = append(u.Glossary, ge)
		}
	}
	return u, nil
}

// lang reads a BCP 47 attribute as its canonical form.
func lang(n *node, name string, required bool) (string, error) {
	v := strings.TrimSpace(n.attr("", name))
	if v == "" && !required {
		return "", nil
	}
	t, err := language.Parse(v)
	if err != nil {
		return "", &Error{Line: n.line, Element: n.name.Local, Problem: ProblemLanguage, Detail: name}
	}
	return t.String(), nil
}

// inline is the text of a <source> or <target>: text and the text of the
// inline elements that wrap text, without codes.
func inline(n *node) string {
	var b strings.Builder
	inlineTo(&b, n)
	return b.String()
}

func inlineTo(b *strings.Builder, n *node) {
	for _, p := range n.parts {
		if p.el == nil {
			b.WriteString(p.text)
			continue
		}
		switch p.el.name.Local {
		case "pc", "mrk", "g":
			inlineTo(b, p.el)
		case "cp":
			if v, err := strconv.ParseUint(p.el.attr("", "hex"), 16, 32); err == nil {
				b.WriteRune(rune(v))
			}
		}
	}
}

// plain is all the text under n.
func plain(n *node) string {
	var b strings.Builder
	for _, p := range n.parts {
		if p.el == nil {
			b.WriteString(p.text)
		} else {
			b.WriteString(plain(p.el))
		}
	}
	return b.String()
}
