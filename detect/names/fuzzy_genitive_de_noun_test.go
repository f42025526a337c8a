package names

import "testing"

// TestGermanGenitiveBeforeNoun holds the German case of a mangled name next
// to a noun: a romanized Russian genitive before a noun is the
// German genitive, a feminine -a is no genitive, and a name in an s sound
// takes no genitive -s. The people are outside the quality corpora.
func TestGermanGenitiveBeforeNoun(t *testing.T) {
	entries := []Entry{
		person("hollande", "en", "François Hollande", "de", "François Hollande", "ru", "Франсуа Олланд", "uk", "Франсуа Олланд"),
		person("kurz", "en", "Sebastian Kurz", "de", "Sebastian Kurz", "ru", "Себастьян Курц", "uk", "Себастьян Курц"),
		person("radicova", "en", "Iveta Radičová", "de", "Iveta Radičová", "ru", "Ивета Радичова", "uk", "Івета Радічова"),
		person("sainz", "en", "Carlos Sainz", "de", "Carlos Sainz", "ru", "Карлос Сайнс", "uk", "Карлос Сайнс"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		// Before a noun: German's genitive, -s or the apostrophe.
		{"Damals fiel Ollanda Regierung.", "de", "Ollanda", "Hollandes"},
		{"Sebastian Kurz siegte. Die Presse lobte Kurza Partei.", "de", "Kurza", "Kurz'"},
		// Before a verb or a name, the ending is still wrong, but no genitive.
		{"Danach sagte Ollanda nichts.", "de", "Ollanda", "Hollande"},
		{"Sebastian Kurz siegte. Die Presse lobte Kurza und Hollande.", "de", "Kurza", "Kurz"},
		// A woman's -a is her name's own (Радичова), diacritics or not.
		{"Die Slowakin Iveta Radicova sprach.", "de", "Iveta Radicova", "Iveta Radičová"},
		{"Damals lobte Iveta Radicova Reformen.", "de", "Iveta Radicova", "Iveta Radičová"},
		// A name in an s sound: a final s is its own sound, not a genitive.
		{"Danach gewann Carlos Sains das Rennen.", "de", "Carlos Sains", "Carlos Sainz"},
	})
}
