package names

import (
	"slices"
	"strings"

	"lector/detect/lexicon"
)

// Two case forms of a place that Ukrainian never writes where MT from
// Russian leaves them. The run-by-run check takes both for right: the
// engine's case forms hold them, and the word list holds the first as a
// proper word.
//
// The dative after у, в, на. These prepositions take a place in the
// locative ("у Києві") or the accusative ("у Київ"), and MT writes the
// dative for a town ("у Києву", "у Харкову" for "в Киеве"). A town is told
// by its genitive in -а, -я, which the word list holds (Києва, Парижа), so
// "у Києву" is not the possessive у with a genitive either, as "у Китаю є
// союзники" is. Other places are left alone: a velar stem's locative ends
// in -у ("в Іраку"), so does that of a few more, whose genitive ends in -у
// as well ("у Криму", "на Дону"), and a feminine place's ("у Сибіру").
//
// The other genitive. A masculine place takes its genitive in -а, -я or in
// -у, -ю by the word, not by its ending (Парижа, Шанхая but Китаю,
// Уругваю, Непалу), and Russian, which writes -а, -я for nearly all,
// leaves its form behind ("міністр закордонних справ Китая"). The word
// list decides: a genitive it does not hold, of a place whose nominative
// and other genitive it holds, is the wrong one, and the other is the
// suggestion. A place the list does not know is left alone.

// placeCaseSlips returns a hit for each such case form of a place of the
// glossary in a Ukrainian text.
func (f *Fuzzy) placeCaseSlips(text, lang string, toks []fzToken) []Hit {
	if lang != "uk" {
		return nil
	}
	words := lexicon.For("uk")
	var hits []Hit
	for j, t := range toks {
		if !t.capital || t.known >= 0 {
			continue
		}
		w := text[t.start:t.end]
		var h Hit
		var ok bool
		switch {
		case hasSuffixFold(w, "у"), hasSuffixFold(w, "ю"):
			if j > 0 && t.joinPrev && afterLocativePreposition(text, toks[j-1]) {
				h, ok = f.townDative(w, words)
			}
		case hasSuffixFold(w, "а"), hasSuffixFold(w, "я"):
			h, ok = f.otherGenitive(w, words)
		}
		if ok {
			h.Start, h.End = t.start, t.end
			hits = append(hits, h)
		}
	}
	return hits
}

// afterLocativePreposition reports whether p is у, в or на, in lower case
// or opening a sentence.
func afterLocativePreposition(text string, p fzToken) bool {
	switch strings.ToLower(text[p.start:p.end]) {
	case "у", "в", "на":
		return !p.capital || sentenceInitial(text, p.start)
	}
	return false
}

// townDative judges run, ending in -у or -ю after у, в or на: the hit
// when it is the dative of a town, with its locative as the suggestion. A
// town is a masculine place whose genitive in -а, -я the word list holds
// (Києва, Парижа, Шанхая; not Китаю, Криму), whose stem is no velar.
func (f *Fuzzy) townDative(run string, words *lexicon.Lexicon) (Hit, bool) {
	var genitive, locative string
	switch {
	case hasSuffixFold(run, "у"):
		stem := run[:len(run)-len("у")]
		genitive, locative = stem+"а", stem+"і"
	case hasSuffixFold(run, "ю"):
		stem := run[:len(run)-len("ю")]
		genitive, locative = stem+"я", stem+"і"
		if last := lastLower(stem); last == 'а' || last == 'е' || last == 'у' || last == 'о' || last == 'і' {
			locative = stem + "ї" // Шанхаю → Шанхаї
		}
	default:
		return Hit{}, false
	}
	if strings.ContainsRune("кгґх", lastLower(genitive[:len(genitive)-len("а")])) || !words.Has(genitive) {
		return Hit{}, false
	}
	w, loc := cyrFold(run), cyrFold(locative)
	return f.placeSlip(run, locative, func(place string) bool {
		if end := lastLower(place); !isCyrillicConsonant(end) && end != 'й' && end != 'ь' {
			return false
		}
		forms, _ := nameCaseForms(place, "uk", roleFamily, genderNone)
		has := func(x string) bool {
			return slices.ContainsFunc(forms, func(form string) bool { return cyrFold(form) == x })
		}
		return has(w) && has(loc)
	})
}

// otherGenitive judges run, ending in -а or -я: the hit when the word list
// holds the place's genitive in -у, -ю instead, with that as the
// suggestion.
func (f *Fuzzy) otherGenitive(run string, words *lexicon.Lexicon) (Hit, bool) {
	var alt string
	if hasSuffixFold(run, "а") {
		alt = run[:len(run)-len("а")] + "у"
	} else {
		alt = run[:len(run)-len("я")] + "ю"
	}
	// Most capitalised words are words of the list: two lookups settle them.
	if words.Has(run) || !words.Has(alt) {
		return Hit{}, false
	}
	return f.placeSlip(run, alt, func(place string) bool {
		end := lastLower(place)
		return words.Has(place) && (isCyrillicConsonant(end) || end == 'й' || end == 'ь')
	})
}

// placeSlip returns the hit of run with suggestion sugg when run is a
// right form of places of the glossary only, each one word that fits.
func (f *Fuzzy) placeSlip(run, sugg string, fits func(place string) bool) (Hit, bool) {
	if !IsCyrillic(run) {
		return Hit{}, false
	}
	r := f.matchRunAs(run, "uk", false, confGenerated, false, true)
	if r.verdict != verdictRight || len(r.entries) == 0 {
		return Hit{}, false
	}
	for _, idx := range r.entries {
		e := f.entry(idx)
		place := preferredCyrillic(e, "uk") // fuzzy_woman_surname.go
		if e.Type() != "place" || strings.ContainsAny(place, " -") || !fits(place) {
			return Hit{}, false
		}
	}
	h := f.hitFor(r.entries[0], run, "uk", 1, confSpelling)
	h.Text, h.Suggestion = run, sugg
	return h, true
}
