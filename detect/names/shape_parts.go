package names

import "strings"

// Name parts. Texts write a person's name in more shapes than the glossary
// lists: with a patronymic ("Gennady Nikolayevich Timchenko"), in the order
// of sanction lists and registers ("TIMCHENKO Gennady Nikolayevich"), with
// initials ("G. Timchenko"), family name first ("Timchenko Gennady").
// nameShape reduces a run's folded words to given name(s) then family name,
// the order the index and the entry views use, so that a right name in such
// a shape is a mention and a wrong one is compared like any other run. The
// family name is never dropped: a patronymic is recognised only in the
// middle, or last when the middle word is not one ("ABRAMOVICH Roman
// Arkadyevich" keeps Abramovich, a family name that looks like one).

// nameShape returns words (folded, particles removed) in given-family order
// without patronymics and initials. It may reuse words' storage.
func nameShape(words []string) []string {
	if len(words) < 2 {
		return words
	}
	out := words[:0]
	for _, w := range words {
		if len(w) > 1 {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words[:1] // only initials: keep the run as it was
	}
	k := len(out)
	switch {
	case k >= 3 && isPatronymic(out[1]):
		// Given Patronymic Family (a hyphenated family is two words here).
		return append(out[:1], out[2:]...)
	case k >= 3 && isPatronymic(out[k-1]) && !isPatronymic(out[k-2]):
		// FAMILY Given Patronymic, as in sanction lists and registers.
		return append([]string{out[k-2]}, out[:k-2]...)
	case k == 2 && isGivenName(out[1]) && !isGivenName(out[0]):
		return []string{out[1], out[0]} // Family Given
	}
	return out
}

// patronymicEnds are the endings of East Slavic patronymics in the
// romanizations a text may use: Russian -ovich/-evich/-ich and -ovna/-evna/
// -ichna, Ukrainian -ovych/-ivna, German -owitsch/-itsch, French -ovitch,
// ISO 9 -ovič (folded to -ovich).
var patronymicEnds = [...]string{
	"vich", "vych", "vitsch", "vitch",
	"ovna", "evna", "ivna", "owna", "ewna", "ichna", "ychna",
	"ich", "itsch", "itch", "ych",
}

// isPatronymic reports a folded word with a patronymic ending and a stem of
// at least three letters ("Ilyich", not "Rich"). German given and family
// names in -rich (Friedrich, Ulrich) are not patronymics; South Slavic
// family names in -vić fold to -vic and are left alone.
func isPatronymic(w string) bool {
	if strings.HasSuffix(w, "rich") {
		return false
	}
	for _, end := range patronymicEnds {
		if len(w) >= len(end)+3 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
