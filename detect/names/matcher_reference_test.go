package names

// scanWords is the reference for scan: it reads every word with the general
// scanner, where scan skips most words without reading them.
func (m *Matcher) scanWords(text string, seeds []uint64) []found {
	var hits []found
	var ts tokenStream
	sc := newScanner(text, m.runes)
	var t token
	for sc.next(&t) {
		altHash := uint64(0)
		if t.altEnd > 0 {
			altHash = wordHash(text[t.start:t.altEnd], m.runes)
		}
		if m.startsTerm(t.hash, altHash, seeds) {
			sc.pos = m.matchAt(text, sc, t, seeds, &ts, &hits)
		}
	}
	return hits
}
