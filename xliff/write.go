package xliff

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Write writes d as XLIFF 2.1 with the glossary module: one <file>, the
// title as a file <note category="title">, one <unit> per Unit with its
// glossary first, then its notes, and an <ignorable> holding one space between segments, so
// that the unit's text is the segments joined by spaces. Unit and segment
// ids are "u1", "s1", ... where the Document gives none. Characters XML
// cannot carry (control characters) are written as <cp hex="..."/>.
func Write(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	x := &writer{w: bw}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<xliff xmlns="` + NS2 + `" xmlns:gls="` + NSGls + `" version="2.1"`)
	x.attr("srcLang", d.SrcLang)
	if d.TrgLang != "" {
		x.attr("trgLang", d.TrgLang)
	}
	x.raw(">\n <file id=\"f1\">\n")
	if d.Title != "" {
		x.raw("  <notes>\n   <note category=\"" + TitleTag + "\">")
		x.text(d.Title)
		x.raw("</note>\n  </notes>\n")
	}
	for i, u := range d.Units {
		if len(u.Segments) > 0 { // XLIFF has no empty unit
			x.unit(i, u)
		}
	}
	x.raw(" </file>\n</xliff>\n")
	if x.err != nil {
		return x.err
	}
	return bw.Flush()
}

type writer struct {
	w   *bufio.Writer
	err error
}

func (x *writer) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// openWithID writes the start of tag (left open for more attributes) with
// its id, or prefix and the 1-based position i+1 when it has none.
func (x *writer) openWithID(tag, id, prefix string, i int) {
	if id == "" {
		id = fmt.Sprintf("%s%d", prefix, i+1)
	}
	x.raw(tag)
	x.attr("id", id)
}

func (x *writer) attr(name, value string) {
	x.raw(" " + name + `="`)
	x.text(value)
	x.raw(`"`)
}

// text escapes s; it is used for attribute values too, since EscapeText
// escapes both quotes.
func (x *writer) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// content writes the text of a <source> or <target>, with <cp/> for the
// characters XML 1.0 cannot hold.
func (x *writer) content(s string) {
	start := 0
	for i, r := range s {
		if allowed(r) {
			continue
		}
		x.text(s[start:i])
		x.raw(fmt.Sprintf(`<cp hex="%04X"/>`, r))
		start = i + utf8.RuneLen(r)
	}
	x.text(s[start:])
}

// allowed reports whether r is an XML 1.0 character.
func allowed(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func (x *writer) unit(i int, u Unit) {
	x.openWithID("  <unit", u.ID, "u", i)
	x.raw(">\n")
	if len(u.Glossary) > 0 {
		x.raw("   <gls:glossary>\n")
		for _, g := range u.Glossary {
			x.raw("    <gls:glossEntry>\n     <gls:term>")
			x.text(g.Term)
			x.raw("</gls:term>\n")
			if g.Translation != "" {
				x.raw("     <gls:translation>")
				x.text(g.Translation)
				x.raw("</gls:translation>\n")
			}
			if g.Definition != "" {
				x.raw("     <gls:definition>")
				x.text(g.Definition)
				x.raw("</gls:definition>\n")
			}
			x.raw("    </gls:glossEntry>\n")
		}
		x.raw("   </gls:glossary>\n")
	}
	if len(u.Notes) > 0 {
		x.raw("   <notes>\n")
		for _, n := range u.Notes {
			x.raw("    <note")
			if n.ID != "" {
				x.attr("id", n.ID)
			}
			if n.Category != "" {
				x.attr("category", n.Category)
			}
			x.raw(">")
			// A note holds text only, no <cp/>: characters XML cannot carry
			// are left out (comments are checked to hold none).
			x.text(strings.Map(func(r rune) rune {
				if allowed(r) {
					return r
				}
				return -1
			}, n.Text))
			x.raw("</note>\n")
		}
		x.raw("   </notes>\n")
	}
	for j, s := range u.Segments {
		if j > 0 {
			x.raw("   <ignorable><source xml:space=\"preserve\"> </source></ignorable>\n")
		}
		x.segment(j, s)
	}
	x.raw("  </unit>\n")
}

func (x *writer) segment(j int, s Segment) {
	x.openWithID("   <segment", s.ID, "s", j)
	if s.State != "" {
		x.attr("state", s.State)
		if s.SubState != "" { // subState is only allowed beside a state
			x.attr("subState", s.SubState)
		}
	}
	x.raw(">\n    <source>")
	x.content(s.Source)
	x.raw("</source>\n")
	if s.HasTarget {
		x.raw("    <target>")
		x.content(s.Target)
		x.raw("</target>\n")
	}
	x.raw("   </segment>\n")
}
