package names

import "strings"

// keyConvention is the romanization convention a folded word appears to be
// written in, as far as its phonetic key needs to know. The same letters
// stand for different sounds in each: j is дж or ж in English and French
// spellings but й in German and scholarly ones (Jelzin, Jacenjuk); z is ц in
// German (Nemzow) and з elsewhere; ch is ч in English, х in German and in
// library schemes (Chodorkowski, Chodorkovskij), ш in French (Michoustine).
// A word shows its convention by letter groups the others never write.
type keyConvention uint8

const (
	convEnglish   keyConvention = iota // BGN/PCGN, passports, English press
	convScholarly                      // j is й, ch is х (DIN 1460, ISO/R 9, GOST)
	convGerman                         // scholarly, and z is ц (Duden)
	convFrench                         // ch is ш, j is ж (French press)
)

// detectConvention classifies a folded word by its telltale letter groups.
func detectConvention(w string) keyConvention {
	switch {
	case strings.Contains(w, "w") || strings.Contains(w, "sch") || strings.Contains(w, "tz") ||
		len(w) > 1 && w[0] == 'j' && isKeyVowel(w[1]) && consonantBefore(w, 'z', "dtszcj"):
		// Wolodin, Breschnew, Trotzki; Jelzin (a consonant before z is
		// also English, as in Murza, but not with a German initial j).
		return convGerman
	case strings.Contains(w, "ou") || strings.HasSuffix(w, "ine") || strings.HasSuffix(w, "yne"):
		return convFrench // Michoustine, Zaloujny, Prigojine, Soljenitsyne
	case consonantBefore(w, 'j', "d") || strings.HasSuffix(w, "ij") || strings.HasSuffix(w, "yj"):
		return convScholarly // Zjuganov, Jacenjuk, Chodorkovskij
	}
	return convEnglish
}

// consonantBefore reports whether c follows a consonant other than those in
// except somewhere in w ("lz" in jelzin; not the "dz" of Dzhokhar nor "tsz").
func consonantBefore(w string, c byte, except string) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == c && !isKeyVowel(w[i-1]) && strings.IndexByte(except, w[i-1]) < 0 {
			if c == 'z' && i+1 < len(w) && w[i+1] == 'h' {
				continue // zh is ж
			}
			return true
		}
	}
	return false
}

func isKeyVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
