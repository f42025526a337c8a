package glossary

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"lector/apperr"
	"lector/internal/xmltext"
)

// tbxHead starts a TBX v3 TBX-Basic DCA document; the xml-model lines let a
// validator find the schemas, as in the LTAC examples.
const tbxHead = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>Lector glossary export</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
`

const tbxTail = `    </body>
  </text>
</tbx>
`

// tbxStatusValue is the administrativeStatus written for a status.
func tbxStatusValue(s Status) (string, bool) {
	switch s {
	case Preferred:
		return "preferredTerm-admn-sts", true
	case Admitted:
		return "admittedTerm-admn-sts", true
	case Deprecated, FalseFriend:
		return "deprecatedTerm-admn-sts", true
	}
	return "", false
}

// tbxWriter adds TBX's elements to the XML writer.
type tbxWriter struct{ *xmltext.Writer }

// element writes <name type="typ">text</name> on a line of its own.
func (w tbxWriter) element(indent, name, typ, text string) {
	w.Raw(indent + "<" + name)
	if typ != "" {
		w.Raw(` type="` + typ + `"`)
	}
	w.Raw(">")
	w.Text(text)
	w.Raw("</" + name + ">\n")
}

// lines writes one element per non-empty line of text: ParseTBX joins the
// elements with "\n" again.
func (w tbxWriter) lines(indent, name, typ, text string) {
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) != "" {
			w.element(indent, name, typ, line)
		}
	}
}

// WriteTBX writes entries as TBX v3 TBX-Basic, DCA style, that ParseTBX
// reads back to the same entries (see the mapping in tbx.go). Entries
// without terms, IDs and timestamps are not written. A new <langSec> starts
// whenever the language changes, so terms keep their order.
func WriteTBX(w io.Writer, entries []Entry) error {
	for _, e := range entries {
		if err := tbxCheckEntry(e); err != nil {
			return apperr.Wrap(err, "write glossary TBX")
		}
	}
	tw := tbxWriter{xmltext.NewWriter(w)}
	tw.Raw(tbxHead)
	for _, e := range entries {
		if len(e.Terms) == 0 {
			continue
		}
		tw.Raw("      <conceptEntry")
		if e.Key != "" {
			tw.Attr("id", e.Key)
		}
		tw.Raw(">\n")
		if e.Type != "" {
			tw.element("        ", "note", "", tbxTypePrefix+e.Type)
		}
		tw.lines("        ", "note", "", e.Note)
		for i, t := range e.Terms {
			if i == 0 || t.Lang != e.Terms[i-1].Lang {
				if i > 0 {
					tw.Raw("        </langSec>\n")
				}
				tw.Raw("        <langSec")
				tw.Attr("xml:lang", t.Lang)
				tw.Raw(">\n")
			}
			tbxWriteTerm(tw, e.Type, t)
		}
		tw.Raw("        </langSec>\n      </conceptEntry>\n")
	}
	tw.Raw(tbxTail)
	if err := tw.Close(); err != nil {
		return apperr.Wrap(err, "write glossary TBX")
	}
	return nil
}

func tbxWriteTerm(tw tbxWriter, typ string, t Term) {
	const in = "            "
	status, _ := tbxStatusValue(t.Status)
	tw.Raw("          <termSec>\n")
	tw.element(in, "term", "", t.Form)
	tw.element(in, "termNote", "administrativeStatus", status)
	tw.lines(in, "admin", "source", t.Source)
	tw.lines(in, "note", "", t.Note)
	if t.Status == FalseFriend {
		tw.element(in, "note", "", tbxFalseFriendNote)
	}
	if typ == "" {
		typ = "term"
	}
	if t.CaseSensitive != tbxDefaultCase(typ, t.Status) {
		mark := tbxNoCaseNote
		if t.CaseSensitive {
			mark = tbxCaseNote
		}
		tw.element(in, "note", "", mark)
	}
	tw.Raw("          </termSec>\n")
}

// tbxCheckEntry refuses what the TBX could not carry or would read back as
// something else.
func tbxCheckEntry(e Entry) error {
	if e.Type != "" && !tbxValidType(e.Type) {
		return fmt.Errorf("entry %q: type %q is not one of person, place, organization, term", e.Key, e.Type)
	}
	for line := range strings.SplitSeq(e.Note, "\n") {
		if strings.HasPrefix(tbxCollapse(line), tbxTypePrefix) {
			return fmt.Errorf("entry %q: the note line %q would read back as a type", e.Key, line)
		}
	}
	if !tbxXMLText(e.Key) || !tbxXMLText(e.Note) {
		return fmt.Errorf("entry %q: the key or note has a character XML cannot hold", e.Key)
	}
	for _, t := range e.Terms {
		if tbxCollapse(t.Form) == "" || t.Lang == "" {
			return fmt.Errorf("entry %q: a term has no form or no language", e.Key)
		}
		if !tbxXMLText(t.Lang + t.Form + t.Note + t.Source) {
			return fmt.Errorf("entry %q: term %q has a character XML cannot hold", e.Key, t.Form)
		}
		if _, ok := tbxStatusValue(t.Status); !ok {
			return fmt.Errorf("entry %q: term %q has the unknown status %q", e.Key, t.Form, t.Status)
		}
		for line := range strings.SplitSeq(t.Note, "\n") {
			switch tbxCollapse(line) {
			case tbxFalseFriendNote, tbxCaseNote, tbxNoCaseNote:
				return fmt.Errorf("entry %q: the note line %q of term %q would read back as a marker", e.Key, line, t.Form)
			}
		}
	}
	return nil
}

// tbxXMLText reports whether s is UTF-8 of characters XML 1.0 allows:
// xml.EscapeText would silently write U+FFFD for the others.
func tbxXMLText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return !xmltext.Char(r) })
}
