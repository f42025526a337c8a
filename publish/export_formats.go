package publish

import (
	"bytes"
	"encoding/json"
	"html/template"
	"io"
	"strings"

	"lector/apperr"
	"lector/xliff"
)

// ExportFormat is one way to write an export.
type ExportFormat struct {
	Ext         string // the file name extension
	ContentType string
	write       func(io.Writer, *Export) error
}

// exportFormats are the formats of the export routes, by ?format= value.
var exportFormats = map[string]ExportFormat{
	"txt":   {"txt", "text/plain; charset=utf-8", writeText},
	"md":    {"md", "text/markdown; charset=utf-8", writeMarkdown},
	"html":  {"html", "text/html; charset=utf-8", writeHTML},
	"json":  {"json", "application/json", writeJSON},
	"xliff": {"xlf", "application/xliff+xml", writeXLIFF},
}

// text is the article as plain text: a paragraph a line block, paragraphs
// parted by a blank line, segments by a space, as articles are imported.
func (ex *Export) text() string {
	var b strings.Builder
	for i, p := range ex.paragraphs() {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, s := range p {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func writeText(w io.Writer, ex *Export) error {
	_, err := io.WriteString(w, ex.text()+"\n")
	return err
}

// writeMarkdown writes the title as a heading and each paragraph as one,
// with the characters Markdown would read as markup escaped.
func writeMarkdown(w io.Writer, ex *Export) error {
	var b strings.Builder
	b.WriteString("# " + mdEscape(ex.Title) + "\n")
	for _, p := range ex.paragraphs() {
		b.WriteString("\n")
		for j, s := range p {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(mdEscape(s.Text))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`)

// mdEscape escapes inline markup, and a leading list or heading marker
// ("- ", "+ ", "1. ") that would turn a paragraph into a list.
func mdEscape(s string) string {
	s = mdEscaper.Replace(s)
	if len(s) > 1 && (s[0] == '-' || s[0] == '+') && s[1] == ' ' {
		s = `\` + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		s = s[:i] + `\` + s[i:]
	}
	return s
}

var exportHTML = template.Must(template.New("export").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
</head>
<body>
<article>
<h1>{{.Title}}</h1>
{{range .Paragraphs}}<p>{{range $i, $s := .}}{{if $i}} {{end}}{{$s.Text}}{{end}}</p>
{{end}}</article>
</body>
</html>
`))

// writeHTML writes a standalone page with the text, for pasting into a CMS.
func writeHTML(w io.Writer, ex *Export) error {
	return exportHTML.Execute(w, map[string]any{"Lang": ex.Lang, "Title": ex.Title, "Paragraphs": ex.paragraphs()})
}

// writeJSON writes the Export itself, with the whole text beside the
// segments.
func writeJSON(w io.Writer, ex *Export) error {
	segs := ex.Segments
	if segs == nil {
		segs = []ExportSegment{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(struct {
		*Export
		Text     string          `json:"text"`
		Segments []ExportSegment `json:"segments"`
	}{ex, ex.text(), segs})
	if err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

func writeXLIFF(w io.Writer, ex *Export) error {
	return xliff.Write(w, ex.xliff())
}

// WriteExport writes ex in the named format. Codes: invalid (an unknown
// format).
func WriteExport(w io.Writer, ex *Export, format string) error {
	f, ok := exportFormats[format]
	if !ok {
		return apperr.New(apperr.Invalid, "error.export_format", map[string]any{"Value": format, "Formats": exportFormatNames()})
	}
	return f.write(w, ex)
}
