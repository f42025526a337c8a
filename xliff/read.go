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
	for _, p := range parent.parts {
		if p.el == nil || p.el.name.Space != NS2 {
			continue
		}
		switch p.el.name.Local {
		case "group":
			if err := units2(p.el, doc, count); err != nil {
				return err
			}
		case "unit":
			u, err := unit2(p.el, count)
			if err != nil {
				return err
			}
			if len(u.Segments) > 0 { // a unit of <ignorable>s only has nothing to translate
				doc.Units = append(doc.Units, u)
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

// read12 reads XLIFF 1.2: <file>s with a <body> of <trans-unit>s and
// <group>s. A trans-unit whose <seg-source> marks segments (<mrk
// mtype="seg">) gives one segment per mark, its target the <target>'s mark
// of the same mid; any other trans-unit is one segment.
func read12(root *node, doc *Document) error {
	if doc.Version != "1.2" {
		return &Error{Line: root.line, Element: "xliff", Problem: ProblemVersion, Detail: doc.Version}
	}
	count := 0
	for _, f := range root.children(NS12, "file") {
		src, err := lang(f, "source-language", true)
		if err != nil {
			return err
		}
		trg, err := lang(f, "target-language", false)
		if err != nil {
			return err
		}
		if doc.SrcLang == "" {
			doc.SrcLang, doc.TrgLang, doc.Title = src, trg, strings.TrimSpace(f.attr("", "original"))
		} else if src != doc.SrcLang || trg != doc.TrgLang {
			return &Error{Line: f.line, Element: "file", Problem: ProblemLanguage, Detail: "source-language"}
		}
		if body := f.child(NS12, "body"); body != nil {
			if err := units12(body, doc, &count); err != nil {
				return err
			}
		}
	}
	return nil
}

func units12(parent *node, doc *Document, count *int) error {
	for _, p := range parent.parts {
		if p.el == nil || p.el.name.Space != NS12 {
			continue
		}
		switch p.el.name.Local {
		case "group":
			if err := units12(p.el, doc, count); err != nil {
				return err
			}
		case "trans-unit":
			u, err := unit12(p.el, count)
			if err != nil {
				return err
			}
			doc.Units = append(doc.Units, u)
		}
	}
	return nil
}

func unit12(el *node, count *int) (Unit, error) {
	u := Unit{ID: el.attr("", "id")}
	src := el.child(NS12, "source")
	if src == nil {
		return u, &Error{Line: el.line, Element: "trans-unit", Problem: ProblemNoSource}
	}
	trg := el.child(NS12, "target")
	state := ""
	if trg != nil {
		state = state12(trg.attr("", "state"))
	}
	if el.attr("", "approved") == "yes" && state != Final {
		state = Reviewed
	}
	var segs []Segment
	if ss := el.child(NS12, "seg-source"); ss != nil && len(marks(ss)) > 0 {
		targets := map[string]*node{}
		if trg != nil {
			for _, m := range marks(trg) {
				targets[m.attr("", "mid")] = m
			}
		}
		for _, m := range marks(ss) {
			s := Segment{ID: m.attr("", "mid"), Source: inline(m), State: state, Line: m.line}
			if t := targets[s.ID]; t != nil {
				s.Target, s.HasTarget = inline(t), true
			}
			segs = append(segs, s)
		}
	} else {
		s := Segment{ID: u.ID, Source: inline(src), State: state, Line: el.line}
		if trg != nil {
			s.Target, s.HasTarget = inline(trg), true
		}
		segs = append(segs, s)
	}
	for range segs {
		if *count++; *count > MaxSegments {
			return u, &Error{Line: el.line, Element: "trans-unit", Problem: ProblemTooMany, Detail: strconv.Itoa(MaxSegments)}
		}
	}
	u.Segments = segs
	return u, nil
}

// marks returns the <mrk mtype="seg"> elements under n, at any depth.
func marks(n *node) []*node {
	var out []*node
	for _, p := range n.parts {
		if p.el == nil {
			continue
		}
		if p.el.name.Local == "mrk" && p.el.attr("", "mtype") == "seg" {
			out = append(out, p.el)
		} else {
			out = append(out, marks(p.el)...)
		}
	}
	return out
}

// state12 maps an XLIFF 1.2 target state to XLIFF 2: the needs-* states
// before translation and "new" are initial, translated and the
// needs-review-* states are translated, signed-off is reviewed, final is
// final; anything else (x- extensions) says nothing.
func state12(s string) string {
	switch {
	case s == "new" || s == "needs-translation" || s == "needs-l10n" || s == "needs-adaptation":
		return Initial
	case s == "translated" || strings.HasPrefix(s, "needs-review-"):
		return Translated
	case s == "signed-off":
		return Reviewed
	case s == "final":
		return Final
	}
	return ""
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
