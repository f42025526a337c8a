package glossary

import (
	"encoding/xml"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// tbxLevel is the place of an element in the concept structure.
type tbxLevel uint8

const (
	tbxOther tbxLevel = iota
	tbxBody
	tbxConcept  // <conceptEntry>, <termEntry>
	tbxLang     // <langSec>, <langSet>
	tbxTerm     // <termSec>, <tig>, <ntig>, and <termGrp> inside <ntig>
	tbxNoteGrp  // <termNoteGrp>: its <termNote>s are the term's
	tbxCaptured // inside an element whose text is read
)

// tbxRole is what the text of a read element becomes.
type tbxRole uint8

const (
	tbxNoRole tbxRole = iota
	tbxForm
	tbxStatusText
	tbxTermNote
	tbxSource
	tbxConceptNote
)

// tbxFrame is one open element.
type tbxFrame struct {
	name  string
	line  int
	level tbxLevel
	opens bool // it opened the concept, language or term of its level
	role  tbxRole
}

// tbxTermState is the term being read.
type tbxTermState struct {
	term      Term
	line      int
	hasForm   bool
	hasStatus bool
	falseFr   bool
	caseMark  int8 // 0 none, 1 case-sensitive, -1 case-insensitive
	notes     []string
	sources   []string
}

// tbxConceptState is the concept being read.
type tbxConceptState struct {
	entry     Entry
	hasType   bool
	notes     []string
	caseMarks []int8
	forms     map[[2]string]bool // (lang, form)
	preferred map[string]string  // lang → the preferred form
}

// tbxParser holds the state of one ParseTBX call.
type tbxParser struct {
	file    string
	dec     *xml.Decoder
	root    string
	stack   []tbxFrame
	capture int // index in stack of the element whose text is read, or -1
	text    strings.Builder
	concept *tbxConceptState
	lang    string
	term    *tbxTermState
	langs   map[string]string // xml:lang as written → canonical tag
	ids     map[string]bool   // concept ids seen
	terms   int
	entries []Entry
}

// tbxAttr returns the value of the attribute with the given local name and
// namespace ("" for none).
func tbxAttr(el xml.StartElement, space, local string) (string, bool) {
	for _, a := range el.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (p *tbxParser) start(el xml.StartElement) error {
	f := tbxFrame{name: el.Name.Local, line: p.line()}
	if len(p.stack) == tbxMaxDepth {
		return tbxError(p.file, f.line, f.name, fmt.Sprintf("the elements are nested deeper than %d levels", tbxMaxDepth))
	}
	parent := tbxOther
	if n := len(p.stack); n == 0 {
		if f.name != "tbx" && f.name != "martif" {
			return tbxError(p.file, f.line, f.name, "the root element must be <tbx> (TBX v3) or <martif> (TBX 2008)")
		}
		p.root = f.name
	} else {
		parent = p.stack[n-1].level
		if p.stack[n-1].name == "text" && f.name == "body" && n == 2 {
			f.level = tbxBody
		}
	}
	typ, _ := tbxAttr(el, "", "type")
	switch {
	case parent == tbxCaptured || p.capture >= 0:
		f.level = tbxCaptured // inline markup such as <hi>: only its text counts
	case parent == tbxBody && (f.name == "conceptEntry" || f.name == "termEntry"):
		f.level, f.opens = tbxConcept, true
		if err := p.startConcept(el, f); err != nil {
			return err
		}
	case parent == tbxConcept && (f.name == "langSec" || f.name == "langSet"):
		f.level, f.opens = tbxLang, true
		if err := p.startLang(el, f); err != nil {
			return err
		}
	case parent == tbxLang && (f.name == "termSec" || f.name == "tig" || f.name == "ntig"):
		f.level, f.opens = tbxTerm, true
		if p.terms == tbxMaxTerms {
			return tbxTooLarge(p.file, f.line, f.name, fmt.Sprintf("the file has more than %d terms", tbxMaxTerms))
		}
		p.term = &tbxTermState{line: f.line, term: Term{Lang: p.lang}}
	case parent == tbxTerm && f.name == "termGrp":
		f.level = tbxTerm
	case parent == tbxTerm && f.name == "termNoteGrp":
		f.level = tbxNoteGrp
	case parent == tbxTerm && f.name == "term":
		f.role = tbxForm
	case (parent == tbxTerm || parent == tbxNoteGrp) && tbxIsStatus(f.name, typ):
		f.role = tbxStatusText
	case parent == tbxTerm && f.name == "note":
		f.role = tbxTermNote
	case parent == tbxTerm && (f.name == "admin" && typ == "source" || f.name == "source"):
		f.role = tbxSource
	case parent == tbxConcept && f.name == "note":
		f.role = tbxConceptNote
	}
	if f.role != tbxNoRole {
		p.capture = len(p.stack)
		p.text.Reset()
	}
	p.stack = append(p.stack, f)
	return nil
}

// tbxIsStatus reports whether an element holds a term status: DCA
// <termNote type="administrativeStatus">, or DCT <min:administrativeStatus>;
// normativeAuthorization is the TBX 2008 name of the same idea.
func tbxIsStatus(name, typ string) bool {
	if name == "termNote" {
		name = typ
	}
	return name == "administrativeStatus" || name == "normativeAuthorization"
}

func (p *tbxParser) startConcept(el xml.StartElement, f tbxFrame) error {
	id, _ := tbxAttr(el, "", "id")
	id = strings.TrimSpace(id)
	if id != "" {
		if p.ids[id] {
			return tbxError(p.file, f.line, f.name, fmt.Sprintf("the concept id %q appears twice", id))
		}
		p.ids[id] = true
	}
	p.concept = &tbxConceptState{
		entry: Entry{Key: id, Type: "term"},
		forms: map[[2]string]bool{}, preferred: map[string]string{},
	}
	return nil
}

func (p *tbxParser) startLang(el xml.StartElement, f tbxFrame) error {
	raw, ok := tbxAttr(el, "http://www.w3.org/XML/1998/namespace", "lang")
	if !ok {
		raw, ok = tbxAttr(el, "", "lang") // early TBX wrote lang without the prefix
	}
	if !ok {
		return tbxError(p.file, f.line, f.name, "the language section has no xml:lang attribute")
	}
	lang, ok := p.langs[raw]
	if !ok { // parsing a tag is slow, and a glossary has few
		tag, err := language.Parse(strings.TrimSpace(raw))
		if err != nil {
			return tbxError(p.file, f.line, f.name, fmt.Sprintf("xml:lang %q is not a valid BCP 47 language tag", raw))
		}
		lang = tag.String()
		p.langs[raw] = lang
	}
	p.lang = lang
	return nil
}

func (p *tbxParser) end() error {
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	if p.capture == len(p.stack) {
		p.capture = -1
		if err := p.endText(f, tbxCollapse(p.text.String())); err != nil {
			return err
		}
	}
	if !f.opens {
		return nil
	}
	switch f.level {
	case tbxConcept:
		p.endConcept()
	case tbxLang:
		p.lang = ""
	case tbxTerm:
		return p.endTerm(f)
	}
	return nil
}
