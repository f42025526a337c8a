package names

// Checks a glossary hit may carry; names are part of the `lector check` contract.
const (
	CheckVariant     = "glossary-variant"
	CheckFalseFriend = "false-friend"
	CheckFuzzy       = "name-fuzzy"
)

// Hit is one occurrence of a glossary name, or of something close to one, in
// a text. Start and End are byte offsets into that text. Check is empty for
// right forms (preferred or admitted), which are never flagged; otherwise it
// names the rule, Suggestion replaces Start..End, Entry is the entry's
// preferred form in the text's language, and Confidence is in [0, 1].
type Hit struct {
	Start      int
	End        int
	Text       string
	Status     Status
	Check      string
	Suggestion string
	Entry      string
	EntryKey   string
	EntryType  string
	Confidence float64

	// translated marks a false friend that translates an English family
	// name (derived_bilingual.go), which the context scoring weighs apart.
	translated bool
}
