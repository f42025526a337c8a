package names

import "testing"

// TestGermanCompoundNounAfterArticle: a closed compound the lexicon does not
// list (Lauten + Bach) after a definite article is a noun, however near a
// person's family name; a near name that splits into no German words keeps
// its article and its flag. The person is outside the quality corpora.
func TestGermanCompoundNounAfterArticle(t *testing.T) {
	f := NewFuzzy([]Entry{person("lauterbach", "de", "Karl Lauterbach", "en", "Karl Lauterbach")})
	checkCases(t, f, "de", []checkCase{
		{"Karl Lauterbach sprach. Das Wasser kam aus dem Lautenbach.", nil},
		{"Karl Lauterbach sprach. Der Lautabach sagte nein.", []string{"Der Lautabach→Lauterbach"}},
	})
	checkCases(t, f, "en", []checkCase{
		{"Karl Lauterbach spoke. The Lautenbach said no.", []string{"Lautenbach→Lauterbach"}},
	})
}
