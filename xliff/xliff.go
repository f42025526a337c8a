// Package xliff reads XLIFF 1.2 and 2.x documents and writes XLIFF 2.1 with
// the glossary module. It knows nothing of Lector's articles: a Document is
// units (paragraphs) of segments with a source, a target and a state.
//
// Reading keeps the text of each segment and drops inline codes: the text
// inside <pc>, <mrk> (1.2: <g>, <mrk>) is kept, placeholders and the native
// codes of 1.2 (<ph>, <bpt>, <ept>, <it>, <x/>, <bx/>, <ex/>) are dropped,
// and <cp hex="..."/> becomes its character. Every version's states are
// returned as XLIFF 2 states (see state12).
package xliff

import (
	"fmt"
)

// Limits of a document read by Parse, to bound the memory and time one
// import may take.
const (
	MaxBytes    = 16 << 20 // the whole file, the server's limit for any request body too
	MaxDepth    = 64       // nested elements
	MaxSegments = 100_000
)

// Namespaces.
const (
	NS12     = "urn:oasis:names:tc:xliff:document:1.2"
	NS2      = "urn:oasis:names:tc:xliff:document:2.0"
	NSGls    = "urn:oasis:names:tc:xliff:glossary:2.0"
	nsXML    = "http://www.w3.org/XML/1998/namespace"
	TitleTag = "title" // the category of the file note that holds the title
)

// XLIFF 2 segment states.
const (
	Initial    = "initial"
	Translated = "translated"
	Reviewed   = "reviewed"
	Final      = "final"
)

// Document is one XLIFF document: every file's units, in order.
type Document struct {
	Version string // as read ("1.2", "2.0", "2.1", ...); Write always writes 2.1
	SrcLang string
	TrgLang string // "" when the file names none (XLIFF 1.2 may omit it)
	Title   string // the file note of category "title", else the first file's original
	Units   []Unit
}

// Unit is an XLIFF 2 <unit> (1.2: a <trans-unit>): one paragraph.
type Unit struct {
	ID       string
	Segments []Segment
	Glossary []GlossEntry // the glossary module's entries of the unit
	Notes    []Note       // the unit's <notes> (XLIFF 1.2: the trans-unit's <note>s)
}

// Note is a <note> of a unit: people's remarks on its segments.
type Note struct {
	ID       string // unique within the unit; "" when the file gives none (1.2 notes have no id)
	Category string // 1.2: the note's "from"
	Text     string
	Line     int // where the note starts in the file read
}

// Segment is one segment of a unit.
type Segment struct {
	ID        string
	Source    string
	Target    string
	HasTarget bool
	State     string // an XLIFF 2 state; "" when the file gives none (initial)
	SubState  string // XLIFF 2 subState, a "prefix:value"
	Line      int    // where the segment starts in the file read
}

// GlossEntry is a <gls:glossEntry>: a term with its translation, a
// definition, or both.
type GlossEntry struct {
	Term        string
	Translation string
	Definition  string
}

// Problem says what is wrong with a document; the caller turns it into a
// message.
type Problem string

// The problems Parse reports.
const (
	ProblemSyntax     Problem = "syntax"      // not well-formed XML; Detail is the parser's message
	ProblemDoctype    Problem = "doctype"     // a DOCTYPE or entity declaration
	ProblemDepth      Problem = "depth"       // nested deeper than MaxDepth
	ProblemTooLarge   Problem = "too_large"   // over MaxBytes; Detail is the limit in MiB
	ProblemTooMany    Problem = "too_many"    // over MaxSegments; Detail is the limit
	ProblemEncoding   Problem = "encoding"    // not UTF-8
	ProblemRoot       Problem = "root"        // the root is not an XLIFF <xliff>
	ProblemVersion    Problem = "version"     // a version this package does not read; Detail is it
	ProblemLanguage   Problem = "language"    // a missing or bad language; Detail names the attribute
	ProblemNoSource   Problem = "no_source"   // a segment without <source>
	ProblemNoSegments Problem = "no_segments" // nothing to translate in the whole document
)

// Error is a problem with a document at a line (1-based) and element.
type Error struct {
	Line    int
	Element string
	Problem Problem
	Detail  string
}

func (e *Error) Error() string {
	s := fmt.Sprintf("line %d, <%s>: %s", e.Line, e.Element, e.Problem)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}
