package names

import "testing"

// TestGermanCompoundNames holds that the name before the hyphen of a German
// compound is read as a name, compared with the people the text names. The
// people are outside the quality corpora.
func TestGermanCompoundNames(t *testing.T) {
	entries := []Entry{
		person("kurz", "en", "Sebastian Kurz", "de", "Sebastian Kurz", "ru", "Себастьян Курц"),
		person("berlusconi", "en", "Silvio Berlusconi", "de", "Silvio Berlusconi", "ru", "Сильвио Берлускони"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"Sebastian Kurz trat an. Die Kurtz-Regierung fiel.", "de", "Kurtz", "Kurz"},
		{"Silvio Berlusconi starb. Die Berluskoni-Ära endete.", "de", "Berluskoni", "Berlusconi"},
		{"Sebastian Kurz trat an. Die Kurz-Regierung fiel.", "de", "", ""},
		// Not named in the text: a head is no name by itself.
		{"Die Kurtz-Regierung fiel.", "de", "", ""},
		// Abbreviations and words of the language are no names.
		{"Sebastian Kurz trat an. Der Kreml-Sprecher und der EU-Gipfel schwiegen.", "de", "", ""},
		// English compounds are not German ones.
		{"Sebastian Kurz spoke. The Kurtz-era ended.", "en", "", ""},
	})
}
