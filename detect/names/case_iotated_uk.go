package names

import "unicode/utf8"

// ukIotatedYa reports whether a Ukrainian word in -я spells the ending
// [ja] rather than a soft consonant and [a]: after a vowel, the soft sign
// or the apostrophe (Франція, Сатья, Дар'я). Its endings are then written
// with the iotated letters, as сім'я → сім'ї, сім'єю: Сатьєю, Дар'єю;
// "Сатьею" is no Ukrainian spelling, Ukrainian writes no е after ь.
func ukIotatedYa(word string) bool {
	if !hasSuffixFold(word, "я") {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(word[:len(word)-len("я")])
	before = cyrillicLower(before)
	return isCyrillicVowelOrSign(before) && before != 'ъ' // the signs include ь and the apostrophes
}
