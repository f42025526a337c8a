package names

import "strings"

// A name in a headline set in capitals is right in capitals: the fuzzy
// checks build their suggestions from the glossary's forms, so a wrong
// name in a capitals headline ("БЕЙРУ УХОДИТ") takes the capitals of its
// text, as the exact matcher's suggestions do (matcher_scan.go).

// inCapitalsLike writes in capitals the suggestion of every hit whose text
// is all capitals.
func inCapitalsLike(hits []Hit) {
	for i := range hits {
		if h := &hits[i]; h.Suggestion != "" && isAllCaps(h.Text) && !isAllCaps(h.Suggestion) {
			h.Suggestion = strings.ToUpper(h.Suggestion)
		}
	}
}
