//go:build race

package lexicon

// raceEnabled: the race detector slows the table builds tenfold and makes
// heap figures meaningless, so TestResidentSize skips.
const raceEnabled = true
