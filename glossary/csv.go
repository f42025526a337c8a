package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"lector/apperr"
)

// Limits of a glossary CSV file, to bound the memory an import may take.
const (
	MaxCSVBytes = 64 << 20
	MaxCSVRows  = 1_000_000
)

// csvColumns returns the columns WriteCSV writes, in order; the first
// csvRequired are required when reading.
func csvColumns() []string {
	return []string{"entry", "type", "lang", "term", "status", "case_sensitive", "note", "source"}
}

const csvRequired = 5

// csvError is the one error ParseCSV returns: it names the file, the line
// (1-based, the header is line 1) and the column.
func csvError(file string, line int, field, problem string) error {
	return apperr.New(apperr.Invalid, "error.csv_invalid", map[string]any{
		"File": file, "Line": line, "Field": field, "Problem": problem,
	})
}

// csvTooLarge is the error for a file over a limit; the field is "file".
func csvTooLarge(file string, line int, problem string) error {
	err := apperr.As(csvError(file, line, "file", problem))
	err.Code = apperr.TooLarge
	return err
}

// ParseCSV reads a glossary in the CSV format of the contract: a header row,
// then one row per term; rows with the same entry id form one Entry, in the
// order the ids first appear. Languages are canonicalized ("en_gb" → "en-GB").
func ParseCSV(r io.Reader, name string) ([]Entry, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCSVBytes+1))
	if err != nil {
		return nil, apperr.Wrap(err, "read glossary "+name)
	}
	if len(data) > MaxCSVBytes {
		line := bytes.Count(data[:MaxCSVBytes], []byte("\n")) + 1
		return nil, csvTooLarge(name, line, fmt.Sprintf("the file is larger than %d MiB", MaxCSVBytes>>20))
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // counted here, to name the missing column
	cr.ReuseRecord = true
	p := csvParser{file: name, data: data, cr: cr}
	if err := p.readHeader(); err != nil {
		return nil, err
	}
	for rows := 0; ; rows++ {
		record, err := cr.Read()
		if err == io.EOF {
			return p.entries, nil
		}
		if err != nil {
			return nil, p.syntaxError(err)
		}
		line, _ := cr.FieldPos(0)
		if rows == MaxCSVRows {
			return nil, csvTooLarge(name, line, fmt.Sprintf("the file has more than %d term rows", MaxCSVRows))
		}
		if err := p.addRow(record, line); err != nil {
			return nil, err
		}
	}
}

// csvParser holds the state of one ParseCSV call.
type csvParser struct {
	file    string
	data    []byte
	cr      *csv.Reader
	header  []string
	column  map[string]int // column name → index in a record
	entries []Entry
	byKey   map[string]int    // entry id → index in entries
	index   map[int]csvIndex  // entry index → its terms, for entries with many
	langs   map[string]string // lang as written → canonical tag
}

// csvIndex finds an entry's terms by (lang, form), and with an empty form
// its preferred term in lang.
type csvIndex map[[2]string]string

// csvScanLimit is how many terms an entry may have before clash checks use
// an index: a handful of terms, the usual case, are faster to scan than to
// hash, and a 100,000-entry file spent most of its parsing in global maps.
const csvScanLimit = 16

func (p *csvParser) readHeader() error {
	record, err := p.cr.Read()
	if err == io.EOF {
		return csvError(p.file, 1, "header", "the file is empty; the first row must name the columns entry,type,lang,term,status")
	}
	if err != nil {
		return p.syntaxError(err)
	}
	p.header = append([]string(nil), record...)
	p.column = map[string]int{}
	p.byKey = map[string]int{}
	p.index = map[int]csvIndex{}
	p.langs = map[string]string{}
	for i, name := range p.header {
		name = strings.ToLower(strings.TrimSpace(name))
		p.header[i] = name
		if _, dup := p.column[name]; dup {
			return csvError(p.file, 1, name, fmt.Sprintf("column %q appears twice in the header", name))
		}
		if !slices.Contains(csvColumns(), name) {
			return csvError(p.file, 1, name, fmt.Sprintf("unknown column %q; the columns are %s", name, strings.Join(csvColumns(), ", ")))
		}
		p.column[name] = i
	}
	for _, name := range csvColumns()[:csvRequired] {
		if _, ok := p.column[name]; !ok {
			return csvError(p.file, 1, name, fmt.Sprintf("the required column %q is missing from the header", name))
		}
	}
	return nil
}

