package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The function words of the false-friend context, per language. They say
// how a word is used in its sentence (after an article, after a title,
// before a verb of saying) and nothing about what the word means: no list
// here belongs to one false friend's domain ("surgical", "gas" for one word),
// so that the rules hold for every false friend a glossary may list, "but"
// for Bout as well as "мороз" for Moroz. Lists are space-separated,
// lower-case, and constants, so that the tables cost nothing until a false
// friend is scored.

// contextWords is one language's tables. Words of en lists match exactly;
// German titles and relational nouns match as the end of a compound
// ("Parlamentspräsident", "Apple-Chef" gives "chef"); Russian and Ukrainian
// entries are stems that match a word with a short case or person ending
// ("генерал" matches "генерала", "заяв" matches "заявила").
type contextWords struct {
	lang string
	// caseMarksNames: a capital inside a sentence says "name" (en, ru,
	// uk), where in German every noun has one and only a lower-case word
	// says something: that it is no noun and no name.
	caseMarksNames bool
	// stems: the lists hold stems (ru, uk).
	stems bool
	// Before the word: articles, demonstratives, possessives, quantifiers.
	determiners string
	// Indefinite articles, also in determiners.
	indefinite string
	// Determiners that make the next noun plural: "two pens", "many jobs".
	plurals string
	// Prepositions; contracted: German "im", "am", "zum" (a preposition
	// and an article in one word).
	prepositions, contracted string
	// Closed-class words (conjunctions, modals, auxiliaries) that a false
	// friend may itself be: "but" for Bout, "may" for May. Such a word is
	// everywhere in any text, so it is the word far more often, and that
	// the text uses it for the person elsewhere says little.
	closed string
	// Conjunctions that coordinate two names: "Putin and X".
	conjunctions string
	// Titles and roles before a name: "President", "Herr", "генерал".
	titles string
	// Verbs whose subject is a person: saying, thinking, meeting.
	personVerbs string
	// Verbs whose object is a person: "asked X", "appointed X".
	objectVerbs string
	// Phrases that attribute words to someone: "according to X".
	attributions string
	// Nouns that belong to a person: "the lawyer of X", "Regierung X".
	relational string
	// Words that link a relational noun to its person: "of", "von".
	linkers string
	// Auxiliaries and adverbs that may stand between a subject and its
	// verb: "X has said", "X later told".
	between string
	// Adjectives: common ones, and the endings that mark one.
	adjectives, adjectiveEndings string
}

