package names

import "strings"

// inflectLike puts each word of a Cyrillic suggestion in the case form, of
// those lang has for it, nearest in spelling to the run's word in the same
// place: "Кулебы" in a Ukrainian text is "Кулеби", not "Кулеба", and
// "Зеленским" is "Зеленським". Suggestions whose words do not line up with
// the run's stay as they are.
func inflectLike(sugg, run, lang string, g gender) string {
	if !isCyrillicLang(lang) || !IsCyrillic(run) || !IsCyrillic(sugg) {
		return sugg
	}
	runWords := appendRawNameWords(nil, trimPossessive(run))
	var b strings.Builder
	i, pos := 0, 0
	for start, end := nextNameWord(sugg, 0); start < end; start, end = nextNameWord(sugg, end) {
		if i >= len(runWords) {
			return sugg
		}
		word := sugg[start:end]
		role := roleOf(i, len(runWords))
		if len(runWords) == 1 {
			role = roleFamily
		}
		b.WriteString(sugg[pos:start])
		b.WriteString(nearestCase(word, runWords[i], lang, role, g))
		pos = end
		i++
	}
	if i != len(runWords) {
		return sugg
	}
	b.WriteString(sugg[pos:])
	return b.String()
}

// nearestCase is right or the case form of it (lang's grammar) nearest to
// like in spelling; right itself wins ties.
func nearestCase(right, like, lang string, role nameRole, g gender) string {
	if feminineInstrumental(like) && !endsInA(right) {
		// "Меркелью", "Меркеллю": the text declines the name as a woman's,
		// and a woman's surname that does not end in -а/-я does not decline.
		return right
	}
	forms, _ := nameCaseForms(right, lang, role, g)
	target := []rune(cyrFold(like))
	best, bestDist := right, spellingDistance([]rune(cyrFold(right)), target)
	for _, f := range forms {
		if d := spellingDistance([]rune(cyrFold(f)), target); d < bestDist {
			best, bestDist = f, d
		}
	}
	return best
}

// spellingDistance is an edit distance between two Cyrillic words in which
// the letters the East Slavic spellings trade for one another cost little:
// и/і/ы/ї, е/є/э, г/ґ, and a soft or hard sign or an apostrophe put in or
// left out; Russian -е against Ukrainian -і and й against ї a little more.
func spellingDistance(a, b []rune) float64 {
	prev := make([]float64, len(b)+1)
	cur := make([]float64, len(b)+1)
	for j := range prev {
		prev[j] = prefixCost(b[:j])
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = prev[0] + indelCost(a[i-1])
		for j := 1; j <= len(b); j++ {
			cur[j] = min(prev[j-1]+substCost(a[i-1], b[j-1]), prev[j]+indelCost(a[i-1]), cur[j-1]+indelCost(b[j-1]))
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func prefixCost(rs []rune) float64 {
	c := 0.0
	for _, r := range rs {
		c += indelCost(r)
	}
	return c
}

func indelCost(r rune) float64 {
	if r == 'ь' || r == 'ъ' || r == '\'' {
		return 0.3
	}
	return 1
}

// spellingClasses are the letters one East Slavic spelling writes where
// another writes their neighbour in the class.
var spellingClasses = [...]string{"иіыї", "еєэ", "гґ"}

func substCost(a, b rune) float64 {
	if a == b {
		return 0
	}
	for _, c := range spellingClasses {
		if strings.ContainsRune(c, a) && strings.ContainsRune(c, b) {
			return 0.2
		}
	}
	// Russian -е against Ukrainian -і (Москве, Москві); ї is й and і in
	// one letter (-ой, -ої).
	if a == 'е' && b == 'і' || a == 'і' && b == 'е' || a == 'й' && b == 'ї' || a == 'ї' && b == 'й' {
		return 0.5
	}
	return 1
}

// feminineInstrumental reports whether word has the instrumental ending of
// a feminine noun in a soft consonant (ru -ью, uk doubled consonant + ю:
// солью, сіллю), which no man's name takes.
func feminineInstrumental(word string) bool {
	r := []rune(strings.ToLower(word))
	n := len(r)
	switch {
	case n < 4 || r[n-1] != 'ю':
		return false
	case r[n-2] == 'ь':
		return true
	}
	return r[n-2] == r[n-3] && isCyrillicConsonant(r[n-2])
}
