package names

import (
	"strings"
	"sync"
)

// commonWordList holds frequent English words, titles and other capitalised
// non-names, folded. A one-word run or a lowercase token that is one of them
// is never a mangled name: "Mask" and "mask" are the exact matcher's false
// friends, "The", "President" and "Mars" open sentences and titles. The list
// is deliberately small; similarity thresholds and the document-context rule
// of Check do the rest. Countries and demonyms are here because a large
// glossary always has some name a romanization away from them.
const commonWordList = `
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

// commonWords is the set form of commonWordList, built once on first use and
// never modified afterwards.
var commonWords = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool, 700)
	for _, w := range strings.Fields(commonWordList) {
		set[w] = true
	}
	return set
})

func isCommonWord(folded string) bool { return commonWords()[folded] }

// dictionarySuffixes mark lowercase tokens as ordinary English words;
// names transliterated from Russian rarely end like this.
var dictionarySuffixes = [...]string{
	"ing", "tion", "sion", "ment", "ness", "able", "ible", "ally", "ity",
	"ous", "ive", "ful", "less", "ed", "ly", "est", "ies", "ship", "ism",
}

// isDictionaryLike reports lowercase tokens Fuzzy must not consider.
func isDictionaryLike(folded string) bool {
	if isCommonWord(folded) {
		return true
	}
	for _, s := range dictionarySuffixes {
		if strings.HasSuffix(folded, s) {
			return true
		}
	}
	return false
}
