package names

import "unicode/utf8"

// Most romanization schemes agree with BGN/PCGN on most letters: Путин is
// Putin in all of them. Building a record romanizes every form of every
// Cyrillic word by every scheme, so a form whose letters the schemes write
// alike is romanized once. schemeAgreement answers that from the folded
// tables, letter by letter, in the contexts appendFoldedTranslit uses
// (word-initial forms after a vowel, ц in GOST, зг in the Ukrainian
// national system); TestSchemeAgreement checks it against the
// romanizations themselves.

// schemeAgreement says, per scheme and lowercase Cyrillic letter, whether
// the scheme writes the letter as BGN/PCGN does: always, in every context,
// or plain, where neither uses a word-initial form.
type schemeAgreement struct {
	always, plain [len(schemeTables)][cyrSpan]bool
	vowelOrSign   [cyrSpan]bool // after these, BGN/PCGN uses word-initial forms
}

func newSchemeAgreement() *schemeAgreement {
	a := &schemeAgreement{}
	bgn := &foldedArrays[SchemeBGN]
	for s := range Scheme(len(schemeTables)) {
		for i := range cyrSpan {
			r, b := &foldedArrays[s][i], &bgn[i]
			if !r.set || !b.set {
				continue
			}
			context := s == SchemeGOST && rune(cyrBase+i) == 'ц' || s == SchemeUkrNat && rune(cyrBase+i) == 'г'
			a.plain[s][i] = r.plain == b.plain && !context
			a.always[s][i] = a.plain[s][i] && r.initial == "" && b.initial == ""
		}
	}
	for i := range cyrSpan {
		a.vowelOrSign[i] = isCyrillicVowelOrSign(rune(cyrBase + i))
	}
	return a
}

// agreeing returns the set of schemes (bit s) for which
// appendFoldedTranslit(form, s) is known to equal
// appendFoldedTranslit(form, SchemeBGN); a scheme left out may still agree.
func (a *schemeAgreement) agreeing(form string) uint32 {
	all := uint32(1)<<len(schemeTables) - 1
	set := all
	// prev is as appendFoldedTranslit tracks it: the previous Cyrillic
	// letter, 0 after anything else; the Ukrainian national system alone
	// remembers an apostrophe (markUkr), and a mark leaves prev alone.
	prev, markUkr := rune(0), false
	for _, r := range form {
		lower := cyrillicLower(r)
		cyr := lower >= cyrBase && lower < cyrBase+cyrSpan
		if !cyr || !foldedArrays[SchemeBGN][lower-cyrBase].set {
			switch {
			case r == utf8.RuneError || cyr:
				return 1 << SchemeBGN // a letter a scheme lacks
			case isNameMark(r):
				markUkr = true
			default:
				prev, markUkr = 0, false
			}
			continue
		}
		i := lower - cyrBase
		// Word-initial forms: BGN/PCGN at the start and after vowels and
		// signs, the Ukrainian national system at the start only.
		initBGN := prev == 0 || a.vowelOrSign[prev-cyrBase]
		initUkr := prev == 0 && !markUkr
		for s := range Scheme(len(schemeTables)) {
			if set&(1<<s) == 0 || a.always[s][i] {
				continue
			}
			initS := s == SchemeBGN && initBGN || s == SchemeUkrNat && initUkr
			if !a.plain[s][i] || initBGN && bgnInitial(i) || initS && foldedArrays[s][i].initial != "" {
				set &^= 1 << s
			}
		}
		prev, markUkr = lower, false
	}
	return set | 1<<SchemeBGN
}

func bgnInitial(i rune) bool { return foldedArrays[SchemeBGN][i].initial != "" }
