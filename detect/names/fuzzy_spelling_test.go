package names

import "testing"

// TestSpellingOfTheTextsLanguage: a run that romanizes to a right form is
// right only when it is spelled as the text's language spells the name.
// The people are not in the quality corpora.
func TestSpellingOfTheTextsLanguage(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("klitschko", "en", "Vitali Klitschko", "de", "Vitali Klitschko", "ru", "Виталий Кличко", "uk", "Віталій Кличко"),
		person("shmyhal", "en", "Denys Shmyhal", "ru", "Денис Шмыгаль", "uk", "Денис Шмигаль"),
		person("tikhanovskaya", "en", "Sviatlana Tsikhanouskaya", "ru", "Светлана Тихановская", "uk", "Світлана Тихановська"),
		person("szijjarto", "en", "Péter Szijjártó", "de", "Péter Szijjártó", "ru", "Петер Сийярто"),
		person("kyiv", "en", "Kyiv", "ru", "Киев", "uk", "Київ"),
		{Key: "odesa", Type: "place", Terms: []Term{{Lang: "en", Form: "Odesa", Status: Preferred}, {Lang: "ru", Form: "Одесса", Status: Preferred}}},
		person("vaart", "en", "Rafael van der Vaart", "de", "Rafael van der Vaart"),
		person("juncker", "en", "Jean-Claude Juncker"),
		person("desantis", "en", "Ron DeSantis"),
		person("rashid", "en", "Mohammed bin Rashid Al Maktoum"),
		{Key: "lviv", Type: "place", Terms: []Term{{Lang: "ru", Form: "Львов", Status: Preferred}, {Lang: "uk", Form: "Львів", Status: Preferred}}},
		{Key: "kharkiv", Type: "place", Terms: []Term{{Lang: "ru", Form: "Харьков", Status: Preferred}, {Lang: "uk", Form: "Харків", Status: Preferred}}},
		{Key: "marseille", Type: "place", Terms: []Term{{Lang: "ru", Form: "Марсель", Status: Preferred}, {Lang: "uk", Form: "Марсель", Status: Preferred}}},
		{Key: "kerch", Type: "place", Terms: []Term{{Lang: "ru", Form: "Керчь", Status: Preferred}, {Lang: "uk", Form: "Керч", Status: Preferred}}},
	})
	tests := []struct {
		run, lang string
		right     bool   // left alone (a right form, or no form of a name)
		sugg      string // for a wrong form
	}{
		{"Денис Шмигаль", "uk", true, ""},
		{"Денисом Шмигалем", "uk", true, ""},
		{"Денис Шмыгаль", "uk", false, "Денис Шмигаль"},
		{"Шмыгалем", "uk", false, "Шмигалем"},
		{"Шмигаль", "ru", false, "Шмыгаль"},
		{"Шмыгаля", "ru", true, ""},
		{"Віталія Кличка", "uk", true, ""},
		{"Виталий Кличко", "uk", false, "Віталій Кличко"},
		{"Віталій Кличко", "ru", false, "Виталий Кличко"},
		{"Тихановськой", "uk", false, "Тихановської"},
		{"Тихановською", "uk", true, ""},
		{"Тихановский", "ru", true, ""}, // her husband: a relative, not a misspelling
		{"Péter Szijjártó", "en", true, ""},
		{"Szijjártós", "de", true, ""}, // a German genitive
		{"Peter Szijjarto", "en", false, "Péter Szijjártó"},
		{"Szijjarto", "en", false, "Szijjártó"},
		{"SZIJJÁRTÓ Péter", "en", true, ""}, // the order of lists
		{"Сийярто", "uk", true, ""},         // no Ukrainian form to judge by
		{"Одесса", "uk", true, ""},
		{"Peter", "en", true, ""}, // a given name alone is not judged
		// The shape of a name: particles, hyphens, inner capitals.
		{"Rafael van der Vaart", "en", true, ""},
		// A particle in the wrong case is judged by Check, which sees the
		// sentence (TestParticleCase).
		{"Van der Vaart", "en", true, ""}, // a sentence's capital
		{"Vaart", "en", true, ""},
		{"Rafael Von der Vaart", "de", false, "Rafael van der Vaart"},
		{"Jean Claude Juncker", "en", false, "Jean-Claude Juncker"},
		{"Jean-Claude Juncker", "en", true, ""},
		{"Ron Desantis", "en", false, "Ron DeSantis"},
		{"Desantis", "en", false, "DeSantis"},
		{"DESANTIS", "en", true, ""},
		{"DeSantis's", "en", true, ""},
		// A patronymic stays in the suggestion.
		{"Vitaliy Volodymyrovych Klychko", "en", false, "Vitali Volodymyrovych Klitschko"},
		// Another language's case forms, read back to its nominative.
		{"Харькове", "uk", false, "Харкові"},
		{"Харкові", "uk", true, ""},
		{"Харкове", "uk", false, "Харкові"}, // no vocative for a place
		{"Харкові", "ru", false, "Харькове"},
		{"Марселе", "uk", false, "Марселі"},
		{"Марселі", "uk", true, ""},
		{"Керчі", "uk", true, ""}, // a sibilant's Ukrainian locative
		{"Керчи", "uk", false, "Керчі"},
	}
	for _, tt := range tests {
		h, v, _ := matchRun(f, tt.run, tt.lang)
		switch {
		case tt.right && v == verdictHit:
			t.Errorf("match(%q, %s) = a wrong form (%q), want it left alone", tt.run, tt.lang, h.Suggestion)
		case !tt.right && (v != verdictHit || h.Suggestion != tt.sugg):
			t.Errorf("match(%q, %s) = verdict %d, suggestion %q; want a wrong form, suggestion %q", tt.run, tt.lang, v, h.Suggestion, tt.sugg)
		}
	}
}

func TestSpellingDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"москве", "москві", 0.5},
		{"кулебы", "кулеби", 0.2},
		{"зеленским", "зеленським", 0.3},
		{"путин", "путін", 0.2},
		{"шольц", "шольц", 0},
		{"пісків", "пєсков", 2},
		{"тихановськой", "тихановської", 0.5},
	}
	for _, tt := range tests {
		if got := spellingDistance([]rune(tt.a), []rune(tt.b)); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("spellingDistance(%q, %q) = %.2f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}
