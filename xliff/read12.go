package xliff

import (
	"strconv"
	"strings"
)

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
	return eachUnit(parent, NS12, "trans-unit", func(el *node) error {
		u, err := unit12(el, count)
		if err != nil {
			return err
		}
		doc.Units = append(doc.Units, u)
		return nil
	})
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
	for _, n := range el.children(NS12, "note") {
		u.Notes = append(u.Notes, Note{Category: n.attr("", "from"), Text: plain(n), Line: n.line})
	}
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
