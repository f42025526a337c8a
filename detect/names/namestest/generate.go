// Package namestest generates deterministic glossaries' names and news-like
// texts for the tests and benchmarks of the engine and of the glossary. It
// makes strings only, so that package names's own tests can import it.
package namestest

import (
	"math/rand/v2"
	"strings"
)

// The data: capitalised names of two or three words built from syllables,
// and news-like text that mixes ordinary English words with some of those
// names (about one word in 200).

func nameSyllables() []string {
	return strings.Fields(`ka lo mir ven dra sel tor ba ni qu ros el an 
	vi ta mar zen ol fe du gor ish ya lev ri pa sto nek chi ul bor ha it ser ym 
	jo ren kas tal ov`)
}

func newsWords() []string {
	return strings.Fields(`the of and to a in that is was he for it with as 
	his on be at by i this had not are but from or have an they which one you were 
	her all she there would their we him been has when who will more no if out so 
	said what up its about into than them can only other new some could time these 
	two may then do first any my now such like our over man me even most made after 
	also did many before must through back years where much your way well down 
	should because each just those people how too little state good very make world 
	still own see men work long get here between both life being under never day 
	same another know while last might us great old year off come since against go 
	came right used take three government president minister officials election 
	campaign security ministry company billion million report week month spokesman 
	according statement agreement conflict war troops support administration 
	country countries military business talks sanctions leader national policy`)
}

// Names returns n distinct names.
func Names(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	syllables := nameSyllables()
	seen := make(map[string]bool, n)
	names := make([]string, 0, n)
	var b strings.Builder
	for len(names) < n {
		b.Reset()
		words := 2 + rng.IntN(2)
		for w := range words {
			if w > 0 {
				b.WriteByte(' ')
			}
			for s := range 2 + rng.IntN(2) {
				syl := syllables[rng.IntN(len(syllables))]
				if s == 0 {
					syl = strings.ToUpper(syl[:1]) + syl[1:]
				}
				b.WriteString(syl)
			}
		}
		if name := b.String(); !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names
}

// Text returns about size bytes of sentences of ordinary words with
// a glossary name about every 200 words.
func Text(names []string, size int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, seed^0x7e47))
	words := newsWords()
	var b strings.Builder
	b.Grow(size + 200)
	sentenceStart := true
	for b.Len() < size {
		var word string
		if rng.IntN(200) == 0 {
			word = names[rng.IntN(len(names))]
			if rng.IntN(4) == 0 {
				word += "'s"
			}
		} else {
			word = words[rng.IntN(len(words))]
			if sentenceStart {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
		}
		b.WriteString(word)
		sentenceStart = false
		switch r := rng.IntN(100); {
		case r < 6:
			b.WriteString(". ")
			sentenceStart = true
		case r < 10:
			b.WriteString(", ")
		case r == 10:
			b.WriteString(".\n\n")
			sentenceStart = true
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
