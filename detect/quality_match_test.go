package detect

import (
	"strings"
	"testing"

	"lector/detect/finding"
)

// TestMatchesTruth pins how a finding is matched to a truth item: spans
// overlap, kinds are on the same side, and both give the same text.
func TestMatchesTruth(t *testing.T) {
	const text = "The biography written by Walter Isaxon, with Kim Jong -in in it."
	isaxon := truthItem{Finding: finding.Finding{Kind: finding.KindName, Start: 32, End: 38, Text: "Isaxon", Suggestion: "Isaacson"}}
	kimName := truthItem{Finding: finding.Finding{Kind: finding.KindName, Start: 45, End: 57, Text: "Kim Jong -in", Suggestion: "Kim Jong-un"}}
	kimHyphen := truthItem{Finding: finding.Finding{Kind: finding.KindTypography, Start: 53, End: 55, Text: " -", Suggestion: "-"}}
	tests := []struct {
		name    string
		finding finding.Finding
		item    truthItem
		want    bool
	}{
		{"same span and suggestion", finding.Finding{Kind: finding.KindName, Start: 32, End: 38, Suggestion: "Isaacson"}, isaxon, true},
		{"wider span, same corrected text", finding.Finding{Kind: finding.KindName, Start: 25, End: 38, Suggestion: "Walter Isaacson"}, isaxon, true},
		{"wider span, other corrected text", finding.Finding{Kind: finding.KindName, Start: 25, End: 38, Suggestion: "Isaacson"}, isaxon, false},
		{"wrong suggestion", finding.Finding{Kind: finding.KindName, Start: 32, End: 38, Suggestion: "Isaxson"}, isaxon, false},
		{"no overlap", finding.Finding{Kind: finding.KindName, Start: 25, End: 31, Suggestion: "Walter"}, isaxon, false},
		{"the hyphen fix is not the name fix", finding.Finding{Kind: finding.KindTypography, Start: 53, End: 55, Suggestion: "-"}, kimName, false},
		{"the hyphen fix", finding.Finding{Kind: finding.KindTypography, Start: 53, End: 55, Suggestion: "-"}, kimHyphen, true},
		{"a name finding never counts for typography", finding.Finding{Kind: finding.KindName, Start: 45, End: 57, Suggestion: "Kim Jong-un"}, kimHyphen, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := matchesTruth(text, tt.finding, tt.item); got != tt.want {
				t.Errorf("matchesTruth = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSeedTruthInventory checks the seed truth file against the list
// of wrong names, so that an edit cannot drop one unnoticed.
func TestSeedTruthInventory(t *testing.T) {
	truth, _ := loadTruth(t, "seed_truth.json")
	count := map[string]int{}
	for _, it := range truth.Items {
		if isNameKind(it.Kind) {
			count[strings.ToLower(it.Text)+" → "+it.Suggestion]++
		}
	}
	want := map[string]int{
		"mask → Musk": 17, "ilon musk → Elon Musk": 4, "si jinping → Xi Jinping": 1, "isaxon → Isaacson": 1,
		"mileya → Milei": 1, "zhaiir bolsonar → Jair Bolsonaro": 1, "taler carlson → Tucker Carlson": 1,
		"jan bremmer → Ian Bremmer": 1, "bammer → Bremmer": 1, "kim jong -in → Kim Jong-un": 1,
		"bashara assad → Bashar al-Assad": 1,
	}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s: %d items, want %d", k, count[k], n)
		}
	}
	if len(count) != len(want) {
		t.Errorf("name items %v, want exactly %v", count, want)
	}
}
