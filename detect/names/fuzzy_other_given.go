package names

import (
	"slices"
	"strings"
)

// A right family name after a given name that is not the entry's names
// someone else when that given name is a word of the language too: "стадион
// имени Льва Яшина" is the goalkeeper Лев Яшин, not a mangled Илья Яшин,
// and "Андрей Лавров" is not Сергей Лавров. The comparison of the words
// alone (familyExact) takes a given name half of whose letters are wrong for
// the same one, which holds for a mangled foreign name (Taler for Tucker)
// but not for two given names the language's lexicon lists, which are two
// names. Two given names one or two edits apart stay a slip of the same one
// (Мая and Майя, Марка for Марко), a given name the lexicon does not list
// (Ілля, Юлія, Антоний in Russian) stays a wrong form, and so does the
// entry's own given name in another case than the family name's.

// minOtherGivenDist is the spelling distance (spellingDistance) from which
// two given names of the lexicon are two names: two edits are still one
// name spelt another way ("Джорджия Мелони", MT's Georgia for Джорджа).
const minOtherGivenDist = 3

// withoutOtherGiven drops the hits of a Cyrillic text whose words are a
// given name and the suggestion's own family name, when the given name and
// the suggestion's are both words of the language and minOtherGivenDist or
// more apart.
func withoutOtherGiven(lang string, hits []Hit) []Hit {
	if !isCyrillicLang(lang) {
		return hits
	}
	return slices.DeleteFunc(hits, func(h Hit) bool { return isOtherGiven(lang, h) })
}

func isOtherGiven(lang string, h Hit) bool {
	if h.Check != CheckFuzzy {
		return false
	}
	got, want := strings.Fields(h.Text), strings.Fields(h.Suggestion)
	if len(got) != 2 || len(want) != 2 || got[1] != want[1] || got[0] == want[0] {
		return false
	}
	if !isLanguageWord(lang, got[0]) || !isLanguageWord(lang, want[0]) {
		return false
	}
	// A case form of the entry's given name is that name in the wrong
	// case ("Русланові Стефанчука"), not another.
	if entry := strings.Fields(h.Entry); len(entry) == 2 && casesOf(entry[0], got[0], lang, roleGiven, genderUnknown) != 0 {
		return false
	}
	return spellingDistance([]rune(strings.ToLower(got[0])), []rune(strings.ToLower(want[0]))) >= minOtherGivenDist
}
