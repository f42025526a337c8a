package glossary

// TBX (TermBase eXchange, ISO 30042) import and export.
//
// ParseTBX reads TBX 2008 (<martif>, <termEntry>/<langSet>/<tig> or <ntig>)
// and TBX v3 (<tbx>, <conceptEntry>/<langSec>/<termSec>), in the DCA style
// (<termNote type="administrativeStatus">) and the DCT style (namespaced
// elements such as <min:administrativeStatus>). Elements are matched by
// their local name, so any namespace or prefix is accepted. WriteTBX writes
// TBX v3 TBX-Basic in the DCA style.
//
// The mapping, chosen so that an export stays valid TBX-Basic and reads back
// to the same entries:
//
//   - concept id → Entry.Key; a concept without one gets "c<position>".
//   - Lector's entry type has no TBX-Basic data category, so it is a
//     concept-level <note>lector:type=person</note>; without it the type is
//     "term".
//   - administrativeStatus (or the TBX 2008 normativeAuthorization)
//     preferredTerm → preferred, admittedTerm → admitted, deprecatedTerm and
//     supersededTerm → deprecated, no status → admitted; any other value is
//     an error. A false friend has no TBX status: it is written as
//     deprecatedTerm-admn-sts plus a term-level <note>lector:false-friend</note>,
//     and that note makes the term a false friend whatever its status.
//   - case sensitivity defaults as in the CSV (names yes; common words and
//     false friends no); a term that differs from the default carries
//     <note>lector:case-sensitive</note> or <note>lector:case-insensitive</note>.
//   - the other term-level <note>s → Term.Note, term-level <admin
//     type="source"> (DCT: <basic:source>) → Term.Source, concept-level
//     <note>s → Entry.Note, one line each, joined with "\n". Definitions,
//     contexts, transactions, cross-references and the sources inside
//     <descripGrp> are not kept.
//   - text is trimmed and its XML white space runs collapse to one space,
//     since pretty-printed TBX wraps long notes over several lines.
//   - xml:lang (or the older lang) on <langSec>/<langSet> → Term.Lang, as a
//     canonical BCP 47 tag. WriteTBX opens a new <langSec> whenever the
//     language changes, so that the order of the terms survives.

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"lector/apperr"
	"lector/internal/xmltext"
)

// Limits of a TBX file, to bound the memory and time an import may take.
const (
	MaxTBXBytes = 64 << 20
	tbxMaxDepth = 64
	tbxMaxTerms = 1_000_000
)

// The marker notes through which Lector data that TBX-Basic cannot say
// survives a round trip.
const (
	tbxTypePrefix      = "lector:type="
	tbxFalseFriendNote = "lector:false-friend"
	tbxCaseNote        = "lector:case-sensitive"
	tbxNoCaseNote      = "lector:case-insensitive"
)

// tbxError is the one error ParseTBX returns for a bad file: it names the
// file, the 1-based line and the element.
func tbxError(file string, line int, element, problem string) error {
	return apperr.New(apperr.Invalid, "error.tbx_invalid", map[string]any{
		"File": file, "Line": line, "Element": element, "Problem": problem,
	})
}

// tbxTooLarge is the error for a file over a limit.
func tbxTooLarge(file string, line int, element, problem string) error {
	err := apperr.As(tbxError(file, line, element, problem))
	err.Code = apperr.TooLarge
	return err
}

// ParseTBX reads a TBX glossary into entries, in document order; name is
// the file name used in errors. Concepts without terms are skipped.
func ParseTBX(r io.Reader, name string) ([]Entry, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTBXBytes+1))
	if err != nil {
		return nil, apperr.Wrap(err, "read glossary "+name)
	}
	if len(data) > MaxTBXBytes {
		line := bytes.Count(data[:MaxTBXBytes], []byte("\n")) + 1
		return nil, tbxTooLarge(name, line, "tbx", fmt.Sprintf("the file is larger than %d MiB", MaxTBXBytes>>20))
	}
	// Checked up front, because encoding/xml does not check comments and
	// names, and the line is easy to give here.
	if line := xmltext.InvalidUTF8Line(data); line > 0 {
		return nil, tbxError(name, line, "tbx", "the file is not valid UTF-8")
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(charset string, _ io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("the encoding %q is not supported; save the file as UTF-8", charset)
	}
	p := tbxParser{file: name, dec: d, capture: -1, ids: map[string]bool{}, langs: map[string]string{}}
	return p.run()
}

// run reads tokens up to the end of the root element.
func (p *tbxParser) run() ([]Entry, error) {
	for {
		// A directive's own position is its end; its start is where the
		// token before it ended.
		before := p.line()
		tok, err := p.dec.Token()
		if err == io.EOF {
			if p.root == "" {
				return nil, tbxError(p.file, p.line(), "tbx", "the file has no root element; a TBX file has <tbx> (TBX v3) or <martif> (TBX 2008)")
			}
			return nil, tbxError(p.file, p.line(), p.root, "the file ends before the root element is closed")
		}
		if err != nil {
			return nil, p.syntaxError(err)
		}
		switch tok := tok.(type) {
		case xml.Directive:
			// encoding/xml expands no entity of its own, but a DOCTYPE has no
			// use in TBX and refusing it rules out XXE and entity bombs.
			return nil, tbxError(p.file, before, "!DOCTYPE", "DOCTYPE and entity declarations are not allowed")
		case xml.StartElement:
			if err := p.start(tok); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if err := p.end(); err != nil {
				return nil, err
			}
			if len(p.stack) == 0 {
				return p.finish(), nil
			}
		case xml.CharData:
			if p.capture >= 0 {
				p.text.Write(tok)
			}
		}
	}
}

// syntaxError names the line of an encoding/xml error and the innermost
// open element.
func (p *tbxParser) syntaxError(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if se.Msg == "unexpected EOF" {
			return tbxError(p.file, se.Line, p.current(), "the file ends before the element is closed")
		}
		return tbxError(p.file, se.Line, p.current(), se.Msg)
	}
	// The CharsetReader error comes wrapped in encoding/xml's words.
	if inner := errors.Unwrap(err); inner != nil {
		err = inner
	}
	return tbxError(p.file, p.line(), p.current(), strings.TrimPrefix(err.Error(), "xml: "))
}

func (p *tbxParser) line() int {
	line, _ := p.dec.InputPos()
	return line
}

// current is the local name of the innermost open element.
func (p *tbxParser) current() string {
	if len(p.stack) == 0 {
		return "tbx"
	}
	return p.stack[len(p.stack)-1].name
}

// tbxCollapse trims s and collapses its runs of XML white space to one space.
// Only XML white space: a no-break space in a name is meant.
func tbxCollapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), " ")
}

// tbxDefaultCase is the CSV default: names are case-sensitive, common words
// and false friends, which are always common words, are not.
func tbxDefaultCase(typ string, s Status) bool {
	return typ != "term" && s != FalseFriend
}

// tbxValidType reports whether typ is one of Lector's entry types.
func tbxValidType(typ string) bool {
	switch typ {
	case "person", "place", "organization", "term":
		return true
	}
	return false
}
