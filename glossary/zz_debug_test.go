package glossary

import "testing"

func TestDebugCandidates(t *testing.T) {
	f := NewFuzzy(benchEntries(1000000))
	runs := benchRuns(2000)
	tot, near, byPhon := 0, 0, 0
	for _, r := range runs {
		words := nameWords(foldName(r))
		c := f.candidates(words[len(words)-1], nil)
		tot += len(c)
		nf := newNearFamily(words[len(words)-1])
		for _, idx := range c {
			if nf.matches(f.familyWords(idx)) {
				near++
				fw := f.familyWords(idx)
				if damerau(nf.word, fw, nf.bound) > nf.bound {
					byPhon++
					if byPhon < 10 {
						t.Log(nf.word, fw)
					}
				}
			}
		}
	}
	t.Logf("cands/run %.1f near/run %.2f byPhon/run %.2f", float64(tot)/2000, float64(near)/2000, float64(byPhon)/2000)
}
