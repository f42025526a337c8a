package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"lector/internal/xmltext"
)

// node is one element of the parsed document with its content in order.
type node struct {
	name  xml.Name
	attrs []xml.Attr
	line  int
	parts []part
}

// part is a piece of mixed content: text or an element.
type part struct {
	text string
	el   *node
}

// attr returns the value of the attribute with the given namespace and
// local name.
func (n *node) attr(space, local string) string {
	for _, a := range n.attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// children returns the child elements in namespace space named local.
func (n *node) children(space, local string) []*node {
	var out []*node
	for _, p := range n.parts {
		if p.el != nil && p.el.name.Space == space && p.el.name.Local == local {
			out = append(out, p.el)
		}
	}
	return out
}

// child returns the first child element in space named local, or nil.
func (n *node) child(space, local string) *node {
	for _, p := range n.parts {
		if p.el != nil && p.el.name.Space == space && p.el.name.Local == local {
			return p.el
		}
	}
	return nil
}

// readTree reads r into a tree, refusing what an import has no use for and
// what could make it costly: more than MaxBytes, text that is not UTF-8,
// DOCTYPEs (so no entity is ever declared, let alone expanded or fetched:
// encoding/xml in Strict mode knows only the five predefined entities and
// refuses any other reference), and nesting deeper than MaxDepth.
func readTree(r io.Reader) (*node, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxBytes {
		return nil, &Error{Line: bytes.Count(data[:MaxBytes], []byte("\n")) + 1, Element: "xliff",
			Problem: ProblemTooLarge, Detail: fmt.Sprint(MaxBytes >> 20)}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a UTF-8 byte order mark, as in OASIS's own samples
	if line := xmltext.InvalidUTF8Line(data); line > 0 {
		return nil, &Error{Line: line, Element: "xliff", Problem: ProblemEncoding}
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(charset string, _ io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("encoding %q", charset)
	}
	var root *node
	var stack []*node
	for {
		before, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			if root == nil || len(stack) > 0 {
				line, _ := d.InputPos()
				return nil, &Error{Line: line, Element: current(stack), Problem: ProblemSyntax, Detail: "unexpected end of file"}
			}
			return root, nil
		}
		if err != nil {
			return nil, syntaxError(err, d, stack)
		}
		line, _ := d.InputPos()
		switch tok := tok.(type) {
		case xml.Directive:
			return nil, &Error{Line: before, Element: "!DOCTYPE", Problem: ProblemDoctype}
		case xml.StartElement:
			if len(stack) == MaxDepth {
				return nil, &Error{Line: line, Element: tok.Name.Local, Problem: ProblemDepth, Detail: fmt.Sprint(MaxDepth)}
			}
			if root != nil && len(stack) == 0 {
				return nil, &Error{Line: line, Element: tok.Name.Local, Problem: ProblemSyntax, Detail: "a second root element"}
			}
			n := &node{name: tok.Name, attrs: tok.Attr, line: line}
			if len(stack) == 0 {
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.parts = append(parent.parts, part{el: n})
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.parts = append(parent.parts, part{text: string(tok)})
			}
		}
	}
}

// syntaxError names the line of an encoding/xml error and the innermost
// open element.
func syntaxError(err error, d *xml.Decoder, stack []*node) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &Error{Line: se.Line, Element: current(stack), Problem: ProblemSyntax, Detail: se.Msg}
	}
	line, _ := d.InputPos()
	if strings.Contains(err.Error(), "encoding") {
		return &Error{Line: line, Element: "xml", Problem: ProblemEncoding}
	}
	return &Error{Line: line, Element: current(stack), Problem: ProblemSyntax, Detail: strings.TrimPrefix(err.Error(), "xml: ")}
}

func current(stack []*node) string {
	if len(stack) == 0 {
		return "xliff"
	}
	return stack[len(stack)-1].name.Local
}
