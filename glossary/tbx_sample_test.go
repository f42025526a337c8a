package glossary

import (
	"path/filepath"
	"testing"
)

// TestParseTBXBasicDCASample reads ../testdata/tbx/tbx_basic_dca_sample.tbx,
// a TBX-Basic file (TBX v3, DCA style) written for these tests in the shape
// of another termbase's export, and checks every entry and term, in order.
// (It replaces the check against the official LTAC TBX-Basic example, which
// has no licence to live in the repository; testdata/SOURCES.md says more.)
//
// What the sample holds, and what the parser must make of it:
//   - the four administrativeStatus values: preferredTerm, admittedTerm, and
//     supersededTerm and deprecatedTerm, which are both deprecated; a term
//     with no status is admitted; one status is inside a <termNoteGrp>;
//   - no Lector marker notes, as in any file from another tool: every entry
//     is a "term" and every term case-insensitive;
//   - concept-level <note>s → Entry.Note, term-level ones → Term.Note, one
//     line each, pretty-printing white space collapsed, entities (&amp;,
//     &#8217;) decoded, inline <hi> read as its text;
//   - ignored: <transacGrp> at every level, subjectField, definitions and
//     contexts in <descripGrp> with their <admin type="source"> and <note>,
//     a <note> on a <langSec>, xGraphic, externalCrossReference,
//     crossReference, partOfSpeech, termType, grammaticalGender, a
//     projectSubset <admin>, the header and <back>;
//   - a term-level <admin type="source">, twice → Term.Source, one a line;
//   - the same form in two languages of one concept (en and de "WHO"), and
//     a region subtag (de-CH).
func TestParseTBXBasicDCASample(t *testing.T) {
	path := filepath.Join("..", "testdata", "tbx", "tbx_basic_dca_sample.tbx")
	entries, err := ParseTBX(openFile(t, path), filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Key: "kyiv", Type: "term",
			Note: "Capital of Ukraine.\nWrite Kyiv in English copy, Kiev only in fixed historical names.",
			Terms: []Term{
				{Lang: "en", Form: "Kyiv", Status: Preferred},
				{Lang: "en", Form: "Kiev", Status: Deprecated, // supersededTerm-admn-sts
					Note: "Transliterated from the Russian name.\nKeep it only in fixed names such as chicken Kiev."},
				{Lang: "ru", Form: "Киев", Status: Preferred},
				{Lang: "uk", Form: "Київ", Status: Preferred},
				{Lang: "de", Form: "Kyjiw", Status: Preferred, Note: "House style for German copy."},
				{Lang: "de", Form: "Kiew", Status: Admitted},
			}},
		{Key: "zelensky", Type: "term", Terms: []Term{
			{Lang: "en", Form: "Volodymyr Zelensky", Status: Preferred}, // in a <termNoteGrp>
			{Lang: "en", Form: "Zelensky", Status: Admitted, Note: "After the first mention."},
			{Lang: "en", Form: "Volodymyr Zelenskyy", Status: Admitted,
				Note:   "The Ukrainian government's English spelling; some agencies use it too.",
				Source: "Office of the President of Ukraine\nStylebook2024"},
			{Lang: "en", Form: "Vladimir Zelensky", Status: Deprecated, // deprecatedTerm-admn-sts
				Note: "Transliterated from the Russian form of the first name."},
			{Lang: "ru", Form: "Владимир Зеленский", Status: Preferred},
			{Lang: "ru", Form: "Зеленский", Status: Admitted}, // no status
			{Lang: "uk", Form: "Володимир Зеленський", Status: Preferred},
			{Lang: "de", Form: "Wolodymyr Selenskyj", Status: Preferred},
			{Lang: "de", Form: "Selenskyj", Status: Admitted}, // no status
		}},
		{Key: "who", Type: "term", Note: "A United Nations agency, seated in Geneva.", Terms: []Term{
			{Lang: "en", Form: "World Health Organization", Status: Preferred},
			{Lang: "en", Form: "WHO", Status: Admitted,
				Note: "Spell out on first mention; then WHO, as in WHO’s Q&A pages."},
			{Lang: "ru", Form: "Всемирная организация здравоохранения", Status: Preferred},
			{Lang: "ru", Form: "ВОЗ", Status: Admitted},
			{Lang: "uk", Form: "Всесвітня організація охорони здоров’я", Status: Preferred},
			{Lang: "uk", Form: "ВООЗ", Status: Admitted},
			{Lang: "de", Form: "Weltgesundheitsorganisation", Status: Preferred},
			{Lang: "de", Form: "WHO", Status: Admitted, Note: "Gesprochen: We-Ha-O."},
		}},
		{Key: "belarus", Type: "term", Note: "Country in Eastern Europe; capital Minsk.", Terms: []Term{
			{Lang: "en", Form: "Belarus", Status: Preferred},
			{Lang: "en", Form: "Byelorussia", Status: Deprecated, Note: "Soviet-era name."},                      // supersededTerm-admn-sts
			{Lang: "en", Form: "White Russia", Status: Deprecated, Note: "A calque, not a name of the country."}, // deprecatedTerm-admn-sts
			{Lang: "ru", Form: "Беларусь", Status: Preferred},
			{Lang: "ru", Form: "Белоруссия", Status: Admitted, Note: "Common in Russian media."},
			{Lang: "uk", Form: "Білорусь", Status: Admitted}, // no status
			{Lang: "de", Form: "Belarus", Status: Preferred},
			{Lang: "de", Form: "Weißrussland", Status: Admitted},
			{Lang: "de-CH", Form: "Weissrussland", Status: Admitted, Note: "Swiss spelling, without ß."},
		}},
		{Key: "minsk", Type: "term", Terms: []Term{
			{Lang: "en", Form: "Minsk", Status: Admitted},
			{Lang: "ru", Form: "Минск", Status: Admitted},
			{Lang: "uk", Form: "Мінськ", Status: Admitted},
			{Lang: "de", Form: "Minsk", Status: Admitted},
		}},
		// A bibliography record written as a concept, as termbases do: the
		// name the sources above cite, described by its notes.
		{Key: "stylebook2024", Type: "term", Terms: []Term{
			{Lang: "en", Form: "Stylebook2024", Status: Admitted,
				Note: "Title: Newsroom stylebook\nEdition: 2024\nPublisher: the copy desk, for internal use"},
		}},
	}
	tbxCompare(t, entries, want)
}
