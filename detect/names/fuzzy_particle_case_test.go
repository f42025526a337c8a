package names

import (
	"strings"
	"testing"
)

// A particle is written in the glossary's case, except that a sentence
// capitalises its first word; the suggestion keeps the text's inflection.
func TestParticleCase(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("vaart", "en", "Rafael van der Vaart", "de", "Rafael van der Vaart"),
		person("vdb", "en", "Alexander Van der Bellen", "de", "Alexander Van der Bellen"),
		person("gaulle", "en", "Charles de Gaulle", "ru", "Шарль де Голль"),
		person("vinci", "en", "Leonardo da Vinci", "ru", "Леонардо да Винчи", "de", "Leonardo da Vinci"),
	})
	for _, tc := range []struct {
		text, lang string
		want       []string // hit → suggestion
	}{
		{"Yesterday Rafael Van Der Vaart scored.", "en", []string{"Rafael Van Der Vaart→Rafael van der Vaart"}},
		{"Van Der Vaart scored twice.", "en", []string{"Van Der Vaart→Van der Vaart"}},
		{"Then Van Der Vaart scored.", "en", []string{"Van Der Vaart→van der Vaart"}},
		{"Van der Vaart scored. Rafael van der Vaart too.", "en", nil},
		{"President Van Der Bellen spoke.", "en", []string{"Van Der Bellen→Van der Bellen"}},
		{"President Van der Bellen spoke.", "en", nil},
		{"Статья о Шарле Де Голле вышла.", "ru", []string{"Шарле Де Голле→Шарле де Голле"}},
		{"Статья о Шарле де Голле вышла.", "ru", nil},
		{"Куратор сказал, что Да Винчи привлекает всех.", "ru", []string{"Да Винчи→да Винчи"}},
		{"Да Винчи привлекает всех.", "ru", nil},
		{"Der Kurator sagte, Da Vinci ziehe an.", "de", []string{"Da Vinci→da Vinci"}},
	} {
		var got []string
		for _, h := range f.Check(tc.text, tc.lang, nil) {
			got = append(got, h.Text+"→"+h.Suggestion)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: hits %q, want %q", tc.text, got, tc.want)
		}
	}
}