// wordsFor returns the tables of a language: "en", "de", "ru" or "uk".
func wordsFor(lang string) *contextWords {
	switch lang {
	case "de":
		return &contextWords{
			lang:             "de",
			indefinite:       "ein eine einen einem einer eines",
			determiners:      "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner dieser diese dieses diesen diesem jeder jede jedes jeden jedem sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere mein meine dein deine euer eure dessen deren welcher welche",
			plurals:          "zwei drei vier fünf sechs sieben acht neun zehn viele einige mehrere alle beide diese manche tausende hunderte",
			prepositions:     "mit in auf aus von bei nach seit unter über hinter vor für gegen ohne um durch zu an neben zwischen bis als",
			contracted:       "im am zum zur vom beim ins ans aufs unterm überm",
			conjunctions:     "und oder sowie",
			closed:           "aber und oder sondern denn doch wenn als wie kann können muss müssen soll sollen will wollen darf ist sind war waren hat haben wird werden auch noch schon nur",
			titles:           "präsident präsidentin minister ministerin kanzler kanzlerin premier general gouverneur senator senatorin herr frau chef chefin botschafter botschafterin sprecher sprecherin vorsitzende vorsitzender unternehmer unternehmerin milliardär gründer gründerin aktivist aktivistin richter richterin abgeordnete abgeordneter bürgermeister bürgermeisterin dr prof",
			personVerbs:      "sagte sagt lobte lobt wiederholte wiederholt sagten erklärte erklärt betonte betont schrieb schreibt meinte meint kündigte kündigt teilte teilt warnte warnt forderte fordert kritisierte kritisiert bestritt bestreitet versprach verspricht antwortete antwortet fragte fragt behauptete behauptet glaubt glaubte hofft hoffte will wollte weigerte weigert traf trifft besuchte besucht unterzeichnete unterzeichnet stellte stellt räumte räumt lehnte lehnt stritt streitet sprach spricht verlor verliert gewann gewinnt ernannte trat tritt",
			objectVerbs:      "traf trifft bat dankte ernannte kritisierte lobte verurteilte unterstützte fragte rief warf beschuldigte empfing interviewte entließ wählte begrüßte",
			attributions:     "laut|nach angaben von|so|zufolge|wie",
			relational:       "regierung antwort reaktion rede sprecher sprecherin anwalt anwälte ehefrau frau sohn tochter unternehmen firma team anhänger kritiker verbündete partei biografie biographie interview besuch worte aussage äußerungen position meinung interessen kontakte gespräch gespräche treffen telefonat beziehung beziehungen brief buch vermögen rücktritt wahl sieg niederlage entscheidung leben tod karriere berater beraterin freund freunde rivale popularität administration kampagne",
			linkers:          "von mit",
			between:          "hat hatte habe auch dann später erneut bereits nun noch zudem jedoch aber",
			adjectives:       "neu neue alt alte jung junge groß große klein kleine erste ersten letzte weiß weiße schwarz schwarze rot rote grün grüne",
			adjectiveEndings: "er es em en",
		}
	case "ru":
		return &contextWords{
			lang: "ru", caseMarksNames: true, stems: true,
			determiners:      "этот эта это эту этого этому этом тот та то ту того свой своя своё свою своего его её их мой моя мою наш наша нашу ваш каждый каждая каждое каждую весь вся всё всю любой любая один одна одно какой какая",
			plurals:          "два две три четыре пять шесть семь восемь девять десять много несколько все эти те оба обе тысячи сотни десятки",
			prepositions:     "в во на с со из от для под над без о об обо к ко по у за перед при через между после до около про",
			conjunctions:     "и или да",
			closed:           "но а и или да же ли если как что чтобы может могут должен надо было был была были есть не также ещё уже только",
			titles:           "президент премьер министр генерал губернатор сенатор господин госпож глав гендиректор директор основател миллиардер бизнесмен предпринимател посол посла послу спикер лидер председател госсекретар секретар активист активистк депутат мэр канцлер судь",
			personVerbs:      "сказа рассказа похвали повтори заяв отмет сообщ написа подчеркн добав поясн объясн призна счита говор предупред пообещ обеща потребова встрети посети подписа отказа призва ответ уверя выступи провё провел представи прилете приеха",
			objectVerbs:      "назнач поблагодар попрос призва встрети критикова обвин поддерж приглас арестова осуди избра поздрав увол приня спроси",
			attributions:     "по словам|по мнению|по данным|как заявил|как заявила|как сообщил|как сообщила|как считает",
			relational:       "правительств ответ реакци администрац реч представител пресс-секретар адвокат жен сын доч компани команд сторонник критик союзник парти биографи интервью визит слов заявлени позици мнени интерес контакт разговор переговор встреч отношени письм книг состояни отставк побед решени жизн смерт карьер советник друз соперник",
			between:          "также тогда позже потом уже вновь снова ещё же",
			adjectiveEndings: "ый ий ой ая яя ое ее ые ие ую юю ого его ому ему ым ым их ых",
		}
	case "uk":
		return &contextWords{
			lang: "uk", caseMarksNames: true, stems: true,
			determiners:      "цей ця це цю цього цьому той та те ту того свій своя своє свою свого його її їх їхній мій моя мою наш наша нашу ваш кожен кожна кожне кожну кожний весь вся все всю будь-який один одна одне який яка",
			plurals:          "два дві три чотири п'ять шість сім вісім дев'ять десять багато кілька всі ці ті обидва обидві тисячі сотні десятки",
			prepositions:     "в у на з із зі від для під над без про до по за перед при через між після біля к",
			conjunctions:     "і й та або чи",
			closed:           "але а і й та або чи же якщо як що щоб може можуть має мають треба було був була були є не також ще вже тільки",
			titles:           "президент прем'єр міністр генерал губернатор сенатор пан пані глав голов гендиректор директор засновник мільярдер бізнесмен підприємц підприємець посол посла послу спікер лідер держсекретар секретар активіст активістк депутат мер канцлер судд заступник",
			personVerbs:      "сказа розпові похвали повтори заяв зазнач повідом написа наголос дода поясн визна вважа говор попереди пообіця обіця вимага зустрі відвіда підписа відмови закли відпові запевни виступи прові представи приїха прилеті прибу",
			objectVerbs:      "признач подяку попроси закли зустрі критикува звинуват підтрима запроси заарешту засуди обра привіта звільни прийня спита",
			attributions:     "за словами|на думку|за даними|як заявив|як заявила|як повідомив|як повідомила|як вважає",
			relational:       "уряд відповід реакці адміністрац промов представник речник адвокат дружин син доньк компані команд прихильник критик союзник парті біографі візит слова заяв позиці думк інтерес контакт розмов перемовин зустріч стосунк лист книг статк відставк перемог рішенн житт смерт радник друз суперник",
			between:          "також тоді пізніше потім вже знову ще ж",
			adjectiveEndings: "ий ій ого ому им их ої ою ська цька зька ське цьке",
		}
	}
	return &contextWords{
		lang: "en", caseMarksNames: true,
		indefinite:       "a an",
		determiners:      "a an the this these those his her its their our my your every each some any no another such whose",
		plurals:          "two three four five six seven eight nine ten dozen dozens hundreds thousands millions many several few both these those all most",
		prepositions:     "with on in at from to for of by about into onto behind under over near without through across against among between toward towards after before during like than",
		conjunctions:     "and or",
		closed:           "but and or nor yet so if as than may might can could will would shall should must do does did is are was were be been has have had not also just still even",
		titles:           "president minister senator general governor mr mrs ms miss dr sir lord lady ceo chief founder billionaire businessman businesswoman entrepreneur ambassador speaker chairman chairwoman chair secretary leader spokesman spokeswoman director head prime vice premier chancellor mayor judge deputy activist dealer candidate rep sen gen prof",
		personVerbs:      "said says told tells stated states wrote writes added adds claimed claims announced announces noted notes argued argues insisted insists explained explains commented responded declared declares denied denies admitted admits warned warns asked asks replied answered tweeted tweets posted believes believed thinks thought urged urges suggested confirmed confirms spoke speaks recalled stressed emphasized emphasised vowed pledged acknowledged promised promises complained predicted hopes hoped wants wanted decided refused agreed met meets visited visits signed signs criticized criticised called calls",
		objectVerbs:      "ask asks asked urge urges urged thank thanks thanked meet meets met tell tells told calls called persuade persuades persuaded convince convinces convinced invite invites invited criticize criticizes criticized criticise criticises criticised accuse accuses accused praise praises praised interviewed sue sues sued appoint appoints appointed sentenced arrest arrests arrested elect elects elected congratulate congratulates congratulated phoned warn warns warned supported endorse endorses endorsed fired hire hires hired replace replaces replaced blame blames blamed attacked defend defends defended pardon pardons pardoned",
		attributions:     "according to|said|says|told|quoted",
		relational:       "biography family answer answers response reply reaction lawyer lawyers attorney attorneys wife husband son daughter brother sister father mother company companies firm team supporters critics allies administration government campaign spokesman spokeswoman spokesperson representative representatives aides aide adviser advisers advisor office words statement statements comments remarks interview visit speech position views opinion interests contacts conversation conversations talks meeting call relationship letter book memoir memoirs fortune wealth party fans friend friends popularity resignation election victory defeat decision plans life death career rival rivals biographer socialists",
		linkers:          "of with",
		between:          "has had have also then later again publicly reportedly repeatedly once first still already now himself herself",
		adjectives:       "new old young big small large little black white red blue green brown yellow grey gray golden gold silver wooden plastic first last next heavy thick dense hard soft strong weak good bad great long short high low dark light cold warm hot dry wet full empty whole same other only single usual simple cheap expensive famous huge tiny thin",
		adjectiveEndings: "al ic ous ful ive able ible less ish ary",
	}
}

