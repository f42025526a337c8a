package names

import "testing"

// Names with a particle in the middle. A whole name of four words with its
// accents lost is a wrong form of the whole name: the particle does not cut
// it in two. A particle with a capital in mid-sentence is a wrong form for
// its case alone, in the whole name and in a run that is a hit only through
// the words before the particle ("Lucas Da Silva", Lucas two letters from
// the given name Luis): the particle counts as a particle, capital or not.
func TestParticleInsideLongNames(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("costa-lima", "en", "João Paulo da Costa Lima", "pt", "João Paulo da Costa Lima"),
		person("silva", "en", "Luis Lucas da Silva", "pt", "Luis Lucas da Silva"),
	})
	checkCases(t, f, "en", []checkCase{
		{"He met Joao Paulo da Costa Lima there.", []string{"Joao Paulo da Costa Lima→João Paulo da Costa Lima"}},
		{"He met João Paulo Da Costa Lima there.", []string{"João Paulo Da Costa Lima→João Paulo da Costa Lima"}},
		{"He met Lucas Da Silva there.", []string{"Lucas Da Silva→Lucas da Silva"}},
		// Right forms: the whole name, the end of it with the particle as
		// the glossary writes it, and capitalised where a sentence starts.
		{"He met João Paulo da Costa Lima there.", nil},
		{"He met Lucas da Silva there.", nil},
		{"Lucas da Silva said so.", nil},
	})
}
