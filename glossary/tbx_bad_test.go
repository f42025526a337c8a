package glossary

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"lector/apperr"
)

// tbxMessage renders an error as active.en.toml renders error.tbx_invalid.
func tbxMessage(err error) string {
	var e *apperr.Error
	if !errors.As(err, &e) || e.MessageID != "error.tbx_invalid" {
		return fmt.Sprintf("not a TBX error: %v", err)
	}
	return fmt.Sprintf("%s, line %d, element <%s>: %s", e.Data["File"], e.Data["Line"], e.Data["Element"], e.Data["Problem"])
}

// tbxDoc wraps concept entries in a minimal TBX v3 document; the entries
// start on line 2.
func tbxDoc(concepts string) string {
	return "<tbx type=\"TBX-Basic\" style=\"dca\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body>\n" +
		concepts + "\n</body></text></tbx>\n"
}

func tbxTermXML(lang, term, status string) string {
	return `<langSec xml:lang="` + lang + `"><termSec><term>` + term + `</term>` +
		`<termNote type="administrativeStatus">` + status + `</termNote></termSec></langSec>`
}

func TestParseTBXBadInputs(t *testing.T) {
	const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry></body></text></tbx>`
	const xxe = `<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&x;</term></termSec></langSec></conceptEntry></body></text></tbx>`
	deep := "<tbx>" + strings.Repeat("<p>", 70) + strings.Repeat("</p>", 70) + "</tbx>"
	tests := []struct{ name, in, want string }{
		{"empty", "", "g.tbx, line 1, element <tbx>: the file has no root element; a TBX file has <tbx> (TBX v3) or <martif> (TBX 2008)"},
		{"truncated", tbxDoc(`<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>x</term>`)[:120], `g.tbx, line 2, element <conceptEntry>: the file ends before the element is closed`},
		{"not TBX", "<html><body/></html>", `g.tbx, line 1, element <html>: the root element must be <tbx> (TBX v3) or <martif> (TBX 2008)`},
		{"unknown status", tbxDoc(`<conceptEntry id="a">` + tbxTermXML("en", "x", "standardizedTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 2, element <termNote>: the administrative status "standardizedTerm-admn-sts" is not one of preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts`},
		{"missing xml:lang", tbxDoc(`<conceptEntry id="a"><langSec><termSec><term>x</term></termSec></langSec></conceptEntry>`), `g.tbx, line 2, element <langSec>: the language section has no xml:lang attribute`},
		{"bad xml:lang", tbxDoc(`<conceptEntry id="a">` + tbxTermXML("english!", "x", "preferredTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 2, element <langSec>: xml:lang "english!" is not a valid BCP 47 language tag`},
		{"empty term", tbxDoc(`<conceptEntry id="a">` + tbxTermXML("en", " \n ", "preferredTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 2, element <term>: the term is empty`},
		{"no term", tbxDoc(`<conceptEntry id="a"><langSec xml:lang="en"><termSec><note>n</note></termSec></langSec></conceptEntry>`), `g.tbx, line 2, element <termSec>: the term section has no <term>`},
		{"two preferred", tbxDoc(`<conceptEntry id="a">` + tbxTermXML("en", "x", "preferredTerm-admn-sts") + "\n" + tbxTermXML("en", "y", "preferredTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 3, element <termSec>: entry "a" already has a preferred en term, "x"`},
		{"duplicate term", tbxDoc(`<conceptEntry id="a">` + tbxTermXML("en", "x", "preferredTerm-admn-sts") + "\n" + tbxTermXML("en", "x", "admittedTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 3, element <termSec>: entry "a" already has the en term "x"`},
		{"duplicate id", tbxDoc(`<conceptEntry id="a">` + tbxTermXML("en", "x", "preferredTerm-admn-sts") + "</conceptEntry>\n<conceptEntry id=\"a\">" + tbxTermXML("en", "y", "preferredTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 3, element <conceptEntry>: the concept id "a" appears twice`},
		{"unknown type", tbxDoc(`<conceptEntry id="a"><note>lector:type=animal</note>` + tbxTermXML("en", "x", "preferredTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 2, element <note>: the type "animal" is not one of person, place, organization, term`},
		{"billion laughs", laughs, `g.tbx, line 2, element <!DOCTYPE>: DOCTYPE and entity declarations are not allowed`},
		{"external entity", xxe, `g.tbx, line 2, element <!DOCTYPE>: DOCTYPE and entity declarations are not allowed`},
		{"undefined entity", tbxDoc(`<conceptEntry id="a">` + tbxTermXML("en", "&x;", "preferredTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 2, element <term>: invalid character entity &x;`},
		{"invalid UTF-8", tbxDoc("<conceptEntry id=\"a\">\n" + tbxTermXML("en", "\xff", "preferredTerm-admn-sts") + `</conceptEntry>`), `g.tbx, line 3, element <tbx>: the file is not valid UTF-8`},
		{"latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?>` + "\n<tbx/>", `g.tbx, line 1, element <tbx>: the encoding "ISO-8859-1" is not supported; save the file as UTF-8`},
		{"too deep", deep, `g.tbx, line 1, element <p>: the elements are nested deeper than 64 levels`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			entries, err := ParseTBX(strings.NewReader(tt.in), "g.tbx")
			if err == nil {
				t.Fatalf("no error, entries %+v", entries)
			}
			if apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("code %s, want invalid", apperr.CodeOf(err))
			}
			if got := tbxMessage(err); got != tt.want {
				t.Errorf("error\n got %s\nwant %s", got, tt.want)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// tbxRepeat reads a byte n times without holding them.
type tbxRepeat struct {
	b byte
	n int
}

func (r *tbxRepeat) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.n)
	for i := range n {
		p[i] = r.b
	}
	r.n -= n
	return n, nil
}

func TestParseTBXTooLarge(t *testing.T) {
	in := io.MultiReader(strings.NewReader("<tbx>\n"), &tbxRepeat{' ', MaxTBXBytes})
	_, err := ParseTBX(in, "g.tbx")
	if apperr.CodeOf(err) != apperr.TooLarge {
		t.Fatalf("code %s, want too_large: %v", apperr.CodeOf(err), err)
	}
	if got, want := tbxMessage(err), "g.tbx, line 2, element <tbx>: the file is larger than 64 MiB"; got != want {
		t.Fatalf("error\n got %s\nwant %s", got, want)
	}
}

func TestParseTBXTooManyTerms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 40 MB document")
	}
	var b strings.Builder
	b.WriteString(`<tbx><text><body>` + "\n" + `<conceptEntry id="a"><langSec xml:lang="en">`)
	for i := range tbxMaxTerms + 1 {
		fmt.Fprintf(&b, "<termSec><term>t%d</term></termSec>", i)
	}
	b.WriteString("</langSec></conceptEntry></body></text></tbx>")
	_, err := ParseTBX(strings.NewReader(b.String()), "g.tbx")
	if apperr.CodeOf(err) != apperr.TooLarge {
		t.Fatalf("code %s, want too_large: %v", apperr.CodeOf(err), err)
	}
	if got, want := tbxMessage(err), "g.tbx, line 2, element <termSec>: the file has more than 1000000 terms"; got != want {
		t.Fatalf("error\n got %s\nwant %s", got, want)
	}
}
