package names

import "testing"

// TestCyrillicArabicArticle: an Arabic article that Russian and Ukrainian
// assimilate (ас-Садр, ат-Турабі) written the English way (аль-, ель-), or
// apart from its name, is the glossary's article wrong; the glossary's own
// spelling, the name alone and an article before another capitalised word
// are left alone. The people are outside the quality corpora.
func TestCyrillicArabicArticle(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("al-sadr", "ru", "Муктада ас-Садр", "uk", "Муктада ас-Садр"),
		person("al-turabi", "ru", "Хасан ат-Тураби", "uk", "Хасан ат-Турабі"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Шиїтський лідер Муктада аль-Садр закликав до протестів.", []string{"аль-Садр→ас-Садр"}},
		{"Прихильники ель-Садра вийшли на вулиці.", []string{"ель-Садра→ас-Садра"}},
		{"Газети писали про Ас Садра і його партію.", []string{"Ас Садра→ас-Садра"}},
		{"Аль-Турабі помер у Хартумі.", []string{"Аль-Турабі→Ат-Турабі"}},
		{"Муктада ас-Садр закликав до протестів, і ас-Садра підтримали.", nil},
		{"Садр закликав до протестів.", nil},
		{"Туристи їхали через аль-Кут до Басри.", nil},
	})
	checkCases(t, f, "ru", []checkCase{
		{"Сторонники Муктады аль-Садра вышли на улицы.", []string{"аль-Садра→ас-Садра"}},
	})
}