// has reports whether list (space- or |-separated) holds w exactly.
func has(list, w string) bool {
	for list != "" {
		i := strings.IndexAny(list, " |")
		item := list
		if i >= 0 {
			item, list = list[:i], list[i+1:]
		} else {
			list = ""
		}
		if item == w {
			return true
		}
	}
	return false
}

// hasStem reports whether w is a stem of list followed by at most
// maxEnding runes: "генерала" for "генерал".
func hasStem(list, w string, maxEnding int) bool {
	for _, stem := range strings.Fields(list) {
		if strings.HasPrefix(w, stem) && utf8.RuneCountInString(w[len(stem):]) <= maxEnding {
			return true
		}
	}
	return false
}

// hasEnding reports whether w ends with an item of list and is longer than it.
func hasEnding(list, w string) bool {
	for _, end := range strings.Fields(list) {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// inClass matches a lower-case word against a class list in the way of the
// language: exactly, by stem (ru, uk), or as the end of a German compound.
func (cw *contextWords) inClass(list, w string, maxEnding int) bool {
	switch {
	case cw.stems:
		return hasStem(list, w, maxEnding)
	case cw.lang == "de" && maxEnding > 0:
		return has(list, w) || hasEnding(list, w)
	}
	return has(list, w)
}

func (cw *contextWords) isTitle(w string) bool      { return cw.inClass(cw.titles, w, 3) }
func (cw *contextWords) isPersonVerb(w string) bool { return cw.inClass(cw.personVerbs, w, 4) }
func (cw *contextWords) isObjectVerb(w string) bool { return cw.inClass(cw.objectVerbs, w, 4) }
func (cw *contextWords) isRelational(w string) bool { return cw.inClass(cw.relational, w, 3) }

// isAdjective recognises an adjective by a common word or an ending; lower
// case only, so that "Kremlin" is no adjective.
func (cw *contextWords) isAdjective(w string) bool {
	return has(cw.adjectives, w) || hasEnding(cw.adjectiveEndings, w)
}

// isFunctionWord: a word of a closed class, which is never a modifier.
func (cw *contextWords) isFunctionWord(w string) bool {
	return has(cw.determiners, w) || has(cw.prepositions, w) || has(cw.contracted, w) ||
		has(cw.conjunctions, w) || has(cw.between, w) || has(cw.plurals, w)
}

// isWordRune matches the tokenizer's idea of a word character.
func isWordRune(r rune) bool {
	return r != 0x02BC && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me))
}

// wordBefore returns the word that ends before byte i, the gap between it
// and i, and where the word starts; the word is empty at the text's start.
func wordBefore(text string, i int) (word, gap string, start int) {
	end := i
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if isWordRune(r) && !(r == utf8.RuneError && n == 1) {
			break
		}
		end -= n
	}
	start = end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !isWordRune(r) {
			break
		}
		start -= n
	}
	return text[start:end], text[end:i], start
}

// wordAfter returns the word that starts after byte i, the gap before it,
// and where the word ends; the word is empty at the text's end.
func wordAfter(text string, i int) (word, gap string, end int) {
	start := i
	for start < len(text) {
		r, n := utf8.DecodeRuneInString(text[start:])
		if isWordRune(r) && !(r == utf8.RuneError && n == 1) {
			break
		}
		start += n
	}
	end = start
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(r) {
			break
		}
		end += n
	}
	return text[start:end], text[i:start], end
}
