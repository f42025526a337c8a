package names

import (
	"slices"
	"testing"
)

// bilingualTestEntries: people whose family names are English words, with
// their right forms in all four languages, as a news glossary lists them.
func bilingualTestEntries() []Entry {
	return WithDerivedFalseFriends([]Entry{
		person("cook", "en", "Tim Cook", "de", "Tim Cook", "ru", "Тим Кук", "uk", "Тім Кук"),
		person("gates", "en", "Bill Gates", "de", "Bill Gates", "ru", "Билл Гейтс", "uk", "Білл Гейтс"),
		person("trump", "en", "Donald Trump", "de", "Donald Trump", "ru", "Дональд Трамп", "uk", "Дональд Трамп"),
		person("swift", "en", "Taylor Swift", "de", "Taylor Swift", "ru", "Тейлор Свифт", "uk", "Тейлор Свіфт"),
	})
}

func TestTranslatedFalseFriendsDerived(t *testing.T) {
	entries := bilingualTestEntries()
	tests := []struct {
		entry int
		want  []string // lang:form, among the derived false friends
	}{
		{0, []string{"de:koch", "ru:повар", "ru:повара", "uk:кухар", "uk:кухаря"}},
		{1, []string{"de:tore", "ru:ворота", "uk:ворота"}},
		{2, []string{"de:trumpf", "ru:козырь", "uk:козир"}},
		{3, []string{"de:schnell", "ru:быстрый", "ru:быстрая", "uk:швидкий", "uk:швидка"}},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range entries[tt.entry].Terms {
			if term.Derived && term.Status == FalseFriend {
				got = append(got, term.Lang+":"+term.Form)
			}
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: derived %q, want %q among them", entries[tt.entry].Key, got, w)
			}
		}
	}
	// Places: a one-word name is translated, not the last word of a longer
	// one; never the name's own adjective (Китай → китайский); no term.
	place := func(key string, langForms ...string) Entry {
		e := person(key, langForms...)
		e.Type = "place"
		return e
	}
	term := person("swift-lang", "en", "Swift", "de", "Swift", "ru", "Свифт") // the programming language
	term.Type = "term"
	others := WithDerivedFalseFriends([]Entry{
		place("china", "en", "China", "de", "China", "ru", "Китай", "uk", "Китай"),
		place("usa", "en", "United States", "de", "Vereinigte Staaten", "ru", "Соединённые Штаты"),
		term,
	})
	derived := func(e Entry) []string {
		var out []string
		for _, t := range e.Terms {
			if t.Derived && t.Status == FalseFriend {
				out = append(out, t.Lang+":"+t.Form)
			}
		}
		return out
	}
	if got := derived(others[0]); !slices.Contains(got, "ru:фарфор") || !slices.Contains(got, "de:porzellan") ||
		slices.Contains(got, "ru:китайский") {
		t.Errorf("China: derived %q, want фарфор and Porzellan, not китайский", got)
	}
	for _, e := range others[1:] {
		if got := derived(e); got != nil {
			t.Errorf("%s (%s): derived %q, want none", e.Key, e.Type, got)
		}
	}
	// No English form, no translation: the Russian name Кук is not read as English.
	none := WithDerivedFalseFriends([]Entry{person("cook", "de", "Tim Cook", "ru", "Тим Кук")})
	for _, term := range none[0].Terms {
		if term.Derived && (term.Form == "koch" || term.Form == "повар") {
			t.Errorf("without an English form: derived %s:%s", term.Lang, term.Form)
		}
	}
}

