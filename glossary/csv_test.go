package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"lector/apperr"
)

func TestParseCSVSeed(t *testing.T) {
	entries, err := ParseCSV(openFile(t, "testdata/seed_glossary.csv"), "seed_glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range entries {
		keys = append(keys, e.Key)
	}
	if got := strings.Join(keys, ","); got != "musk,isaacson,milei,bolsonaro,xi-jinping" {
		t.Fatalf("entries %s", got)
	}
	musk := entries[0]
	if len(musk.Terms) != 10 || musk.Type != "person" || musk.Preferred("en") != "Elon Musk" {
		t.Fatalf("musk = %+v", musk)
	}
	mask := musk.Terms[3]
	want := Term{Lang: "en", Form: "mask", Status: FalseFriend, CaseSensitive: false,
		Note: "Russian Маск read as the noun “mask”", Source: "WSJ seed article"}
	if mask != want {
		t.Fatalf("mask = %+v, want %+v", mask, want)
	}
}

func TestParseCSVDefaultsAndOrder(t *testing.T) {
	in := "\uFEFFstatus,term,lang,type,entry\n" +
		"preferred,Elon Musk,en,person,musk\n" +
		"false-friend,mask,en,person,musk\n" +
		"preferred,glossary,en_gb,term,gloss\n" +
		"admitted,Musk,EN,person,musk\n"
	entries, err := ParseCSV(strings.NewReader(in), "g.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Key: "musk", Type: "person", Terms: []Term{
			{Lang: "en", Form: "Elon Musk", Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "mask", Status: FalseFriend, CaseSensitive: false},
			{Lang: "en", Form: "Musk", Status: Admitted, CaseSensitive: true},
		}},
		{Key: "gloss", Type: "term", Terms: []Term{{Lang: "en-GB", Form: "glossary", Status: Preferred}}},
	}
	if !reflect.DeepEqual(entries, want) {
		t.Fatalf("entries = %+v\nwant %+v", entries, want)
	}
}

func TestParseCSVErrors(t *testing.T) {
	const header = "entry,type,lang,term,status,case_sensitive\n"
	// many is an entry past csvScanLimit, whose clashes an index finds.
	var many strings.Builder
	many.WriteString(header + "musk,person,en,Elon Musk,preferred,\n")
	for i := range csvScanLimit + 4 {
		fmt.Fprintf(&many, "musk,person,en,Musk %d,admitted,\n", i)
	}
	tests := []struct {
		name, in      string
		line          int
		field, reason string
	}{
		{"empty", "", 1, "header", "empty"},
		{"unknown column", "entry,type,lang,term,status,colour\n", 1, "colour", `unknown column "colour"`},
		{"missing column", "entry,type,lang,term\n", 1, "status", `required column "status"`},
		{"duplicate column", "entry,type,lang,term,status,term\n", 1, "term", "twice"},
		{"bad status", header + "musk,person,en,Musk,prefered,true\n", 2, "status", `status "prefered" is not one of preferred, admitted, deprecated, false-friend`},
		{"bad type", header + "musk,human,en,Musk,preferred,true\n", 2, "type", `type "human"`},
		{"bad lang", header + "musk,person,english!,Musk,preferred,true\n", 2, "lang", "BCP 47"},
		{"empty term", header + "musk,person,en,  ,preferred,true\n", 2, "term", "empty"},
		{"empty entry", header + ",person,en,Musk,preferred,true\n", 2, "entry", "empty"},
		{"bad boolean", header + "musk,person,en,Musk,preferred,yes\n", 2, "case_sensitive", `"yes"`},
		{"two preferred", header + "musk,person,en,Elon Musk,preferred,\nmusk,person,en,Musk,preferred,\n", 3, "status", "already has a preferred"},
		{"duplicate form", header + "musk,person,en,Musk,preferred,\nmusk,person,en-US,x,admitted,\nmusk,person,EN,Musk,admitted,\n", 4, "term", "already has"},
		{"duplicate form, many terms", many.String() + "musk,person,en,Musk 3,deprecated,\n", csvScanLimit + 7, "term", "already has"},
		{"two preferred, many terms", many.String() + "musk,person,en,Musk,preferred,\n", csvScanLimit + 7, "status", `preferred en term, "Elon Musk"`},
		{"type differs", header + "musk,person,en,Musk,preferred,\nmusk,place,en,Mars,admitted,\n", 3, "type", "differs"},
		{"short row", header + "musk,person,en\n", 2, "term", "3 fields"},
		{"bare quote", header + "musk,person,en,Mu\"sk,preferred,true\n", 2, "term", "quote"},
		{"unclosed quote", header + "musk,person,en,Musk,preferred,true\nmusk,person,de,\"Musk,admitted,true\n", 3, "term", "quote"},
		{"invalid utf-8", header + "musk,person,en,Mu\xffsk,preferred,true\n", 2, "term", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCSV(strings.NewReader(tt.in), "g.csv")
			var e *apperr.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *apperr.Error", err)
			}
			problem, _ := e.Data["Problem"].(string)
			if e.Code != apperr.Invalid || e.MessageID != "error.csv_invalid" || e.Data["File"] != "g.csv" ||
				e.Data["Line"] != tt.line || e.Data["Field"] != tt.field || !strings.Contains(problem, tt.reason) {
				t.Fatalf("err = %v, want line %d field %q problem containing %q", err, tt.line, tt.field, tt.reason)
			}
			if _, nerr := ParseCSVNames(strings.NewReader(tt.in), "g.csv"); !reflect.DeepEqual(nerr, err) {
				t.Errorf("ParseCSVNames: err = %v, want ParseCSV's %v", nerr, err)
			}
		})
	}
}

