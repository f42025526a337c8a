package names

import "testing"

// TestBelarusianNearMiss holds that a Belarusian run is read the Russian
// way before it is compared: a word with both і and э is Belarusian, the
// run rewritten may be a near miss of a name rather than a right form,
// a particle written the Belarusian way goes with the given name it
// follows, and a lone loanword is read back by Belarusian spelling rules.
// The people and places are outside the quality corpora.
func TestBelarusianNearMiss(t *testing.T) {
	entries := []Entry{
		person("vettel", "ru", "Себастьян Феттель", "uk", "Себастьян Феттель"),
		person("hossa", "ru", "Мариан Хосса", "uk", "Маріан Госса"),
		person("breggen", "ru", "Анна ван дер Брегген", "uk", "Анна ван дер Бреґґен"),
		person("lindgren", "ru", "Астрид Линдгрен", "uk", "Астрід Ліндгрен"),
		person("mueller", "ru", "Томас Мюллер", "uk", "Томас Мюллер"),
		{Key: "grunwald", Type: "place", Terms: []Term{{Lang: "ru", Form: "Грюнвальд", Status: Preferred}}},
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		// Rewritten, each is one edit from the name.
		{"Гонщик Себасцьян Фетэль выиграл.", "ru", "Себасцьян Фетэль", "Себастьян Феттель"},
		{"Хоккеист Марыян Хоса забил.", "ru", "Марыян Хоса", "Мариан Хосса"},
		{"Гонщик Себастьян Феттель выиграл.", "ru", "", ""},
		// і and э together: Belarusian (Ukrainian has no э).
		{"Книги Астрід Ліндгрэн читают.", "ru", "Астрід Ліндгрэн", "Астрид Линдгрен"},
		{"Книги Астрид Линдгрен читают.", "ru", "", ""},
		// The given name's Belarusian ending names the case of the whole.
		{"Гонка с Аннай ван дэр Брегген прошла.", "ru", "Аннай ван дэр Брегген", "Анной ван дер Брегген"},
		{"Гонка с Анной ван дэр Брегген прошла.", "ru", "ван дэр", "ван дер"},
		{"Гонка с Анной ван дер Брегген прошла.", "ru", "", ""},
		// A lone loanword read back by Belarusian spelling rules: a
		// consonant written single, р always hard.
		{"Встреча с Мюлерам прошла.", "ru", "Мюлерам", "Мюллером"},
		{"Битва под Грунвальдам была.", "ru", "Грунвальдам", "Грюнвальдом"},
		{"Битва под Грюнвальдом была.", "ru", "", ""},
		// Ukrainian text is not read the Belarusian way.
		{"Книги Астрід Ліндгрен читають.", "uk", "", ""},
	})
}
