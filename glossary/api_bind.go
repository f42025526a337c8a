package glossary

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"lector/apperr"
)

// apiMaxEntryBody bounds the JSON body of one entry; an entry has at most a
// few hundred terms.
const apiMaxEntryBody = 1 << 20

// apiEntryForm is the body of POST and PUT /api/v1/glossary/entries. Key is
// ignored by PUT: an entry's key never changes (imports find entries by it).
// Revision, when given to PUT, is the revision the edit was made on; a
// stale one is refused (409).
type apiEntryForm struct {
	Key      string        `json:"key"`
	Type     string        `json:"type"`
	Note     string        `json:"note"`
	Revision int           `json:"revision"`
	Terms    []apiTermForm `json:"terms"`
}

type apiTermForm struct {
	Lang          string `json:"lang"`
	Form          string `json:"form"`
	Status        Status `json:"status"`
	CaseSensitive *bool  `json:"case_sensitive"`
	Note          string `json:"note"`
	Source        string `json:"source"`
}

// apiInvalid is a 400 naming the field at fault.
func apiInvalid(field, problem string) error {
	return apperr.New(apperr.Invalid, "error.glossary_field", map[string]any{"Field": field, "Problem": problem})
}

// entry checks the form field by field, as ParseCSV checks a row, and
// returns the entry it describes; the rules across terms (one preferred
// form per language, no repeated form) are the import's (apiCheck).
func (f apiEntryForm) entry() (Entry, error) {
	e := Entry{Key: strings.TrimSpace(f.Key), Type: strings.TrimSpace(f.Type), Note: f.Note, Revision: f.Revision}
	switch e.Type {
	case "person", "place", "organization", "term":
	default:
		return e, apiInvalid("type", fmt.Sprintf("type %q is not one of person, place, organization, term", f.Type))
	}
	if f.Revision < 0 {
		return e, apiInvalid("revision", fmt.Sprintf("revision %d is below 0", f.Revision))
	}
	if len(f.Terms) == 0 {
		return e, apiInvalid("terms", "the entry has no terms")
	}
	for i, tf := range f.Terms {
		field := func(name string) string { return fmt.Sprintf("terms[%d].%s", i, name) }
		tag, err := language.Parse(strings.TrimSpace(tf.Lang))
		if err != nil {
			return e, apiInvalid(field("lang"), fmt.Sprintf("lang %q is not a valid BCP 47 language tag", tf.Lang))
		}
		t := Term{Lang: tag.String(), Form: strings.TrimSpace(tf.Form), Status: tf.Status, Note: tf.Note, Source: tf.Source}
		if t.Form == "" {
			return e, apiInvalid(field("form"), "the term is empty")
		}
		if !t.Status.Valid() {
			return e, apiInvalid(field("status"), fmt.Sprintf("status %q is not one of preferred, admitted, deprecated, false-friend", tf.Status))
		}
		// The CSV's default: names are case-sensitive, common words and
		// false friends not.
		t.CaseSensitive = e.Type != "term" && t.Status != FalseFriend
		if tf.CaseSensitive != nil {
			t.CaseSensitive = *tf.CaseSensitive
		}
		e.Terms = append(e.Terms, t)
	}
	return e, nil
}
