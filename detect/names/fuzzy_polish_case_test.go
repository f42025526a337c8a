package names

import "testing"

// TestPolishCaseEndings holds that a name carrying a Polish case ending in
// a German or English text is the name in the nominative (or in the
// text's genitive), and that a given name alone is not read so. The people
// are outside the quality corpora.
func TestPolishCaseEndings(t *testing.T) {
	entries := []Entry{
		person("morawiecki", "en", "Mateusz Morawiecki", "de", "Mateusz Morawiecki", "ru", "Матеуш Моравецкий"),
		person("kaczynski", "en", "Jarosław Kaczyński", "de", "Jarosław Kaczyński", "ru", "Ярослав Качиньский"),
		person("radwanska", "en", "Agnieszka Radwańska", "de", "Agnieszka Radwańska", "ru", "Агнешка Радваньская"),
		person("gronkiewicz", "en", "Hanna Gronkiewicz-Waltz", "de", "Hanna Gronkiewicz-Waltz"),
		person("smolar", "en", "Piotr Smolar", "de", "Piotr Smolar"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"Die Presse lobte Morawieckiego Rede.", "de", "Morawieckiego", "Morawieckis"},
		{"Ein Treffen mit Jarosławem Kaczyńskim fand statt.", "de", "Jarosławem Kaczyńskim", "Jarosław Kaczyński"},
		{"Die Pläne von Kaczyńskiego gelten.", "de", "Kaczyńskiego", "Kaczyński"},
		{"Die Siege von Radwańskiej zählen.", "de", "Radwańskiej", "Radwańska"},
		{"The speech of Morawieckiego was long.", "en", "Morawieckiego", "Morawiecki"},
		{"Der Brief an Smolarowi kam an.", "de", "Smolarowi", "Smolar"},
		// A hyphenated family name is read part by part.
		{"Ein Treffen mit Gronkiewicz-Waltzem fand statt.", "de", "Gronkiewicz-Waltzem", "Gronkiewicz-Waltz"},
		// A given name alone is no one's case form; a right name is right.
		{"Er traf Jarosława gestern.", "de", "", ""},
		{"Die Pläne von Kaczyński gelten.", "de", "", ""},
	})
}
