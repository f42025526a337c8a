package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A woman's family name that ends in a consonant, -ь, -й or -о does not
// decline in Ukrainian or Russian, whatever its origin: "з Ангелою Меркель",
// "Оксані Шевчук", "Юлії Тимошенко" (a man's Ukrainian -ко does). MT and
// writers who take it for a man's decline it ("з Ангелою Меркелем",
// "подякували Меркелі"), and the index of right forms, which knows no
// gender, holds those forms. The glossary gives no gender
// either; the family name does not tell (Шевчук, Меркель), so the given
// name of the person's form in the language does: a woman's given name
// ends in -а or -я, and the few men's names of that declension are known
// (masculineGivenInA). A run that names no woman of the glossary only (a
// man of the same family name in the glossary, a form of someone else) is
// left alone.

// masculineGivenInA are men's given names ending in -а or -я, in Ukrainian
// and Russian spelling: the East Slavic names of that declension and their
// familiar forms, and the foreign ones news writes most (Italian Andrea,
// Luca, Nicola; Arabic, Turkish, Indian, Georgian, Finnish names), and the
// title that heads a pope's name.
var masculineGivenInA = map[string]bool{
	"микола": true, "ілля": true, "илья": true, "лука": true, "фома": true, "хома": true, "кузьма": true,
	"сава": true, "савва": true, "микита": true, "никита": true, "данила": true, "гаврила": true, "іона": true,
	"иона": true, "йона": true, "фока": true, "мина": true, "сила": true, "ієремія": true, "иеремия": true,
	"захарія": true, "захария": true, "ісая": true, "исайя": true, "овсія": true,
	"саша": true, "міша": true, "миша": true, "женя": true, "слава": true, "вова": true, "толя": true,
	"коля": true, "петя": true, "ваня": true, "гена": true, "діма": true, "дима": true, "федя": true,
	"юра": true, "паша": true, "костя": true, "гриша": true, "льоша": true, "лёша": true, "леша": true,
	"сєня": true, "сеня": true, "жора": true, "вася": true, "валя": true, "боря": true, "сева": true,
	"андреа": true, "нікола": true, "никола": true, "джошуа": true, "ілайджа": true, "илайджа": true,
	"джона": true, "ноа": true, "езра": true, "эзра": true, "мустафа": true, "муса": true, "іса": true,
	"иса": true, "хамза": true, "осама": true, "усама": true, "абдулла": true, "ага": true, "нарендра": true,
	"кришна": true, "рама": true, "шива": true, "зія": true, "зия": true,
	"нікіта": true, "ілія": true, "илия": true, "ніка": true, "ника": true, "гела": true, "шота": true,
	"коба": true, "юха": true, "пекка": true, "юкка": true, "ілкка": true, "куба": true, "папа": true,
}

// womanDeclined returns run, a right form of entries in lang, with its
// last word put back in the nominative, when every entry is a woman whose
// family name does not decline and the run declines it as a man's.
func (f *Fuzzy) womanDeclined(run, lang string, entries []int32) (string, bool) {
	return f.declinedAsMan(run, lang, entries, womanIndeclinableFamily, nil)
}

// declinedAsMan is womanDeclined with the family name of each entry given
// by familyOf (false: not a woman's indeclinable name), all entries
// agreeing on it, and, when woman is not nil, the woman confirmed by it
// once the run is found to decline the name as a man's.
func (f *Fuzzy) declinedAsMan(run, lang string, entries []int32, familyOf func(entryRef, string) (string, bool), woman func(family string) bool) (string, bool) {
	if lang != "uk" && lang != "ru" || len(entries) == 0 || !IsCyrillic(run) {
		return "", false
	}
	words := nameTokens(run)
	if len(words) == 0 {
		return "", false
	}
	last := words[len(words)-1]
	family := ""
	for _, idx := range entries {
		fam, ok := familyOf(f.entry(idx), lang)
		if !ok || family != "" && fam != family {
			return "", false
		}
		family = fam
	}
	// The forms a man of the name would take: the index's right forms.
	forms, _ := nameCaseForms(family, lang, roleFamily, genderUnknown)
	if w := cyrFold(last.text); w == cyrFold(family) || !slices.ContainsFunc(forms, func(form string) bool { return cyrFold(form) == w }) {
		return "", false
	}
	if woman != nil && !woman(family) {
		return "", false
	}
	return run[:last.start] + capitalLike(family, last.text) + run[last.end:], true
}

// womanIndeclinableFamily is the family name of e's preferred Cyrillic
// form in lang when e is a woman by her given name and the family name
// ends in a consonant, -ь, -й or -о.
func womanIndeclinableFamily(e entryRef, lang string) (string, bool) {
	if e.Type() != "person" {
		return "", false
	}
	form := strings.Fields(preferredCyrillic(e, lang))
	if len(form) < 2 {
		return "", false
	}
	given, family := form[0], form[len(form)-1]
	end := lastLower(family)
	if !isCyrillicConsonant(end) && end != 'ь' && end != 'й' && end != 'о' || surnameGender(family) != genderUnknown {
		return "", false
	}
	if !endsInA(given) || utf8.RuneCountInString(given) < 3 || masculineGivenInA[strings.ToLower(given)] {
		return "", false
	}
	return family, true
}

// preferredCyrillic is e's preferred form in lang when it is Cyrillic.
func preferredCyrillic(e entryRef, lang string) string {
	for _, t := range e.Terms() {
		if t.Lang == lang && t.Status == Preferred && IsCyrillic(t.Form) {
			return t.Form
		}
	}
	return ""
}
