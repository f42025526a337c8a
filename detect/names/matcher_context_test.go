package names

import (
	"strings"
	"testing"

	"lector/detect/internal/enginetest"
)

func TestFalseFriendContext(t *testing.T) {
	m := NewMatcher(testEntries())
	tests := []struct {
		name, text string
		flagged    bool
	}{
		// A name reading, with no right form of Musk anywhere in the text.
		{"capitalised and coordinated", "They discussed the contacts of Mask and Putin.", true},
		{"capitalised mid-sentence", "Propagandists used the social network Mask X to reach voters.", true},
		{"speech verb beats the article", "Asked about the launch, the mask said it was a success.", true},
		{"adverb and speech verb", "Later the mask publicly stated that he would stay.", true},
		{"relational noun", "The biography of the mask was written by Walter Isaacson.", true},
		{"object verb", "Ukraine tried to persuade the mask to activate the service.", true},
		{"attribution with an article", "According to the mask, the launch was a success.", true},
		// Ordinary uses stay silent, mentioned or not: the six of the audit.
		{"put on a mask", "Elon Musk visited the plant. Every worker had to put on a mask.", false},
		{"removed his mask", "Musk arrived. The surgeon removed his mask and sat down.", false},
		{"wore a mask near Musk", "Musk arrived while the nurse wore a mask all day.", false},
		{"face mask near Musk", "Musk spoke; a face mask lay on the table.", false},
		{"the mask fell", "Musk laughed when the mask fell off the actor's face.", false},
		{"mask mandates", "Musk criticised the governor, who lifted mask mandates in May.", false},
		{"surgical mask", "Doctors said a surgical mask reduces infection.", false},
		{"verb", "Spices help to mask the taste.", false},
		{"sentence start", "Mask wearing is down. Mask production fell.", false},
		{"quoted sentence start", "He shouted: \"Mask on!\" and left.", false},
		{"determiner without a mention", "She took the mask from the shelf.", false},
		// A mention of the person is a small bonus, never enough alone.
		{"mention and an article", "Musk landed. The mask lay on the table.", false},
		// A possessive is a name when a person's noun follows it.
		{"possessive and a person's noun", "The satellites are the mask's answer to the war.", true},
		{"possessive and a thing", "The nurse adjusted the mask's straps.", false},
		// Changed with the rebuild (issue 16): the old scorer flagged these
		// from a seed-shaped rule. "The mask of Kiev" is built like "the
		// mask of Tutankhamun"; "a business mask" is built like "a gas
		// mask". In the seed article, where the text uses "mask" for Musk a
		// dozen times, the same phrases are flagged (TestSeedArticle):
		// featConsistent.
		{"proper noun after of", "He opposed the mask of Kiev in every debate.", false},
		{"noun before it, with a mention", "Musk landed. The Kremlin put pressure on a business mask and threatened him.", false},
		{"the same, where the text names him so elsewhere", "Musk landed. Contacts of Mask and Putin are secret. The Kremlin asked the mask to help, and the mask said no. Officials say the mask refused. The Kremlin put pressure on a business mask and threatened him.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var flags []Hit
			for _, h := range m.Check(tt.text, "en") {
				if h.Check == CheckFalseFriend {
					flags = append(flags, h)
				}
			}
			// Several false friends: the last one is the case.
			flagged := false
			for _, h := range m.Find(tt.text, "en") {
				if h.Check == CheckFalseFriend {
					flagged = h.Confidence >= FalseFriendThreshold
				}
			}
			if flagged != tt.flagged {
				var scores []float64
				for _, h := range m.Find(tt.text, "en") {
					scores = append(scores, h.Confidence)
				}
				t.Fatalf("Check(%q) flagged %+v (confidences of Find: %v), want the last flagged=%v", tt.text, flags, scores, tt.flagged)
			}
			if tt.flagged && (flags[len(flags)-1].Suggestion != "Musk" || flags[len(flags)-1].Entry != "Elon Musk") {
				t.Errorf("suggestion %q entry %q, want Musk and Elon Musk", flags[0].Suggestion, flags[0].Entry)
			}
		})
	}
}

