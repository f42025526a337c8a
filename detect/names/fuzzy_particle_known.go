package names

import "strings"

// The exact matcher reads a name's particles in any case, so "Alexander van
// der Bellen" is found as the right form Alexander Van der Bellen and never
// reaches the comparison that judges a particle's case (particleCaseSlip).
// A right form the matcher found, with a particle in another case than
// every right form of its entry in lang writes it, is a wrong form.

// knownParticleSlips returns a hit for each right form of known (the exact
// matcher's) whose particles are in the wrong case.
func (f *Fuzzy) knownParticleSlips(text, lang string, known []Hit) []Hit {
	var hits []Hit
	for _, k := range known {
		if k.Check != "" || !hasParticleWord(k.Text) {
			continue
		}
		var entries []int32
		for _, el := range f.entriesWithKey(k.EntryKey) {
			if idx := int32(el & entryMask); f.entry(idx).Key() == k.EntryKey {
				entries = append(entries, idx)
			}
		}
		respelled, ok := f.particleCaseSlip(text, lang, k.Start, k.End, entries)
		if !ok {
			continue
		}
		h := k
		h.Status, h.Check, h.Suggestion, h.Confidence = Deprecated, CheckFuzzy, respelled, confSpelling
		hits = append(hits, h)
	}
	return hits
}

// hasParticleWord reports a word of s, after its first, that is a particle;
// most right forms have none, and are ruled out without allocating.
func hasParticleWord(s string) bool {
	i := strings.IndexByte(s, ' ')
	for i >= 0 {
		s = s[i+1:]
		j := strings.IndexByte(s, ' ')
		w := s
		if j >= 0 {
			w = s[:j]
		}
		if w != "" && isParticleWord(w) {
			return true
		}
		i = j
	}
	return false
}