func TestParseCSVTooManyRows(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a million rows")
	}
	var b strings.Builder
	b.WriteString("entry,type,lang,term,status\n")
	for i := range MaxCSVRows + 1 {
		fmt.Fprintf(&b, "e%d,term,en,t%d,admitted\n", i/10, i)
	}
	_, err := ParseCSV(strings.NewReader(b.String()), "big.csv")
	var e *apperr.Error
	if !errors.As(err, &e) || e.Code != apperr.TooLarge || e.Data["Line"] != MaxCSVRows+2 {
		t.Fatalf("err = %v, want too_large at line %d", err, MaxCSVRows+2)
	}
}

func TestParseCSVTooLarge(t *testing.T) {
	big := strings.Repeat("x", MaxCSVBytes+1)
	_, err := ParseCSV(strings.NewReader(big), "huge.csv")
	if apperr.CodeOf(err) != apperr.TooLarge {
		t.Fatalf("err = %v, want too_large", err)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	entries := []Entry{
		{Key: "musk", Type: "person", Terms: []Term{
			{Lang: "en", Form: "Elon Musk", Status: Preferred, CaseSensitive: true, Note: "comma, \"quotes\"\nand a new line", Source: "WSJ, 2024"},
			{Lang: "en", Form: "mask", Status: FalseFriend, Note: "Маск read as “mask”\r"},
			{Lang: "ru", Form: "Илон Маск", Status: Preferred, CaseSensitive: true},
		}},
		{Key: "id, with \"quotes\"", Type: "organization", Terms: []Term{{Lang: "de-CH", Form: "\"The\" Firm", Status: Deprecated}}},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, entries); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "entry,type,lang,term,status,case_sensitive,note,source\n") {
		t.Fatalf("header: %q", buf.String())
	}
	back, err := ParseCSV(&buf, "round.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, entries) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", back, entries)
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add("entry,type,lang,term,status,case_sensitive,note,source\nmusk,person,en,Elon Musk,preferred,true,\"a, \"\"b\"\"\n\",src\n")
	f.Add("\uFEFFterm,status,lang,type,entry\nmask,false-friend,en,person,musk\n")
	f.Add("entry,type,lang,term,status\nx,term,zh-Hant-TW,  y ,admitted\nx,term,und,\"z\r\nw\",deprecated\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := ParseCSV(strings.NewReader(in), "fuzz.csv")
		if err != nil {
			var e *apperr.Error
			if !errors.As(err, &e) || e.Data["File"] != "fuzz.csv" {
				t.Fatalf("error without a file: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, entries); err != nil {
			t.Fatal(err)
		}
		back, err := ParseCSV(&buf, "again.csv")
		if err != nil {
			t.Fatalf("written glossary does not parse: %v\n%q", err, buf.String())
		}
		if !reflect.DeepEqual(back, entries) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", back, entries)
		}
	})
}

func openFile(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
