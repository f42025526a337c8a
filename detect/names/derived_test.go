package names

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"lector/detect/internal/enginetest"
	"lector/detect/lexicon"
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
			[][]string{{"en:false-friend:mask", "ru:false-friend:мускус", "ru:false-friend:мускуса", "en:admitted:Musk", "ru:admitted:Маск"}}}, // musk is a word too: its translation (derived_bilingual.go)
		{"an admitted one-word form is kept as the suggestion", []Entry{derivedTestEntry("musk",
			[3]string{"en", "preferred", "Elon Musk"}, [3]string{"en", "admitted", "Musk"}, [3]string{"ru", "preferred", "Илон Маск"})},
			[][]string{{"en:false-friend:mask", "ru:false-friend:мускус", "ru:false-friend:мускуса", "ru:admitted:Маск"}}},
		{"a listed false friend is not doubled", []Entry{derivedTestEntry("musk",
			[3]string{"en", "preferred", "Elon Musk"}, [3]string{"en", "false-friend", "mask"}, [3]string{"ru", "preferred", "Илон Маск"})},
			[][]string{{"ru:false-friend:мускус", "ru:false-friend:мускуса", "ru:admitted:Маск"}}},
		{"Трамп gives tramp, an English word the hand-typed list lacked", []Entry{derivedTestEntry("trump",
			[3]string{"en", "preferred", "Donald Trump"}, [3]string{"ru", "preferred", "Дональд Трамп"})},
			[][]string{{"en:false-friend:tramp", "ru:false-friend:козырь", "ru:false-friend:козыря", "en:admitted:Trump", "ru:admitted:Трамп"}}},
		{"Зеленский gives no word", []Entry{derivedTestEntry("zelensky",
			[3]string{"en", "preferred", "Volodymyr Zelensky"}, [3]string{"ru", "preferred", "Владимир Зеленский"})},
			nil},
		{"a name of three letters gives nothing: Бут would give but; bout's translation черед stays, раз is too short", []Entry{derivedTestEntry("bout",
			[3]string{"en", "preferred", "Viktor Bout"}, [3]string{"ru", "preferred", "Виктор Бут"})},
			[][]string{{"ru:false-friend:черед", "ru:false-friend:череда", "ru:admitted:Бут"}}},
		{"a German false friend must be a German word: Маск gives none", []Entry{derivedTestEntry("musk",
			[3]string{"de", "preferred", "Elon Musk"}, [3]string{"ru", "preferred", "Илон Маск"})},
			nil},
		{"a Latin name spelt as a Russian word: Gore gives горе", []Entry{derivedTestEntry("gore",
			[3]string{"en", "preferred", "Al Gore"}, [3]string{"ru", "preferred", "Эл Гор"})},
			[][]string{{"ru:false-friend:горе", "ru:false-friend:клин", "ru:false-friend:клина", "ru:admitted:Гор"}}},
		{"a spelling that is the entry's own name gives nothing, nor do its cases", []Entry{derivedTestEntry("lavrov",
			[3]string{"en", "preferred", "Sergei Lavrov"}, [3]string{"ru", "preferred", "Сергей Лавров"})},
			nil},
		{"a spelling of three letters gives nothing: Nash would give наш", []Entry{derivedTestEntry("nash",
			[3]string{"en", "preferred", "John Nash"}, [3]string{"ru", "preferred", "Джон Нэш"})},
			nil},
		{"a transliteration equal to the right form is no false friend", []Entry{derivedTestEntry("putin",
			[3]string{"en", "preferred", "Vladimir Putin"}, [3]string{"ru", "preferred", "Владимир Путин"})},
			nil},
		{"deprecated Cyrillic forms are not sources", []Entry{derivedTestEntry("musk",
			[3]string{"en", "preferred", "Elon Musk"}, [3]string{"ru", "deprecated", "Илон Маск"})},
			nil},
		{"no English form, no English false friend", []Entry{derivedTestEntry("musk",
			[3]string{"fr", "preferred", "Elon Musk"}, [3]string{"ru", "preferred", "Илон Маск"})},
			nil},
		{"a word another entry is named by is left alone", []Entry{musk, derivedTestEntry("mask-inc",
			[3]string{"en", "preferred", "Mask"})},
			[][]string{{"ru:false-friend:мускус", "ru:false-friend:мускуса", "ru:admitted:Маск"}}},
		{"two entries deriving one word: neither gets it", []Entry{musk, derivedTestEntry("mask2",
			[3]string{"en", "preferred", "Ivan Mask-Ivanov"}, [3]string{"ru", "preferred", "Иван Маск"})},
			[][]string{{"ru:false-friend:мускус", "ru:false-friend:мускуса", "ru:admitted:Маск"}}},
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

