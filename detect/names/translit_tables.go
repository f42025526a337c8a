package names

// Romanization tables, lowercase Cyrillic letter → Latin. They are immutable
// lookup tables, never written after initialization. Letters that a scheme
// lacks (і, ї, є, ґ in a Russian scheme) get that scheme's customary
// Ukrainian value so Ukrainian forms can be run through Russian schemes, as
// Russian-language media do.

// bgnTable is BGN/PCGN for Russian: е/ё are ye/yë at a word start and after
// vowels and signs; signs become apostrophes (dropped by folding anyway).
var bgnTable = map[rune]letterRule{
	'а': {"a", ""}, 'б': {"b", ""}, 'в': {"v", ""}, 'г': {"g", ""}, 'д': {"d", ""},
	'е': {"e", "ye"}, 'ё': {"ë", "yë"}, 'ж': {"zh", ""}, 'з': {"z", ""}, 'и': {"i", ""},
	'й': {"y", ""}, 'к': {"k", ""}, 'л': {"l", ""}, 'м': {"m", ""}, 'н': {"n", ""},
	'о': {"o", ""}, 'п': {"p", ""}, 'р': {"r", ""}, 'с': {"s", ""}, 'т': {"t", ""},
	'у': {"u", ""}, 'ф': {"f", ""}, 'х': {"kh", ""}, 'ц': {"ts", ""}, 'ч': {"ch", ""},
	'ш': {"sh", ""}, 'щ': {"shch", ""}, 'ъ': {"\"", ""}, 'ы': {"y", ""}, 'ь': {"'", ""},
	'э': {"e", ""}, 'ю': {"yu", ""}, 'я': {"ya", ""},
	'і': {"i", ""}, 'ї': {"yi", ""}, 'є': {"ye", ""}, 'ґ': {"g", ""},
	// Serbian letters as Russian transcribes them (Ђоковић, Джокович): ђ
	// and џ are дж, ћ is ч, ј is й, љ and њ ль and нь (before a vowel
	// Russian writes лю, ня, which one letter cannot give).
	'ђ': {"dzh", ""}, 'ћ': {"ch", ""}, 'ј': {"y", ""}, 'љ': {"l'", ""}, 'њ': {"n'", ""}, 'џ': {"dzh", ""},
}

// gostTable is GOST 7.79-2000 system B (ASCII). Ц is decided in context by
// gostTs. The standard writes Ь as a prime; typed text uses the apostrophe.
var gostTable = map[rune]letterRule{
	'а': {"a", ""}, 'б': {"b", ""}, 'в': {"v", ""}, 'г': {"g", ""}, 'д': {"d", ""},
	'е': {"e", ""}, 'ё': {"yo", ""}, 'ж': {"zh", ""}, 'з': {"z", ""}, 'и': {"i", ""},
	'й': {"j", ""}, 'к': {"k", ""}, 'л': {"l", ""}, 'м': {"m", ""}, 'н': {"n", ""},
	'о': {"o", ""}, 'п': {"p", ""}, 'р': {"r", ""}, 'с': {"s", ""}, 'т': {"t", ""},
	'у': {"u", ""}, 'ф': {"f", ""}, 'х': {"x", ""}, 'ц': {"cz", ""}, 'ч': {"ch", ""},
	'ш': {"sh", ""}, 'щ': {"shh", ""}, 'ъ': {"''", ""}, 'ы': {"y'", ""}, 'ь': {"'", ""},
	'э': {"e'", ""}, 'ю': {"yu", ""}, 'я': {"ya", ""},
	'і': {"i", ""}, 'ї': {"yi", ""}, 'є': {"ye", ""}, 'ґ': {"g'", ""},
}

// iso9Table is ISO 9:1995 (GOST 7.79 system A): one Latin letter, possibly
// with a diacritic, per Cyrillic letter.
var iso9Table = map[rune]letterRule{
	'а': {"a", ""}, 'б': {"b", ""}, 'в': {"v", ""}, 'г': {"g", ""}, 'д': {"d", ""},
	'е': {"e", ""}, 'ё': {"ë", ""}, 'ж': {"ž", ""}, 'з': {"z", ""}, 'и': {"i", ""},
	'й': {"j", ""}, 'к': {"k", ""}, 'л': {"l", ""}, 'м': {"m", ""}, 'н': {"n", ""},
	'о': {"o", ""}, 'п': {"p", ""}, 'р': {"r", ""}, 'с': {"s", ""}, 'т': {"t", ""},
	'у': {"u", ""}, 'ф': {"f", ""}, 'х': {"h", ""}, 'ц': {"c", ""}, 'ч': {"č", ""},
	'ш': {"š", ""}, 'щ': {"ŝ", ""}, 'ъ': {"ʺ", ""}, 'ы': {"y", ""}, 'ь': {"ʹ", ""},
	'э': {"è", ""}, 'ю': {"û", ""}, 'я': {"â", ""},
	'і': {"ì", ""}, 'ї': {"ï", ""}, 'є': {"ê", ""}, 'ґ': {"g̀", ""},
}

