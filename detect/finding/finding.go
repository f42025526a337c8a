// Package finding holds the Finding every check of the detection engine
// returns: a problem in a text, with byte offsets, a suggestion and a
// confidence. It is a leaf package so that the checks and the engine that
// runs them can share it without importing each other.
package finding

// Kinds of finding, as in the `lector check` contract.
const (
	KindName         = "name"
	KindTerm         = "term"
	KindTypography   = "typography"
	KindSegmentation = "segmentation"
)

// Kinds lists the kinds of finding, in the order pages show them.
func Kinds() []string { return []string{KindName, KindTerm, KindTypography, KindSegmentation} }

// Finding is one problem a check found in a text: what and where (byte
// offsets into the whole text), the replacement for Start..End when there is
// one, the preferred form of the glossary entry involved, and how sure the
// check is. A Finding becomes a flag row when an article is stored.
type Finding struct {
	Kind       string  `json:"kind"`
	Check      string  `json:"check"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Suggestion string  `json:"suggestion"`
	Entry      string  `json:"entry"`
	EntryKey   string  `json:"-"`
	Confidence float64 `json:"confidence"`
	// Source is, for a name outside the glossary
	// (inconsistent-rendering), the source's form of it that Suggestion
	// romanizes: what a new glossary entry would hold; for a source
	// sentence the translation left out (source-sentence-missing), that
	// sentence.
	Source string `json:"-"`
}