// TestDerivedFalseFriendsHeldOut: real names none of the rules was written
// against, whose transliteration is a word of the other language. They were
// written down, with what they should give, after the rules were settled
// and before the test first ran; the one wrong expectation is marked.
func TestDerivedFalseFriendsHeldOut(t *testing.T) {
	tests := []struct {
		latin, cyrillic string
		want            []string // derived false friends, among others
	}{
		// A Cyrillic name romanized into an English word.
		{"Meryl Streep", "Мерил Стрип", []string{"en:strip"}},
		{"Joschka Fischer", "Йошка Фишер", []string{"en:fisher"}},
		{"Kip Thorne", "Кип Торн", []string{"en:torn"}},
		{"Ben Green", "Бен Грин", []string{"en:grin"}},
		{"Rand Paul", "Рэнд Пол", nil}, // Пол has three letters
		// A Latin name spelt letter by letter into a Russian word.
		{"Bob Dole", "Боб Доул", []string{"ru:доле"}},
		{"Christian Bale", "Кристиан Бейл", []string{"ru:бале"}},
		// Written down as giving лане, which is no Russian word (о лани): the
		// lexicon knew better than the test's author.
		{"Nathan Lane", "Натан Лейн", nil},
		{"Francis Drake", "Фрэнсис Дрейк", []string{"ru:драке"}},
	}
	var entries []Entry
	for i, tt := range tests {
		entries = append(entries, derivedTestEntry(fmt.Sprint("p", i),
			[3]string{"en", "preferred", tt.latin}, [3]string{"ru", "preferred", tt.cyrillic}))
	}
	out := WithDerivedFalseFriends(entries)
	for i, tt := range tests {
		var got []string
		for _, term := range out[i].Terms {
			// The expectations are the transliterations'; the translations
			// of family names that are English words (lane → тропинка) are
			// derived_bilingual_test.go's.
			if translated, _ := translatedKind(refOf(&out[i]), term.Lang, term.Form); term.Derived && term.Status == FalseFriend && !translated {
				got = append(got, term.Lang+":"+term.Form)
			}
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s / %s: derived %q, want %q among them", tt.latin, tt.cyrillic, got, w)
			}
		}
		if tt.want == nil && got != nil {
			t.Errorf("%s / %s: derived %q, want none", tt.latin, tt.cyrillic, got)
		}
		t.Logf("%-16s %-16s → %q", tt.latin, tt.cyrillic, got)
	}
}

// TestDerivedStem: every case form CaseForms makes of a name starts with
// derivedStem of the name, which derivedStemMayMatch relies on.
func TestDerivedStem(t *testing.T) {
	words := []string{"Маск", "Песков", "Путин", "Зеленский", "Зеленський", "Навальный", "Толстой", "Юрий",
		"Милей", "Игорь", "Никита", "Илья", "Вега", "Хрущёв", "Залужний", "Кравец", "Шойгу", "Гоголь",
		"Плющ", "Ходж", "Лебедь", "Мерил", "Береза", "Марія", "Кременець", "Садовий"}
	for _, e := range benchEntries(2000) {
		words = append(words, derivedFamilyName(e.Terms[1].Form))
	}
	for _, w := range words {
		stem := derivedStem(w)
		for _, lang := range []string{"ru", "uk"} {
			for _, f := range CaseForms(w, lang) {
				if !strings.HasPrefix(f, stem) {
					t.Errorf("CaseForms(%q, %s) gives %q, which does not start with derivedStem %q", w, lang, f, stem)
				}
			}
		}
	}
}

func TestAppendCyrillicSpelling(t *testing.T) {
	spell := func(word, lang string) string { return string(appendCyrillicSpelling(nil, word, lang)) }
	enginetest.Each2(t, "appendCyrillicSpelling", spell, []enginetest.Case2[string, string, string]{
		{A: "Gore", B: "ru", Want: "горе"},
		{A: "Major", B: "ru", Want: "майор"},
		{A: "Shchukin", B: "ru", Want: "щукин"},
		{A: "Zhukov", B: "uk", Want: "жуков"},
		{A: "Hryhoriy", B: "uk", Want: "григорій"},
		{A: "Yushchenko", B: "uk", Want: "ющенко"},
		{A: "Tsvetkova", B: "ru", Want: "цветкова"},
		{A: "Schulz", B: "ru", Want: "шулз"},
		{A: "Müller", B: "ru", Want: "муллер"},
		{A: "O'Neil", B: "ru", Want: "онеил"},
		{A: "Mask-Ivanov", B: "ru", Want: ""},
		{A: "Маск", B: "ru", Want: ""},
	})
}

// TestDerivedTargetsAreTheLexicons: every language with a lexicon is a
// target, and no other.
func TestDerivedTargetsAreTheLexicons(t *testing.T) {
	var targets []string
	for _, tg := range derivedTargets {
		targets = append(targets, tg.lang)
		if tg.cyrillic != (tg.lang == "ru" || tg.lang == "uk") {
			t.Errorf("target %s: cyrillic %v", tg.lang, tg.cyrillic)
		}
	}
	slices.Sort(targets)
	if !slices.Equal(targets, lexicon.Languages()) {
		t.Errorf("targets %q, lexicons %q", targets, lexicon.Languages())
	}
}

// TestDerivedIsSeparatorByte: derivedNextWord's ASCII path splits words as
// derivedIsSeparator does, for every ASCII byte.
func TestDerivedIsSeparatorByte(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		if got, want := derivedIsSeparatorByte(c), derivedIsSeparator(rune(c)); got != want {
			t.Errorf("derivedIsSeparatorByte(%q) = %v, derivedIsSeparator says %v", c, got, want)
		}
	}
}
