package names

import (
	"os"
	"testing"
)

func TestFalseFriendContext(t *testing.T) {
	m := NewMatcher(testEntries())
	tests := []struct {
		name, text string
		flagged    bool
	}{
		// A name reading, with no right form of Musk anywhere in the text.
		{"capitalised mid-sentence", "They discussed the contacts of Mask and Putin.", true},
		{"capitalised before a name", "Propagandists used the social network Mask X to reach voters.", true},
		{"speech verb", "Asked about the launch, the mask said it was a success.", true},
		{"adverb and speech verb", "Later the mask publicly stated that he would stay.", true},
		{"possessive", "The satellites are the mask's answer to the war.", true},
		{"proper noun after of", "He opposed the mask of Kiev in every debate.", true},
		{"proper noun before", "Contacts of the Kremlin mask are kept secret.", true},
		// The entry is mentioned: a determiner is enough.
		{"determiner with a mention", "Musk landed. Officials say the mask has admission to secret information.", true},
		{"bare noun with a nearby mention", "Musk landed. The Kremlin put pressure on a business mask and threatened him.", true},
		// Ordinary uses stay silent, mentioned or not.
		{"surgical mask", "Doctors said a surgical mask reduces infection.", false},
		{"wore a mask", "The nurse wore a mask all day.", false},
		{"wore a mask near Musk", "Musk arrived while the nurse wore a mask all day.", false},
		{"face mask near Musk", "Musk spoke; a face mask lay on the table.", false},
		{"gas mask", "Soldiers carried a gas mask each.", false},
		{"mask mandates", "The governor lifted mask mandates in May.", false},
		{"verb", "Spices help to mask the taste.", false},
		{"sentence start", "Mask wearing is down. Mask production fell.", false},
		{"quoted sentence start", "He shouted: \"Mask on!\" and left.", false},
		{"determiner without a mention", "She took the mask from the shelf.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var flags []Hit
			for _, h := range m.Check(tt.text, "en") {
				if h.Check == CheckFalseFriend {
					flags = append(flags, h)
				}
			}
			if tt.flagged != (len(flags) == 1) || len(flags) > 1 {
				var scores []float64
				for _, h := range m.Find(tt.text, "en") {
					scores = append(scores, h.Confidence)
				}
				t.Fatalf("Check(%q) flagged %+v (confidences of Find: %v), want flagged=%v", tt.text, flags, scores, tt.flagged)
			}
			if tt.flagged && (flags[0].Suggestion != "Musk" || flags[0].Entry != "Elon Musk") {
				t.Errorf("suggestion %q entry %q, want Musk and Elon Musk", flags[0].Suggestion, flags[0].Entry)
			}
		})
	}
}

// TestSeedArticle checks every flag of the seed article against the seed
// glossary, by offset, and that the admitted "Musk" is never flagged.
func TestSeedArticle(t *testing.T) {
	entries := readGlossaryCSV(t, "testdata/seed_glossary.csv")
	raw, err := os.ReadFile("../../seeds/000_02e3862b8b13521d.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
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