// syntaxError turns an encoding/csv error into one that names the column.
func (p *csvParser) syntaxError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return apperr.Wrap(err, "read glossary "+p.file)
	}
	field := "header"
	if p.header != nil {
		field = p.columnName(fieldIndexAt(p.data, pe.StartLine, pe.Line, pe.Column))
	}
	return csvError(p.file, pe.Line, field, pe.Err.Error())
}

func (p *csvParser) columnName(i int) string {
	if i >= 0 && i < len(p.header) {
		return p.header[i]
	}
	return fmt.Sprintf("column %d", i+1)
}

// fieldIndexAt counts the unquoted commas from the start of line startLine
// to the given 1-based byte column of line, to tell which field a syntax
// error is in.
func fieldIndexAt(data []byte, startLine, line, column int) int {
	pos, n := 0, 1
	for n < startLine && pos < len(data) {
		if data[pos] == '\n' {
			n++
		}
		pos++
	}
	field, quoted, lineStart := 0, false, -1
	for ; pos < len(data); pos++ {
		if n == line {
			if lineStart < 0 {
				lineStart = pos
			}
			if pos-lineStart+1 >= column {
				break
			}
		}
		switch data[pos] {
		case '\n':
			n++
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				field++
			}
		}
	}
	return field
}

// addRow validates one term row and adds it to its entry.
func (p *csvParser) addRow(record []string, line int) error {
	for i, value := range record {
		if !utf8.ValidString(value) {
			return csvError(p.file, line, p.columnName(i), "the value is not valid UTF-8")
		}
	}
	if len(record) != len(p.header) {
		field := p.columnName(min(len(record), len(p.header)))
		return csvError(p.file, line, field, fmt.Sprintf("the row has %d fields, the header has %d", len(record), len(p.header)))
	}
	get := func(column string) string {
		if i, ok := p.column[column]; ok {
			return csvUnquote(record[i])
		}
		return ""
	}
	key := strings.TrimSpace(get("entry"))
	if key == "" {
		return csvError(p.file, line, "entry", "the entry id is empty")
	}
	typ := strings.TrimSpace(get("type"))
	switch typ {
	case "person", "place", "organization", "term":
	default:
		return csvError(p.file, line, "type", fmt.Sprintf("type %q is not one of person, place, organization, term", typ))
	}
	t, err := p.term(get, line, typ)
	if err != nil {
		return err
	}
	i, ok := p.byKey[key]
	if !ok {
		i = len(p.entries)
		p.byKey[key] = i
		p.entries = append(p.entries, Entry{Key: key, Type: typ})
	}
	e := &p.entries[i]
	if e.Type != typ {
		return csvError(p.file, line, "type", fmt.Sprintf("type %q differs from type %q of the earlier rows of entry %q", typ, e.Type, key))
	}
	dup, other := p.clash(i, e.Terms, t)
	if dup {
		return csvError(p.file, line, "term", fmt.Sprintf("entry %q already has the %s term %q", key, t.Lang, t.Form))
	}
	if other != "" {
		return csvError(p.file, line, "status", fmt.Sprintf("entry %q already has a preferred %s term, %q", key, t.Lang, other))
	}
	e.Terms = append(e.Terms, t)
	if idx := p.index[i]; idx != nil {
		idx.add(t)
	} else if len(e.Terms) > csvScanLimit {
		idx = csvIndex{}
		for _, t := range e.Terms {
			idx.add(t)
		}
		p.index[i] = idx
	}
	return nil
}

