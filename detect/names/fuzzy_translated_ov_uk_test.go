package names

import "testing"

// TestTranslatedOvSurname: a Russian family name in -ов that MT translated
// into Ukrainian as a genitive plural (Орлов → орлів, of eagles; Соколов →
// соколів, of falcons) is the name when capitalised in mid-sentence or
// before a verb in the past tense at a sentence's start; the ordinary word,
// and a capitalised one before no verb, are left alone. The people are
// outside the quality corpora.
func TestTranslatedOvSurname(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("orlov", "ru", "Юрий Орлов", "uk", "Юрій Орлов"),
		person("sokolov", "ru", "Александр Соколов", "uk", "Олександр Соколов"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Орлів заявив, що правозахисники не здадуться.", []string{"Орлів→Орлов"}},
		{"Правозахисника підтримав і Соколів, який приїхав до суду.", []string{"Соколів→Соколов"}},
		{"Над горами кружляли сотні орлів і соколів.", nil},
		{"Орлів над горами було багато.", nil},
		{"Юрій Орлов заявив, що правозахисники не здадуться.", nil},
	})
}
