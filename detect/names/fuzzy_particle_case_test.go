package names

import "testing"

// A particle is written in the glossary's case, except that a sentence
// capitalises its first word; the suggestion keeps the text's inflection.
func TestParticleCase(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("vaart", "en", "Rafael van der Vaart", "de", "Rafael van der Vaart"),
		person("vdb", "en", "Alexander Van der Bellen", "de", "Alexander Van der Bellen"),
		person("gaulle", "en", "Charles de Gaulle", "ru", "Шарль де Голль"),
		person("vinci", "en", "Leonardo da Vinci", "ru", "Леонардо да Винчи", "de", "Leonardo da Vinci"),
	})
	checkCases(t, f, "en", []checkCase{
		{"Yesterday Rafael Van Der Vaart scored.", []string{"Rafael Van Der Vaart→Rafael van der Vaart"}},
		{"Van Der Vaart scored twice.", []string{"Van Der Vaart→Van der Vaart"}},
		{"Then Van Der Vaart scored.", []string{"Van Der Vaart→van der Vaart"}},
		{"Van der Vaart scored. Rafael van der Vaart too.", nil},
		{"President Van Der Bellen spoke.", []string{"Van Der Bellen→Van der Bellen"}},
		{"President Van der Bellen spoke.", nil},
	})
	checkCases(t, f, "ru", []checkCase{
		{"Статья о Шарле Де Голле вышла.", []string{"Шарле Де Голле→Шарле де Голле"}},
		{"Статья о Шарле де Голле вышла.", nil},
		{"Куратор сказал, что Да Винчи привлекает всех.", []string{"Да Винчи→да Винчи"}},
		{"Да Винчи привлекает всех.", nil},
	})
	checkCases(t, f, "de", []checkCase{
		{"Der Kurator sagte, Da Vinci ziehe an.", []string{"Da Vinci→da Vinci"}},
	})
}