// passportTable is the Russian passport scheme since 2013 (ICAO Doc 9303):
// й → i, ю → iu, я → ia, ъ → ie, ь is dropped.
var passportTable = map[rune]letterRule{
	'а': {"a", ""}, 'б': {"b", ""}, 'в': {"v", ""}, 'г': {"g", ""}, 'д': {"d", ""},
	'е': {"e", ""}, 'ё': {"e", ""}, 'ж': {"zh", ""}, 'з': {"z", ""}, 'и': {"i", ""},
	'й': {"i", ""}, 'к': {"k", ""}, 'л': {"l", ""}, 'м': {"m", ""}, 'н': {"n", ""},
	'о': {"o", ""}, 'п': {"p", ""}, 'р': {"r", ""}, 'с': {"s", ""}, 'т': {"t", ""},
	'у': {"u", ""}, 'ф': {"f", ""}, 'х': {"kh", ""}, 'ц': {"ts", ""}, 'ч': {"ch", ""},
	'ш': {"sh", ""}, 'щ': {"shch", ""}, 'ъ': {"ie", ""}, 'ы': {"y", ""}, 'ь': {"", ""},
	'э': {"e", ""}, 'ю': {"iu", ""}, 'я': {"ia", ""},
	'і': {"i", ""}, 'ї': {"i", ""}, 'є': {"ie", ""}, 'ґ': {"g", ""},
}

// ukrNatTable is the Ukrainian national system (CMU resolution 55, 2010):
// г → h, ґ → g, и → y, і → i; є, ї, й, ю, я are ye, yi, y, yu, ya at a word
// start and ie, i, i, iu, ia elsewhere; ь and the apostrophe are dropped.
var ukrNatTable = map[rune]letterRule{
	'а': {"a", ""}, 'б': {"b", ""}, 'в': {"v", ""}, 'г': {"h", ""}, 'ґ': {"g", ""},
	'д': {"d", ""}, 'е': {"e", ""}, 'є': {"ie", "ye"}, 'ж': {"zh", ""}, 'з': {"z", ""},
	'и': {"y", ""}, 'і': {"i", ""}, 'ї': {"i", "yi"}, 'й': {"i", "y"}, 'к': {"k", ""},
	'л': {"l", ""}, 'м': {"m", ""}, 'н': {"n", ""}, 'о': {"o", ""}, 'п': {"p", ""},
	'р': {"r", ""}, 'с': {"s", ""}, 'т': {"t", ""}, 'у': {"u", ""}, 'ф': {"f", ""},
	'х': {"kh", ""}, 'ц': {"ts", ""}, 'ч': {"ch", ""}, 'ш': {"sh", ""}, 'щ': {"shch", ""},
	'ь': {"", ""}, 'ю': {"iu", "yu"}, 'я': {"ia", "ya"},
	'ё': {"io", "yo"}, 'ы': {"y", ""}, 'э': {"e", ""}, 'ъ': {"", ""},
}

// scholarlyTable is the scientific transliteration of linguists and library
// catalogues (ISO/R 9:1968): й → j, ю → ju, я → ja, ц → c, х → x. It is where
// "Mileja" and "Czin'pin" come from.
var scholarlyTable = map[rune]letterRule{
	'а': {"a", ""}, 'б': {"b", ""}, 'в': {"v", ""}, 'г': {"g", ""}, 'д': {"d", ""},
	'е': {"e", ""}, 'ё': {"ë", ""}, 'ж': {"ž", ""}, 'з': {"z", ""}, 'и': {"i", ""},
	'й': {"j", ""}, 'к': {"k", ""}, 'л': {"l", ""}, 'м': {"m", ""}, 'н': {"n", ""},
	'о': {"o", ""}, 'п': {"p", ""}, 'р': {"r", ""}, 'с': {"s", ""}, 'т': {"t", ""},
	'у': {"u", ""}, 'ф': {"f", ""}, 'х': {"x", ""}, 'ц': {"c", ""}, 'ч': {"č", ""},
	'ш': {"š", ""}, 'щ': {"šč", ""}, 'ъ': {"\"", ""}, 'ы': {"y", ""}, 'ь': {"'", ""},
	'э': {"è", ""}, 'ю': {"ju", ""}, 'я': {"ja", ""},
	'і': {"i", ""}, 'ї': {"ji", ""}, 'є': {"je", ""}, 'ґ': {"g", ""},
}

// schemeTables is indexed by Scheme.
var schemeTables = [...]map[rune]letterRule{
	SchemeBGN:       bgnTable,
	SchemeGOST:      gostTable,
	SchemeISO9:      iso9Table,
	SchemePassport:  passportTable,
	SchemeUkrNat:    ukrNatTable,
	SchemeScholarly: scholarlyTable,
	// The German and French schemes are rules (shape_western.go).
	SchemeGerman:   nil,
	SchemeFrench:   nil,
	SchemeGermanUk: nil,
	SchemeFrenchUk: nil,
}

// cyrBase..cyrBase+cyrSpan is the Unicode Cyrillic block; schemeArrays index
// it directly because romanizing variants is on the lookup path.
const (
	cyrBase = 0x400
	cyrSpan = 0x100
)

// schemeArrays is schemeTables as arrays, built once at package
// initialization and read-only afterwards.
var schemeArrays = func() (out [len(schemeTables)][cyrSpan]letterRule) {
	for s, table := range schemeTables {
		for r, rule := range table {
			out[s][r-cyrBase] = rule
		}
	}
	return out
}()
