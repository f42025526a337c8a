package names

import (
	"strings"
	"testing"
	"unicode"
)

func TestIsLanguageWord(t *testing.T) {
	checkWordTest(t, "isLanguageWord", isLanguageWord, []wordCase{
		{"de", "Maske", true},
		{"de", "Moskau", true},
		{"de", "scheiterte", true},
		{"de", "Mask", false}, // the mangled Musk of a German text
		{"de", "Isaacson", false},
		{"en", "mask", true},
		{"en", "Mask", true},
		{"en", "mask's", true},
		{"en", "Mask’s", true},
		{"en", "Moscow", true},
		{"en", "shells", true},
		{"en", "Isaxon", false},
		{"en", "Maske", false},
		{"ru", "маской", true},
		{"ru", "Маск", false},
		{"uk", "м’ясо", true},
		{"uk", "Маск", false},
		{"fr", "mask", true}, // no French lexicon: the English words, as before
		{"fr", "Isaxon", false},
	})
}

func TestIsOrdinaryWord(t *testing.T) {
	checkWordTest(t, "isOrdinaryWord", isOrdinaryWord, []wordCase{
		{"en", "President", true},
		{"en", "mask", true},
		{"en", "Jan", false}, // listed only capitalised: a given name, or a month
		{"en", "Moscow", false},
		{"de", "Präsident", true}, // German nouns are ordinary words
		{"ru", "горе", true},
		{"ru", "Москва", false},
		{"uk", "президент", true},
	})
}

// wordCase is a word of a language and what a word test should say of it.
type wordCase struct {
	lang, word string
	want       bool
}

// checkWordTest asks test, called name, about every case's word.
func checkWordTest(t *testing.T, name string, test func(lang, word string) bool, cases []wordCase) {
	t.Helper()
	for _, tt := range cases {
		if got := test(tt.lang, tt.word); got != tt.want {
			t.Errorf("%s(%q, %q) = %v, want %v", name, tt.lang, tt.word, got, tt.want)
		}
	}
}

// TestGermanSentenceWords: the sentence of issue 16 in which "Maske" and
// "Moskau" were flagged as Musk. Every word of it is a German word but the
// mangled name "Mask", so the fuzzy checks, asking isLanguageWord with the
// text's language, leave them alone and still see "Mask". (The German list
// knows Putin and Putins too: a name in the glossary is matched as a right
// form before any word test.)
func TestGermanSentenceWords(t *testing.T) {
	const sentence = "Die Maske lag auf dem Tisch. Mask sagte, dass Putins Plan in Moskau scheiterte."
	var notWords []string
	for _, w := range strings.FieldsFunc(sentence, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !isLanguageWord("de", w) {
			notWords = append(notWords, w)
		}
	}
	if strings.Join(notWords, " ") != "Mask" {
		t.Errorf("not German words: %q, want just Mask", notWords)
	}
}

// TestCommonWordsKept: every word of the hand-typed English list that
// isCommonWord replaces is still a common word: the lexicon holds them, and
// the proper nouns among them that a lexicon cannot tell from given names
// are isLegacyProperWord's.
//
// One word is dropped on purpose: "kiev" is the Russian-derived spelling of
// a city a glossary writes Kyiv, and a wrong form where it does (an English
// text's "Kiev" is flagged as a romanization of Киев).
func TestCommonWordsKept(t *testing.T) {
	for _, w := range strings.Fields(handTypedWords) {
		if w == "kiev" {
			if isCommonWord(w) {
				t.Errorf("isCommonWord(%q) = true, want false", w)
			}
			continue
		}
		if !isCommonWord(w) {
			t.Errorf("isCommonWord(%q) = false", w)
		}
	}
	for _, w := range []string{"jan", "ian", "isaacson", "bremmer", "taler"} {
		if isCommonWord(w) {
			t.Errorf("isCommonWord(%q) = true", w)
		}
	}
}

// handTypedWords is the list fuzzy_words.go held before the lexicons, kept
// as test data.
const handTypedWords = `
a about above across act action after again against age ago agency air all
allow almost alone along already also although always am america american
among amount an and another answer any anyone anything april are area army
around art as ask at attack august authority away back bad bank base battle
be because become been before began begin behind being believe below best
better between big bill billion black blame blue board body book both
bottle boy break bring brother budget build building business but buy by
call called came campaign can cannot capital car care carry case cause
center central century certain chance change chief child children church
city class clear close come commander committee common company congress
consider continue control cost could council country course court cover
create crime crisis cup current cut day dead deal dear death decide deep
defence defense department despite did die different director do does dog
done door down draw drive during each early east economic economy edge
education effect eight either election else end enemy energy enough enter
even evening event ever every evidence exactly example expect experience
eye face fact fail fall family far father fear february federal feel few
field fight figure fill film final finance find fine fire firm first five
floor fly follow food for force foreign forget form former forward four
free friday friend from front full fund future game garden gas general get
girl give glass go god good government great green ground group grow guard
gun half hand happen hard has have he head health hear heart heavy help her
here high him himself his history hold home hope hospital hot hotel house
how however human hundred husband i idea if image important in include
increase indeed industry information inside instead interest international
interview into is issue it its itself january job join journal judge july
june just justice keep key kill killer kind king know land language large
last late later law lead leader learn least leave left less let letter level
lie life light like line list little live local long look lord lose loss lot
love low main major make man manager many march mark market mars mask master
matter may maybe me mean media meeting member men message method middle
might military million mind minister minute miss model modern moment monday
money month more morning most mother move movie mr mrs ms much music must my
name nation national nature near need network never new news next night nine
no none nor north not note nothing now number of off office officer official
often oil ok old on once one only open operation or order other our out
outside over own page paper parent part party pass past pay peace people per
perhaps period person phone picture piece place plan plant play player point
police policy political poor popular position possible power prepare
present president press pretty price prime prince private problem process
produce program project prove public put queen question quite race radio
rate rather reach read ready real reason receive record red region remain
report republic research rest result return rich right rise risk river road
rock role room rule run russian said same saturday say school science sea
season second secretary security see seek seem sell send senior sense
service set seven several shall share she short should show side sign since
sir six size small so social society some someone something son soon sound
south space speak special staff stage stand star start state station stay
step still stock stop story street strong student study such summer sun
sunday support sure system table take talk task tax team tell ten term than
that the their them then there these they thing think third this those
though thousand three through thursday time to today together too top total
toward town trade treasury true trump try tuesday turn two type under union
unit united until up upon us use very victory view village vote wall want
war was watch water way we wednesday week well were west what when where
whether which while white who whole whom whose why wife will win window with
within without woman women word work world would write writer year yes yet
you young your
must mast mist moscow kremlin pentagon senate white house
china chinese russia ukraine ukrainian america europe european korea korean
syria syrian taiwan brazil argentina belarus kiev kyiv washington london
paris berlin germany german france french britain british english israel
iran turkey japan india nato nasa states crimea
`
