package xliff

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"lector/internal/xmltext"
)

// Write writes d as XLIFF 2.1 with the glossary module: one <file>, the
// title as a file <note category="title">, one <unit> per Unit with its
// glossary first, then its notes, and an <ignorable> holding one space between segments, so
// that the unit's text is the segments joined by spaces. Unit and segment
// ids are "u1", "s1", ... where the Document gives none. Characters XML
// cannot carry (control characters) are written as <cp hex="..."/>.
func Write(w io.Writer, d *Document) error {
	x := writer{xmltext.NewWriter(w)}
	x.Raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.Raw(`<xliff xmlns="` + NS2 + `" xmlns:gls="` + NSGls + `" version="2.1"`)
	x.Attr("srcLang", d.SrcLang)
	if d.TrgLang != "" {
		x.Attr("trgLang", d.TrgLang)
	}
	x.Raw(">\n <file id=\"f1\">\n")
	if d.Title != "" {
		x.Raw("  <notes>\n   <note category=\"" + TitleTag + "\">")
		x.Text(d.Title)
		x.Raw("</note>\n  </notes>\n")
	}
	for i, u := range d.Units {
		if len(u.Segments) > 0 { // XLIFF has no empty unit
			x.unit(i, u)
		}
	}
	x.Raw(" </file>\n</xliff>\n")
	return x.Close()
}

// writer adds XLIFF's elements to the XML writer.
type writer struct{ *xmltext.Writer }

// openWithID writes the start of tag (left open for more attributes) with
// its id, or prefix and the 1-based position i+1 when it has none.
func (x *writer) openWithID(tag, id, prefix string, i int) {
	if id == "" {
		id = fmt.Sprintf("%s%d", prefix, i+1)
	}
	x.Raw(tag)
	x.Attr("id", id)
}

// content writes the text of a <source> or <target>, with <cp/> for the
// characters XML 1.0 cannot hold.
func (x *writer) content(s string) {
	start := 0
	for i, r := range s {
		if xmltext.Char(r) {
			continue
		}
		x.Text(s[start:i])
		x.Raw(fmt.Sprintf(`<cp hex="%04X"/>`, r))
		start = i + utf8.RuneLen(r)
	}
	x.Text(s[start:])
}

func (x *writer) unit(i int, u Unit) {
	x.openWithID("  <unit", u.ID, "u", i)
	x.Raw(">\n")
	if len(u.Glossary) > 0 {
		x.Raw("   <gls:glossary>\n")
		for _, g := range u.Glossary {
			x.Raw("    <gls:glossEntry>\n     <gls:term>")
			x.Text(g.Term)
			x.Raw("</gls:term>\n")
			if g.Translation != "" {
				x.Raw("     <gls:translation>")
				x.Text(g.Translation)
				x.Raw("</gls:translation>\n")
			}
			if g.Definition != "" {
				x.Raw("     <gls:definition>")
				x.Text(g.Definition)
				x.Raw("</gls:definition>\n")
			}
			x.Raw("    </gls:glossEntry>\n")
		}
		x.Raw("   </gls:glossary>\n")
	}
	if len(u.Notes) > 0 {
		x.Raw("   <notes>\n")
		for _, n := range u.Notes {
			x.Raw("    <note")
			if n.ID != "" {
				x.Attr("id", n.ID)
			}
			if n.Category != "" {
				x.Attr("category", n.Category)
			}
			x.Raw(">")
			// A note holds text only, no <cp/>: characters XML cannot carry
			// are left out (comments are checked to hold none).
			x.Text(strings.Map(func(r rune) rune {
				if xmltext.Char(r) {
					return r
				}
				return -1
			}, n.Text))
			x.Raw("</note>\n")
		}
		x.Raw("   </notes>\n")
	}
	for j, s := range u.Segments {
		if j > 0 {
			x.Raw("   <ignorable><source xml:space=\"preserve\"> </source></ignorable>\n")
		}
		x.segment(j, s)
	}
	x.Raw("  </unit>\n")
}

func (x *writer) segment(j int, s Segment) {
	x.openWithID("   <segment", s.ID, "s", j)
	if s.State != "" {
		x.Attr("state", s.State)
		if s.SubState != "" { // subState is only allowed beside a state
			x.Attr("subState", s.SubState)
		}
	}
	x.Raw(">\n    <source>")
	x.content(s.Source)
	x.Raw("</source>\n")
	if s.HasTarget {
		x.Raw("    <target>")
		x.content(s.Target)
		x.Raw("</target>\n")
	}
	x.Raw("   </segment>\n")
}