// TestTranslatedFalseFriendContext: the translation is flagged where it
// stands for the person and left alone where it is the ordinary word, in
// each language, in a text that names the person too.
func TestTranslatedFalseFriendContext(t *testing.T) {
	m := NewMatcher(bilingualTestEntries())
	tests := []struct {
		lang, text string
		flagged    string // the flagged word, "" for none
		suggestion string
	}{
		// German.
		{"de", "Apple-Chef Tim Cook war in Berlin. Dort sagte Koch, das Geschäft laufe gut.", "Koch", "Cook"},
		{"de", "Tim Cook war in Berlin. Tim Koch sagte, das Geschäft laufe gut.", "Koch", "Cook"},
		{"de", "Tim Cook war in Berlin. Der Koch kocht im Restaurant eine Suppe.", "", ""},
		{"de", "Tim Cook aß dort. Ein guter Koch braucht frische Zutaten.", "", ""},
		{"de", "Bill Gates stiftete Geld. Die Tore des Stadions blieben geschlossen.", "", ""},
		{"de", "Bill Gates stiftete Geld. Laut Tore soll die Stiftung wachsen.", "Tore", "Gates"},
		{"de", "Bill Gates stiftete Geld. Tore lobte auch die Forscher.", "Tore", "Gates"},
		{"de", "Donald Trump sprach lange. Beim Skat ist Herz heute Trumpf.", "", ""},
		{"de", "Taylor Swift sang in London. Das Konzert war schnell ausverkauft.", "", ""},
		// Russian.
		{"ru", "Тим Кук приехал в Берлин. Повар заявил, что продажи растут.", "Повар", "Кук"},
		{"ru", "Тим Кук приехал в Берлин. Повар приготовил в ресторане суп.", "", ""},
		{"ru", "Тим Кук приехал в Берлин. По словам Повара, продажи растут.", "Повара", "Кука"},
		{"ru", "Тим Кук приехал в Берлин. У повара сегодня выходной.", "", ""},
		{"ru", "Тим Кук приехал в Берлин. Она работает поваром в кафе.", "", ""},
		{"ru", "Билл Гейтс выступил. Ворота стадиона закрыли в полночь.", "", ""},
		{"ru", "Билл Гейтс выступил. Болельщики стояли у ворота стадиона.", "", ""},
		{"ru", "Билл Гейтс выступил. Ворота похвалил и учёных.", "Ворота", "Гейтс"},
		{"ru", "Дональд Трамп выступил. По словам Козырь, выборы честные.", "Козырь", "Трамп"},
		{"ru", "Дональд Трамп выступил. В этой игре у него последний козырь.", "", ""},
		// Ukrainian.
		{"uk", "Тім Кук прибув до Берліна. Кухар заявив, що продажі зростають.", "Кухар", "Кук"},
		{"uk", "Тім Кук прибув до Берліна. Кухар приготував у ресторані суп.", "", ""},
		{"uk", "Тім Кук прибув до Берліна. За словами Кухаря, продажі зростають.", "Кухаря", "Кука"},
		{"uk", "Тім Кук прибув до Берліна. Суп кухаря був смачний.", "", ""},
		{"uk", "Білл Гейтс виступив. Ворота стадіону зачинили опівночі.", "", ""},
		{"uk", "Дональд Трамп виступив. У цій грі в нього останній козир.", "", ""},
		{"uk", "Тейлор Свіфт співала в Лондоні. Квитки розійшлися швидко, а черга була швидка.", "", ""},
	}
	for _, tt := range tests {
		var flags []Hit
		for _, h := range m.Check(tt.text, tt.lang) {
			if h.Check == CheckFalseFriend {
				flags = append(flags, h)
			}
		}
		switch {
		case tt.flagged == "" && len(flags) > 0:
			t.Errorf("%s %q: flagged %q, want nothing", tt.lang, tt.text, flags[0].Text)
		case tt.flagged != "" && (len(flags) != 1 || flags[0].Text != tt.flagged || flags[0].Suggestion != tt.suggestion):
			t.Errorf("%s %q: flagged %+v, want %q → %q", tt.lang, tt.text, flags, tt.flagged, tt.suggestion)
		}
	}
}

func TestTranslatedForms(t *testing.T) {
	tests := []struct {
		word, lang             string
		nominatives, genitives []string
	}{
		{"повар", "ru", []string{"повар"}, []string{"повара"}},
		{"кухар", "uk", []string{"кухар"}, []string{"кухаря"}}, // the soft group: not кухара
		{"быстрый", "ru", []string{"быстрый", "быстрая"}, []string{"быстрого"}},
		{"Koch", "de", []string{"koch"}, nil},
		{"лес", "ru", nil, nil}, // under translatedMinRunes
	}
	for _, tt := range tests {
		nom, gen := translatedForms(tt.word, tt.lang)
		if !slices.Equal(nom, tt.nominatives) || !slices.Equal(gen, tt.genitives) {
			t.Errorf("translatedForms(%q, %s) = %q, %q; want %q, %q", tt.word, tt.lang, nom, gen, tt.nominatives, tt.genitives)
		}
	}
}

func TestFeminineAdjective(t *testing.T) {
	tests := []struct {
		word, lang string
		want       []string
	}{
		{"быстрый", "ru", []string{"быстрая"}},
		{"синий", "ru", []string{"синая", "синяя"}},
		{"молодой", "ru", []string{"молодая"}},
		{"швидкий", "uk", []string{"швидка"}},
		{"синій", "uk", []string{"синя"}},
		{"повар", "ru", nil},
		{"schnell", "de", nil},
	}
	for _, tt := range tests {
		if got := feminineAdjective(tt.word, tt.lang); !slices.Equal(got, tt.want) {
			t.Errorf("feminineAdjective(%q, %s) = %q, want %q", tt.word, tt.lang, got, tt.want)
		}
	}
}
