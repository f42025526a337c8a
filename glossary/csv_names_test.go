package glossary

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestParseCSVNamesIsNamesOfParseCSV: the streaming path gives the engine
// exactly what converting the stored entries gives, whether an entry's rows
// are together or spread over the file, and for entries past csvScanLimit.
func TestParseCSVNamesIsNamesOfParseCSV(t *testing.T) {
	const header = "entry,type,lang,term,status,case_sensitive,note,source\n"
	var many strings.Builder
	many.WriteString(header)
	for i := range csvScanLimit + 5 {
		fmt.Fprintf(&many, "musk,person,en,Musk %d,admitted,,n%d,s\n", i, i)
		fmt.Fprintf(&many, "putin,person,ru,Путин %d,deprecated,false,,\n", i)
	}
	tests := []struct{ name, in string }{
		{"seed", seedCSV(t)},
		{"grouped", header + "a,person,en,Ann Lee,preferred,,,\na,person,ru,Энн Ли,preferred,,,\nb,term,en,mask,false-friend,,,\n"},
		{"interleaved", header + "a,person,en,Ann Lee,preferred,,,\nb,term,en,mask,false-friend,,,\na,person,ru,Энн Ли,preferred,,,\nc,place,de,Moskau,preferred,true,,\nb,term,de,Maske,admitted,,,\n"},
		{"many terms, interleaved", many.String()},
		{"header only", header},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored, err := ParseCSV(strings.NewReader(tt.in), "g.csv")
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseCSVNames(strings.NewReader(tt.in), "g.csv")
			if err != nil {
				t.Fatal(err)
			}
			if want := Names(stored); !reflect.DeepEqual(got, want) {
				t.Errorf("ParseCSVNames = %+v\nwant Names(ParseCSV) = %+v", got, want)
			}
			terms := 0
			for _, e := range stored {
				terms += len(e.Terms)
				if len(e.Terms) != cap(e.Terms) {
					t.Errorf("entry %s: %d terms, capacity %d; an append must not write into the next entry's", e.Key, len(e.Terms), cap(e.Terms))
				}
			}
			if want := strings.Count(tt.in, "\n") - 1; terms != want {
				t.Errorf("%d terms, want one a row, %d", terms, want)
			}
		})
	}
}

func seedCSV(t *testing.T) string {
	data, err := os.ReadFile("testdata/seed_glossary.csv")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