// clash reports whether entry i, whose terms are terms, already has t's
// form in t's language, and for a preferred t the preferred form it already
// has in that language.
func (p *csvParser) clash(i int, terms []Term, t Term) (dup bool, preferred string) {
	if idx := p.index[i]; idx != nil {
		_, dup = idx[[2]string{t.Lang, t.Form}]
		if t.Status == Preferred {
			preferred = idx[[2]string{t.Lang, ""}]
		}
		return dup, preferred
	}
	for _, o := range terms {
		if o.Lang != t.Lang {
			continue
		}
		if o.Form == t.Form {
			return true, ""
		}
		if t.Status == Preferred && o.Status == Preferred {
			preferred = o.Form
		}
	}
	return false, preferred
}

func (idx csvIndex) add(t Term) {
	idx[[2]string{t.Lang, t.Form}] = t.Form
	if t.Status == Preferred {
		idx[[2]string{t.Lang, ""}] = t.Form
	}
}

// term reads the columns of a row that describe the term itself.
func (p *csvParser) term(get func(string) string, line int, typ string) (Term, error) {
	var t Term
	lang, ok := p.langs[get("lang")]
	if !ok { // parsing a tag is slow, and a glossary has few
		tag, err := language.Parse(strings.TrimSpace(get("lang")))
		if err != nil {
			return t, csvError(p.file, line, "lang", fmt.Sprintf("lang %q is not a valid BCP 47 language tag", get("lang")))
		}
		lang = tag.String()
		p.langs[get("lang")] = lang
	}
	t.Lang = lang
	t.Form = strings.TrimSpace(get("term"))
	if t.Form == "" {
		return t, csvError(p.file, line, "term", "the term is empty")
	}
	t.Status = Status(strings.TrimSpace(get("status")))
	if !t.Status.Valid() {
		return t, csvError(p.file, line, "status", fmt.Sprintf("status %q is not one of preferred, admitted, deprecated, false-friend", t.Status))
	}
	// Names are case-sensitive by default; common words, and a false friend,
	// which is always a common word, are not.
	t.CaseSensitive = typ != "term" && t.Status != FalseFriend
	if raw := strings.TrimSpace(get("case_sensitive")); raw != "" {
		switch strings.ToLower(raw) {
		case "true":
			t.CaseSensitive = true
		case "false":
			t.CaseSensitive = false
		default:
			return t, csvError(p.file, line, "case_sensitive", fmt.Sprintf("case_sensitive %q is not true or false", raw))
		}
	}
	t.Note = get("note")
	t.Source = get("source")
	return t, nil
}

// WriteCSV writes entries in the format ParseCSV reads, with every column.
// Entry.Note, ID and timestamps have no column and are not written.
func WriteCSV(w io.Writer, entries []Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns()); err != nil {
		return apperr.Wrap(err, "write glossary CSV")
	}
	for _, e := range entries {
		for _, t := range e.Terms {
			row := []string{e.Key, e.Type, t.Lang, t.Form, string(t.Status), strconv.FormatBool(t.CaseSensitive), t.Note, t.Source}
			for i := range row {
				row[i] = csvNeutralize(row[i])
			}
			if err := cw.Write(row); err != nil {
				return apperr.Wrap(err, "write glossary CSV")
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return apperr.Wrap(err, "write glossary CSV")
	}
	return nil
}

// A spreadsheet takes a cell that begins with one of these for a formula
// (=HYPERLINK(…), +cmd|…, @SUM(…)); OWASP's advice is a leading quote.
const csvFormulaStart = "=+-@\t\r"

// csvNeutralize is what WriteCSV writes for value: value with a single quote
// in front when it begins with a formula character, or when it begins with a
// quote that csvUnquote would strip; any other value as it is.
func csvNeutralize(value string) string {
	if value != "" && strings.IndexByte(csvFormulaStart, value[0]) >= 0 || csvUnquote(value) != value {
		return "'" + value
	}
	return value
}

// csvUnquote undoes csvNeutralize: a cell of a quote followed by a formula
// character or another quote loses its first quote. So every value survives
// an export and an import, and a hand-written cell such as 't Hooft keeps its
// quote.
func csvUnquote(cell string) string {
	if len(cell) >= 2 && cell[0] == '\'' && strings.IndexByte(csvFormulaStart+"'", cell[1]) >= 0 {
		return cell[1:]
	}
	return cell
}
