package names

import "strings"

// Polish writes rz after p, t and k where Russian and Ukrainian hear and
// write ш (Trzaskowski is Тшасковский, Przybylski Пшибыльский, Krzysztof
// Кшиштоф), and a name transliterated back from Russian by German
// convention writes sch there: "Tschaskowski", "Pschybylski". No edit
// distance takes "tsch" back to "trz", so such a run is read again with
// the Polish letters.

// polishRz are the German renderings of ш after p, t, k and the Polish
// spelling they stand for.
var polishRz = strings.NewReplacer("Tsch", "Trz", "tsch", "trz", "Psch", "Prz", "psch", "prz", "Ksch", "Krz", "ksch", "krz")

// polishRzReading matches run read with Polish rz for German sch after p,
// t or k, and returns the hit.
func (f *Fuzzy) polishRzReading(run, lang string, lower bool, minConf float64) (runResult, bool) {
	if lower || IsCyrillic(run) || !strings.Contains(run, "sch") {
		return runResult{}, false
	}
	reading := polishRz.Replace(run)
	if reading == run {
		return runResult{}, false
	}
	r := f.matchRunAs(reading, lang, false, minConf, false, false)
	switch {
	case r.verdict == verdictRight && len(r.entries) > 0 && confSpelling >= minConf:
		return runResult{verdict: verdictHit, entries: r.entries, conf: confSpelling, words: r.words}, true
	case r.verdict == verdictHit:
		return r, true
	}
	return runResult{}, false
}
