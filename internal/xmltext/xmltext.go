// Package xmltext is what the hand-written XML of the glossary's TBX and of
// XLIFF share: a writer that keeps the first error, so that the writing code
// reads as the document it writes, and the checks of the characters XML 1.0
// can hold and of UTF-8 input. It imports nothing of Lector's.
package xmltext

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"unicode/utf8"
)

// Writer writes XML to a buffer; after the first error it writes nothing
// more, and Close returns that error.
type Writer struct {
	w   *bufio.Writer
	err error
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Raw writes s as it is: markup.
func (x *Writer) Raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// Text writes s escaped; it serves attribute values too, since
// xml.EscapeText escapes both quotes.
func (x *Writer) Text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

// Attr writes ` name="value"`.
func (x *Writer) Attr(name, value string) {
	x.Raw(" " + name + `="`)
	x.Text(value)
	x.Raw(`"`)
}

// Close flushes what is written; it returns the first error of any write.
func (x *Writer) Close() error {
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}

// Char reports whether r is a character XML 1.0 allows.
func Char(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// InvalidUTF8Line is the line (from 1) of data's first byte that is not
// UTF-8, 0 when data is all UTF-8.
func InvalidUTF8Line(data []byte) int {
	if utf8.Valid(data) {
		return 0
	}
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}
