package names

import (
	"reflect"
	"slices"
	"testing"
)

// derivedTestEntry builds a person entry from lang:status:form triples.
func derivedTestEntry(key string, terms ...[3]string) Entry {
	e := Entry{Key: key, Type: "person"}
	for _, t := range terms {
		e.Terms = append(e.Terms, Term{Lang: t[0], Status: Status(t[1]), Form: t[2], CaseSensitive: true})
	}
	return e
}

// derivedAdded lists the terms WithDerivedFalseFriends added to entry i, as
// lang:status:form.
func derivedAdded(entries []Entry, i int) []string {
	var out []string
	for _, t := range entries[i].Terms {
		if t.Derived {
			out = append(out, t.Lang+":"+string(t.Status)+":"+t.Form)
		}
	}
	return out
}

func TestWithDerivedFalseFriends(t *testing.T) {
	musk := derivedTestEntry("musk", [3]string{"en", "preferred", "Elon Musk"}, [3]string{"ru", "preferred", "Илон Маск"})
	tests := []struct {
		name    string
		entries []Entry
		want    [][]string // added terms per entry
	}{
		{"Маск gives mask, and Musk as the one-word form", []Entry{musk},
			[][]string{{"en:false-friend:mask", "en:admitted:Musk"}}},
		{"an admitted one-word form is kept as the suggestion", []Entry{derivedTestEntry("musk",
			[3]string{"en", "preferred", "Elon Musk"}, [3]string{"en", "admitted", "Musk"}, [3]string{"ru", "preferred", "Илон Маск"})},
			[][]string{{"en:false-friend:mask"}}},
		{"a listed false friend is not doubled", []Entry{derivedTestEntry("musk",
			[3]string{"en", "preferred", "Elon Musk"}, [3]string{"en", "false-friend", "mask"}, [3]string{"ru", "preferred", "Илон Маск"})},
			nil},
		{"Трамп gives no common word", []Entry{derivedTestEntry("trump",
			[3]string{"en", "preferred", "Donald Trump"}, [3]string{"ru", "preferred", "Дональд Трамп"})},
			nil},
		{"a transliteration equal to the right form is no false friend", []Entry{derivedTestEntry("putin",
			[3]string{"en", "preferred", "Vladimir Putin"}, [3]string{"ru", "preferred", "Владимир Путин"})},
			nil},
		{"deprecated Cyrillic forms are not sources", []Entry{derivedTestEntry("musk",
			[3]string{"en", "preferred", "Elon Musk"}, [3]string{"ru", "deprecated", "Илон Маск"})},
			nil},
		{"no English form, no English false friend", []Entry{derivedTestEntry("musk",
			[3]string{"de", "preferred", "Elon Musk"}, [3]string{"ru", "preferred", "Илон Маск"})},
			nil},
		{"a word another entry is named by is left alone", []Entry{musk, derivedTestEntry("mask-inc",
			[3]string{"en", "preferred", "Mask"})},
			nil},
		{"two entries deriving one word: neither gets it", []Entry{musk, derivedTestEntry("mask2",
			[3]string{"en", "preferred", "Ivan Mask-Ivanov"}, [3]string{"ru", "preferred", "Иван Маск"})},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WithDerivedFalseFriends(tt.entries)
			for i := range tt.entries {
				var want []string
				if i < len(tt.want) {
					want = tt.want[i]
				}
				if added := derivedAdded(got, i); !reflect.DeepEqual(added, want) {
					t.Errorf("entry %s: added %q, want %q", tt.entries[i].Key, added, want)
				}
				if slices.ContainsFunc(tt.entries[i].Terms, func(t Term) bool { return t.Derived }) {
					t.Errorf("entry %s: the input was modified", tt.entries[i].Key)
				}
			}
		})
	}
}

// TestDerivedFalseFriendContext: with a glossary of preferred forms only,
// the derived "mask" is flagged where it stands for Musk and silent where
// it is a mask.
func TestDerivedFalseFriendContext(t *testing.T) {
	entries := WithDerivedFalseFriends([]Entry{derivedTestEntry("musk",
		[3]string{"en", "preferred", "Elon Musk"}, [3]string{"ru", "preferred", "Илон Маск"})})
	m := NewMatcher(entries)
	tests := []struct {
		text    string
		flagged bool
	}{
		{"They discussed the contacts of Mask and Putin.", true},
		// Built like "Musk said the mask was not needed": only the meaning of
		// "has admission" says a person is meant, which syntax cannot see.
		// Inside the seed article the same sentence is flagged, because the
		// article uses the word for the person elsewhere (TestSeedArticle).
		{"Musk landed. Officials say the mask has admission to secret information.", false},
		{"Asked about the launch, the mask said it was a success.", true},
		{"Musk arrived while the nurse wore a mask all day.", false},
		{"The governor lifted mask mandates in May.", false},
		{"She took the mask from the shelf.", false},
		{"Musk spoke; a face mask lay on the table.", false},
	}
	for _, tt := range tests {
		var flags []Hit
		for _, h := range m.Check(tt.text, "en") {
			if h.Check == CheckFalseFriend {
				flags = append(flags, h)
			}
		}
		if tt.flagged != (len(flags) == 1) {
			t.Errorf("Check(%q) flagged %+v, want flagged=%v", tt.text, flags, tt.flagged)
			continue
		}
		if tt.flagged && flags[0].Suggestion != "Musk" {
			t.Errorf("Check(%q) suggests %q, want Musk", tt.text, flags[0].Suggestion)
		}
	}
}
