package names

import "strings"

// splitPatronymicRun puts the patronymic hit p into the hit of the run
// "Given Patronymic Family" whose family name is wrong too. The run's hit
// keeps the text's patronymic (misspelled reads past it), so with the
// given name right it becomes two findings, the patronymic and the family
// name, each with its own suggestion; with the given name wrong as well it
// stays one finding, whose suggestion carries p's patronymic. Without the
// run's hit the family name is no finding of the check, and p is dropped:
// a wrong given and family name alone are no evidence of the person.
func splitPatronymicRun(hits []Hit, p Hit, words [3][2]int) []Hit {
	for i := range hits {
		h := &hits[i]
		if h.Start != words[0][0] || h.End != words[2][1] {
			continue
		}
		sugg := strings.Fields(h.Suggestion)
		text := strings.Fields(h.Text)
		if len(sugg) != 3 || len(text) != 3 || !strings.EqualFold(sugg[1], p.Text) {
			return hits
		}
		if sugg[0] != text[0] {
			h.Suggestion = sugg[0] + " " + p.Suggestion + " " + sugg[2]
			return hits
		}
		h.Text, h.Suggestion = h.Text[words[2][0]-h.Start:], sugg[2]
		h.Start = words[2][0]
		return mergeHits(hits, []Hit{p})
	}
	return hits
}
