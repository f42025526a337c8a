package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"lector/apperr"
	"lector/detect/names"
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
// The entries' terms share one backing array.
func ParseCSV(r io.Reader, name string) ([]Entry, error) {
	p, err := parseCSV(r, name, true)
	if err != nil {
		return nil, err
	}
	return p.storedEntries(), nil
}

// ParseCSVNames reads a glossary CSV as ParseCSV does, with the same checks
// and errors, straight into the detection engine's input: what
// Names(ParseCSV(r, name)) returns, without the stored entries' fields (ids,
// notes, sources, times) ever being held, which at a million rows is most of
// the memory. `lector check` reads its glossaries with it.
func ParseCSVNames(r io.Reader, name string) ([]names.Entry, error) {
	p, err := parseCSV(r, name, false)
	if err != nil {
		return nil, err
	}
	return p.nameEntries(), nil
}

// parseCSV reads every row into p; with extras it keeps each term's note
// and source, which only stored entries have.
func parseCSV(r io.Reader, name string, extras bool) (*csvParser, error) {
	data, err := readCSVData(r)
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
	p := csvParser{file: name, data: data, cr: cr, keepExtras: extras}
	if err := p.readHeader(); err != nil {
		return nil, err
	}
	p.grow(bytes.Count(data, []byte("\n")))
	for rows := 0; ; rows++ {
		record, err := cr.Read()
		if err == io.EOF {
			p.data, p.cr, p.byKey, p.index = nil, nil, csvKeyTable{}, nil
			return &p, nil
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

// readCSVData reads up to one byte past MaxCSVBytes of r. A file is read
// into a buffer of its size: growing one by doubling allocated three times
// the file (150 MB for a 50 MB file of a million names).
func readCSVData(r io.Reader) ([]byte, error) {
	size := int64(bytes.MinRead)
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			size += min(info.Size(), MaxCSVBytes+1)
		}
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	_, err := buf.ReadFrom(io.LimitReader(r, MaxCSVBytes+1))
	return buf.Bytes(), err
}

// grow makes room for about rows rows (the file's line count, an upper
// bound), so that a million rows do not cost their arrays and map several
// times over in growth.
func (p *csvParser) grow(rows int) {
	rows = min(rows, MaxCSVRows)
	p.entries = make([]csvEntry, 0, rows)
	p.terms = make([]names.Term, 0, rows)
	p.next = make([]int32, 0, rows)
	if p.keepExtras {
		p.extras = make([]csvExtra, 0, rows)
	}
	p.byKey = newCSVKeyTable(rows)
}

// csvParser holds the state of one parse. An entry's terms are a chain
// through next in row order, so that terms of both kinds of result can go
// into one backing array whatever the order of the rows.
type csvParser struct {
	file       string
	data       []byte
	cr         *csv.Reader
	header     []string
	column     map[string]int // column name → index in a record
	entries    []csvEntry
	terms      []names.Term
	next       []int32    // index in terms of the entry's next term, -1 at the last
	extras     []csvExtra // by term, when keepExtras
	keepExtras bool
	byKey      csvKeyTable       // entry id → index in entries
	index      map[int]csvIndex  // entry index → its terms, for entries with many
	langs      map[string]string // lang as written → canonical tag
	strs       csvStrings        // the entry ids and the terms' forms
}

// csvEntry is an entry as read: its chain of terms, first to last.
type csvEntry struct {
	key            string
	first, last, n int32
	typ            csvType
}

// csvExtra is what a stored term has beyond the engine's.
type csvExtra struct{ note, source string }

// storedEntries returns the entries read, their terms in one array.
func (p *csvParser) storedEntries() []Entry {
	if len(p.entries) == 0 {
		return nil
	}
	out := make([]Entry, len(p.entries))
	terms := make([]Term, 0, len(p.terms))
	for i, e := range p.entries {
		start := len(terms)
		for j := e.first; j >= 0; j = p.next[j] {
			t := &p.terms[j]
			x := p.extras[j]
			terms = append(terms, Term{Lang: t.Lang, Form: t.Form, Status: t.Status, CaseSensitive: t.CaseSensitive, Note: x.note, Source: x.source})
		}
		out[i] = Entry{Key: e.key, Type: e.typ.String(), Terms: terms[start:len(terms):len(terms)]}
	}
	return out
}

// nameEntries returns the entries read as the engine's input. When each
// entry's rows are together and the entries in order, the usual case, the
// terms read are the backing array already.
func (p *csvParser) nameEntries() []names.Entry {
	terms, pos := p.terms, int32(0)
	for _, e := range p.entries {
		if e.first != pos || e.last != pos+e.n-1 { // the chain ascends: n indices from first to last are all of them
			terms = nil
			break
		}
		pos += e.n
	}
	if terms == nil {
		terms = make([]names.Term, 0, len(p.terms))
		for _, e := range p.entries {
			for j := e.first; j >= 0; j = p.next[j] {
				terms = append(terms, p.terms[j])
			}
		}
	}
	out := make([]names.Entry, len(p.entries))
	pos = 0
	for i, e := range p.entries {
		out[i] = names.Entry{Key: e.key, Type: e.typ.String(), Terms: terms[pos : pos+e.n : pos+e.n]}
		pos += e.n
	}
	return out
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
	rawType := strings.TrimSpace(get("type"))
	typ, ok := parseCSVType(rawType)
	if !ok {
		return csvError(p.file, line, "type", fmt.Sprintf("type %q is not one of person, place, organization, term", rawType))
	}
	t, err := p.term(get, line, typ.String())
	if err != nil {
		return err
	}
	i := p.byKey.find(key, p.entries)
	if i < 0 {
		// The id and the form are copied out of the row (strs), so
		// that no row stays alive for a substring of it.
		i = len(p.entries)
		p.entries = append(p.entries, csvEntry{key: p.strs.copy(key), typ: typ, first: -1, last: -1})
		p.byKey.add(p.entries, i)
	}
	e := &p.entries[i]
	if e.typ != typ {
		return csvError(p.file, line, "type", fmt.Sprintf("type %q differs from type %q of the earlier rows of entry %q", typ.String(), e.typ.String(), key))
	}
	t.Form = p.strs.copy(t.Form)
	nt := names.Term{Lang: t.Lang, Form: t.Form, Status: t.Status, CaseSensitive: t.CaseSensitive}
	dup, other := p.clash(i, e, nt)
	if dup {
		return csvError(p.file, line, "term", fmt.Sprintf("entry %q already has the %s term %q", key, t.Lang, t.Form))
	}
	if other != "" {
		return csvError(p.file, line, "status", fmt.Sprintf("entry %q already has a preferred %s term, %q", key, t.Lang, other))
	}
	j := int32(len(p.terms))
	p.terms = append(p.terms, nt)
	p.next = append(p.next, -1)
	if p.keepExtras {
		p.extras = append(p.extras, csvExtra{note: t.Note, source: t.Source})
	}
	if e.n == 0 {
		e.first = j
	} else {
		p.next[e.last] = j
	}
	e.last = j
	e.n++
	if idx := p.index[i]; idx != nil {
		idx.add(nt)
	} else if e.n > csvScanLimit {
		idx = csvIndex{}
		for k := e.first; k >= 0; k = p.next[k] {
			idx.add(p.terms[k])
		}
		p.index[i] = idx
	}
	return nil
}

// clash reports whether entry i, e, already has t's form in t's language,
// and for a preferred t the preferred form it already has in that language.
func (p *csvParser) clash(i int, e *csvEntry, t names.Term) (dup bool, preferred string) {
	if idx := p.index[i]; idx != nil {
		_, dup = idx[[2]string{t.Lang, t.Form}]
		if t.Status == Preferred {
			preferred = idx[[2]string{t.Lang, ""}]
		}
		return dup, preferred
	}
	for j := e.first; j >= 0; j = p.next[j] {
		o := &p.terms[j]
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

func (idx csvIndex) add(t names.Term) {
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
	t.Status = internStatus(t.Status)
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

// internStatus returns the constant equal to a valid s.
func internStatus(s Status) Status {
	for _, c := range []Status{Preferred, Admitted, Deprecated, FalseFriend} {
		if s == c {
			return c
		}
	}
	return s
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