// TestFalseFriendContextLanguages: the same cues in each language, through
// scoreFalseFriendsLang and through the guessing scoreFalseFriends, with the
// glossary of testdata/context. The false friend is marked [[...]].
func TestFalseFriendContextLanguages(t *testing.T) {
	m := NewMatcher(readGlossaryCSV(t, "testdata/context/glossary.csv"))
	tests := []struct {
		lang, text string
		flagged    bool
	}{
		{"en", "Russian arms dealer Viktor [[But]] was exchanged for Brittney Griner.", true},
		{"en", "Viktor Bout was released in December, [[but]] the details remain unclear.", false},
		{"en", "Viktor But said he had no regrets. The exchange was welcomed in Moscow, [[but]] the jury was not.", false},
		{"en", "Prime Minister Theresa [[may]] said that Brexit means Brexit.", true},
		{"en", "Theresa May warned that Britain [[may]] leave without a deal.", false},
		{"de", "Der frühere US-Präsident George W. [[Busch]] sagte, der Krieg sei notwendig gewesen.", true},
		{"de", "Ein dichter [[Busch]] verdeckte die Sicht auf die Straße.", false},
		{"de", "Die Blätter werden im Herbst [[braun]].", false},
		{"de", "Laut [[Reis]] sind die Gespräche gescheitert.", true},
		{"de", "Am 9. [[Mai]] feiert Russland den Tag des Sieges.", false},
		{"ru", "Генерал [[лебедь]] заявил, что войну надо остановить.", true},
		{"ru", "Белый [[лебедь]] плыл по озеру.", false},
		{"ru", "Мальчик упал на [[пол]] и заплакал.", false},
		{"ru", "По словам госсекретаря [[рис]], переговоры зашли в тупик.", true},
		{"uk", "Посол України в Німеччині Андрій [[мельник]] заявив, що Берлін має діяти.", true},
		{"uk", "Старий [[мельник]] щоранку відкривав млин.", false},
		{"uk", "Ющенко і [[мороз]] підписали меморандум.", true},
		{"uk", "Уночі очікується сильний [[мороз]].", false},
	}
	for _, tt := range tests {
		open, close := strings.Index(tt.text, "[["), strings.Index(tt.text, "]]")
		text := tt.text[:open] + tt.text[open+2:close] + tt.text[close+2:]
		for _, lang := range []string{tt.lang, ""} {
			hits := m.Find(text, tt.lang)
			m.scoreFalseFriendsLang(text, lang, hits)
			found := false
			for _, h := range hits {
				if h.Start == open && h.Check == CheckFalseFriend {
					found = true
					if got := h.Confidence >= FalseFriendThreshold; got != tt.flagged {
						t.Errorf("lang %q: %q scored %.2f, want flagged=%v", lang, text, h.Confidence, tt.flagged)
					}
				}
			}
			if !found {
				t.Errorf("%q: no false friend at %d: %+v", text, open, hits)
			}
		}
	}
}

// TestFalseFriendModelShape checks what the brief of the rebuild asks of
// the fitted weights, whatever the data: the other mentions of the person
// are a bonus that never flags a word alone, and a verb of saying outweighs
// an article ("the mask said").
func TestFalseFriendModelShape(t *testing.T) {
	model := fittedModel()
	score := func(features ...ffFeature) float64 {
		var v ffVector
		for _, f := range features {
			v[f] = 1
		}
		return model.confidence(&v)
	}
	if p := score(featMentioned); p >= FalseFriendThreshold {
		t.Errorf("a mention alone scores %.2f, at or over the threshold %.2f", p, FalseFriendThreshold)
	}
	if p := score(); p >= FalseFriendThreshold {
		t.Errorf("no cue at all scores %.2f", p)
	}
	if p := score(featPersonVerb, featDeterminer); p < FalseFriendThreshold {
		t.Errorf("\"the mask said\" scores %.2f, under the threshold", p)
	}
	for _, against := range []ffFeature{featIndefinite, featAdjective, featPlural} {
		if p := score(featMentioned, against); p >= FalseFriendThreshold {
			t.Errorf("%s with a mention scores %.2f", featureNames()[against], p)
		}
	}
}

// TestSeedArticle checks every flag of the seed article against the seed
// glossary, by offset, and that the admitted "Musk" is never flagged.
func TestSeedArticle(t *testing.T) {
	entries := readGlossaryCSV(t, "testdata/seed_glossary.csv")
	text := enginetest.ReadText(t, seedArticle)
	type flag struct {
		start      int
		text       string
		check      string
		suggestion string
	}
	variant := func(start int, text, suggestion string) flag {
		return flag{start, text, CheckVariant, suggestion}
	}
	mask := func(start int, text string) flag { return flag{start, text, CheckFalseFriend, "Musk"} }
	want := []flag{
		variant(104, "Ilon Musk", "Elon Musk"), variant(346, "Ilon Musk", "Elon Musk"),
		variant(837, "Si Jinping", "Xi Jinping"),
		mask(1136, "mask"), mask(1884, "mask"), mask(1972, "mask"), mask(3370, "Mask"),
		mask(3494, "mask"), mask(3587, "mask"), mask(3824, "mask"), mask(3927, "mask"),
		variant(3950, "Isaxon", "Isaacson"), variant(4380, "Mileya", "Milei"),
		variant(4459, "Zhaiir Bolsonar", "Jair Bolsonaro"),
		mask(5813, "Mask"), variant(5995, "Ilon Musk", "Elon Musk"),
		mask(6470, "mask"), mask(6743, "mask"), mask(7502, "mask"), mask(9119, "mask"),
		mask(9248, "mask"), mask(10120, "mask"), variant(10158, "Ilon Musk", "Elon Musk"),
		mask(10435, "mask"), mask(11558, "mask"),
	}
	m := NewMatcher(entries)
	hits := m.Check(text, "en")
	if len(hits) != len(want) {
		t.Errorf("Check gave %d flags, want %d", len(hits), len(want))
	}
	for i := range min(len(hits), len(want)) {
		h, w := hits[i], want[i]
		got := flag{h.Start, h.Text, h.Check, h.Suggestion}
		if got != w || h.End != h.Start+len(w.text) {
			t.Errorf("flag %d = %+v, want %+v", i, got, w)
		}
		if h.Confidence < FalseFriendThreshold || h.Confidence > 0.99 {
			t.Errorf("flag %d %q confidence %v", i, h.Text, h.Confidence)
		}
	}
	admitted := 0
	for _, h := range m.Find(text, "en") {
		if h.Text == "Musk" {
			admitted++
			if h.Check != "" || h.Status != Admitted {
				t.Errorf("Musk at %d is flagged: %+v", h.Start, h)
			}
		}
	}
	if admitted != 24 {
		t.Errorf("found Musk %d times, the article has it 24 times besides the 4 in Ilon Musk", admitted)
	}
}
