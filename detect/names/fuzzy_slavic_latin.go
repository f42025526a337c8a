package names

import (
	"strings"
	"unicode"
)

// Serbo-Croatian, Czech and ISO 9 write Latin with a háček or an acute
// (š, č, ž, ć, đ) and with c for the sound ts: Шольц is Šolc there, Цветкович
// Cvetković. An English or German text that keeps such a spelling (MT from
// Serbian does) names the person through those letters; the romanization
// Lector compares in reads c as k, so the run is read again with c as ts.

// slavicLetters mark a word as written in that Latin.
const slavicLetters = "šŠčČžŽćĆđĐ"

// slavicLatinReading matches run read with c as ts when a word of it is
// written in Slavic Latin, and returns the hit (its suggestion is made from
// the run as written).
func (f *Fuzzy) slavicLatinReading(run, lang string, lower bool, minConf float64) (runResult, bool) {
	if lower || !strings.ContainsAny(run, slavicLetters) || !strings.ContainsAny(run, "cC") {
		return runResult{}, false
	}
	var b strings.Builder
	for _, w := range strings.Fields(run) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if !strings.ContainsAny(w, slavicLetters) {
			b.WriteString(w)
			continue
		}
		for _, r := range w {
			switch r {
			case 'c':
				b.WriteString("ts")
			case 'C':
				b.WriteString("Ts")
			default:
				b.WriteRune(r)
			}
		}
	}
	reading := b.String()
	if reading == run || !unicode.IsUpper([]rune(reading)[0]) {
		return runResult{}, false
	}
	r := f.matchRunAs(reading, lang, false, minConf, false, false)
	if r.verdict != verdictHit {
		return runResult{}, false
	}
	return r, true
}

// Serbo-Croatian declines a surname in -ski as an adjective, and its
// genitive and accusative end in -og where Russian's end in -ого:
// "Zelenskog" is Зеленского, "Volodimira Zelenskog" Volodymyr Zelensky's
// genitive as MT from Serbian leaves it. The romanized Russian case forms
// the index compares with end in -ogo, so a word in -skog or -ckog (-škog,
// -čkog) is read again with that ending.

// serbianAdjectivalReading matches run with each word in -kog read as
// -kogo, and returns the hit.
func (f *Fuzzy) serbianAdjectivalReading(run, lang string, lower bool, minConf float64) (runResult, bool) {
	if lower || IsCyrillic(run) || !strings.Contains(run, "kog") {
		return runResult{}, false
	}
	words := strings.Fields(run)
	changed := false
	for i, w := range words {
		if len([]rune(w)) >= 6 && strings.HasSuffix(w, "kog") {
			words[i] = w + "o"
			changed = true
		}
	}
	if !changed {
		return runResult{}, false
	}
	r := f.matchRunAs(strings.Join(words, " "), lang, false, minConf, false, false)
	if r.verdict != verdictHit {
		return runResult{}, false
	}
	return r, true
}
