package locales

import (
	"cmp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"
)

// Language is one UI language as the switcher offers it.
type Language struct {
	Tag  string // BCP 47, as ?lang= takes it
	Name string // the language's name in itself
}

// Languages lists the UI languages in switcher order, each named in its own
// language (a reader who cannot read the current UI must still find theirs).
// It returns a fresh slice: nothing here is shared mutable state.
func Languages() []Language {
	return []Language{
		{"en", "English"},
		{"ru", "Русский"},
		{"uk", "Українська"},
		{"de", "Deutsch"},
	}
}

// LangName names the language of code, any BCP 47 tag, in the reader's
// language: "de" is "немецкий" to a Russian reader, "sr-Latn-RS" is
// "Serbian (Latin, Serbia)" to an English one. The name is built from the
// tag's parts (language, then script, region and variants in brackets)
// rather than taken whole from CLDR's dialect names: x/text's table maps
// some tags to names of other languages (sr-Latn to Serbo-Croatian, ro-MD
// to Moldavian) and drops variants. A tag that names no known language
// (und, private use, qaa-qtz) or does not parse is shown as it is.
func (t *Translator) LangName(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	base, script, region := tag.Raw()
	name := display.Languages(t.tag).Name(base)
	if base.String() == "und" || name == "" {
		return code
	}
	var details []string
	if s := script.String(); s != "Zzzz" {
		details = append(details, cmp.Or(display.Scripts(t.tag).Name(script), s))
	}
	if r := region.String(); r != "ZZ" {
		details = append(details, cmp.Or(display.Regions(t.tag).Name(region), r))
	}
	for _, v := range tag.Variants() {
		details = append(details, v.String()) // CLDR has no names for most variants
	}
	// CLDR writes language names in lower case for Russian and Ukrainian;
	// they stand alone in a table cell here.
	r, size := utf8.DecodeRuneInString(name)
	name = string(unicode.ToUpper(r)) + name[size:]
	if len(details) > 0 {
		name += " (" + strings.Join(details, ", ") + ")"
	}
	return name
}

// Number formats n with the reader's digit grouping (1,234 / 1 234 / 1.234).
func (t *Translator) Number(n int) string {
	return message.NewPrinter(t.tag).Sprint(n)
}

// Date formats a moment in UTC with the layout the catalog gives as
// format.datetime, so that translators choose their date order.
func (t *Translator) Date(at time.Time) string {
	layout := t.T("format.datetime")
	if layout == "format.datetime" {
		layout = "2006-01-02 15:04"
	}
	return at.UTC().Format(layout)
}
