package names

import (
	"os"
	"reflect"
	"testing"
)

// TestNewMatcherWithDerived: the matcher that keeps the entries with
// derived false friends apart finds exactly what the matcher of the copied
// entries finds (WithDerivedFalseFriends), in the seed article and in
// sentences where derived false friends are flagged and where they are not.
func TestNewMatcherWithDerived(t *testing.T) {
	article, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		string(article),
		"They discussed the contacts of Mask and Putin.",
		"Asked about the launch, the mask said it was a success.",
		"Musk arrived while the nurse wore a mask all day.",
		"The tramp met Tramp; the TRAMP left.",
	}
	glossaries := map[string][]Entry{
		"seed": readGlossaryCSV(t, "testdata/seed_glossary.csv"),
		"musk": {derivedTestEntry("musk",
			[3]string{"en", "preferred", "Elon Musk"}, [3]string{"ru", "preferred", "Илон Маск"})},
		"none": {derivedTestEntry("x", [3]string{"en", "preferred", "Xavier Mask"})},
	}
	for name, entries := range glossaries {
		copied, apart := NewMatcher(WithDerivedFalseFriends(entries)), NewMatcherWithDerived(entries)
		derived := 0
		for _, text := range texts {
			for _, lang := range []string{"en", "de"} {
				want := copied.Check(text, lang)
				if got := apart.Check(text, lang); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: Check(%.40q, %s) = %+v, want %+v", name, text, lang, got, want)
				}
				if got, want := apart.Find(text, lang), copied.Find(text, lang); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: Find(%.40q, %s) = %+v, want %+v", name, text, lang, got, want)
				}
				for _, h := range want {
					if h.Check == CheckFalseFriend {
						derived++
					}
				}
			}
		}
		if name != "none" && derived == 0 {
			t.Errorf("%s: no false friend flagged: the comparison proves nothing", name)
		}
	}
}
