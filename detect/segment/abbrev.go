package segment

// Word lists of the segmenter: lower case, space separated, abbreviations
// without their final period. Single letters ("E.", "р.") and dotted
// initialisms ("U.S.", "т.е.") are recognised by shape and need not be
// listed. Abbrevs are plain abbreviations; Titles precede names; Finals
// often end a sentence; NumericAbbrevs are abbreviations only before a
// number (see abbrevKind).

const (
	englishAbbrevs = `inc co corp ltd llc plc bros jr sr esq phd vs al approx assn
		assoc ave blvd rd bldg dept dist govt natl intl univ hwy mfg mgr misc
		e.g i.e a.m p.m cf viz ca jan feb mar apr jun jul aug sep sept oct nov
		dec tue tues thu thur thurs ft mt st oz lbs yrs hrs n° nº ibid op cit
		calif conn`
	englishTitles = `mr mrs ms mx dr prof gen col lt sgt capt cmdr cdr adm maj rev
		hon gov sen rep pres supt insp det messrs mme mlle fr st mt ft pvt cpl
		brig amb atty`
	englishFinals         = `etc`
	englishNumericAbbrevs = `no nos vol vols pp fig figs art sec ch para pt mon fri`
)

const englishStarters = `the he she it they we i you this that these those there
	here his her its their our my your a an but and so yet or if when while
	after before in on at for as how what why where who which did do does is
	are was were can could will would should may might must then however
	meanwhile also still although though since because now today yesterday
	tomorrow some many most all one both each every not nor thus therefore
	moreover furthermore instead indeed later earlier according despite during
	from by with without to of about let please once unlike like another other
	such no`

const (
	russianAbbrevs = `г гг в вв т.е т.к т.н т.ч т.о см стр ул пр просп пер пл наб обл
		им акад проф доц ген ст тыс млн млрд трлн руб коп долл дол мин сек ч
		чел кв кг км рис табл гл ред изд англ нем франц лат ср напр прим зам
		нач гос п пп ок н.э до н.э`
	russianTitles = `ул им акад проф доц ген гр тов св пос дер просп пер пл наб дж`
	russianFinals = `т.д т.п др`
)

const russianStarters = `он она оно они мы я вы ты это этот эта эти тот та те так
	также но а и однако в во на по при после до с со как что когда где кто
	почему зачем затем потом тогда сейчас теперь сегодня вчера завтра кроме
	его её ее их здесь там поэтому впрочем если хотя ранее позже между для из
	об о у к все всё уже ещё еще не ни да нет вот пока лишь только именно
	причём причем кстати например тем этого этой этом эту этим такой такие
	такая сам сама сами один одна одно многие некоторые каждый мой наш ваш
	свой ему ей нам вам мне меня нас вас ним нём нем ней`

const (
	ukrainianAbbrevs = `р рр ст т.зв т.д т.п т.ч див вул просп пров пл обл м с смт ім
		акад проф доц ген тис млн млрд трлн грн коп дол напр зокр ін пор рис
		табл англ нім франц лат ред вид кв км кг хв год стор п пп т н.е`
	ukrainianTitles = `вул ім акад проф доц ген св просп пров пл дж`
	ukrainianFinals = `т.д т.п ін`
)

const ukrainianStarters = `він вона воно вони ми я ви ти це цей ця ці той та ті
	так також але а і й однак проте в у на по при після до з зі із як що коли
	де хто чому навіщо потім тоді зараз тепер сьогодні вчора завтра крім його
	її їх тут там тому якщо хоча раніше пізніше між для про від вже ще всі
	усі все усе не ні ось поки лише тільки саме зокрема наприклад цього цієї
	цьому цю цим такий такі така сам сама самі один одна одне багато деякі
	кожен мій наш ваш свій йому їй нам вам мені мене нас вас ним ньому ній
	адже отже втім натомість водночас`

const (
	germanAbbrevs = `z.b bzw nr d.h usw usf ca dr str prof hr fr frl vgl abs bd bde
		evtl ggf inkl exkl jh jhd mio mrd tsd zzgl u.a o.ä u.ä sog geb gest min
		std tel dipl ing mag hrsg verf bsp allg einschl entspr gegr jr sen bzgl
		ehem i.d.r u.u z.t v.a u.v.m s.o s.u m.e o.g lt gem lfd nachf st hl dt
		evang kath röm phil med jur rer nat jan feb mär apr jun jul aug sep sept
		okt nov dez etc ff`
	germanTitles         = `dr prof hr fr frl dipl ing mag st hl`
	germanFinals         = `usw usf etc`
	germanNumericAbbrevs = `art kap ziff mo di mi do sa so`
)

const germanStarters = `der die das den dem des ein eine einer einen einem er sie
	es wir ich ihr du man dies diese dieser dieses diesen dann doch aber und
	oder auch im in am an auf aus nach bei mit von vor zu zum zur für über
	unter seit als wenn weil da so zudem außerdem jedoch trotzdem deshalb
	daher damit dabei danach davor dazu hier heute gestern morgen jetzt nun
	noch schon nicht kein keine was wer wie wo warum wann alle viele einige
	jeder jede sein seine ihre unser unsere mein meine ob obwohl während bis
	gegen ohne um laut zwar allerdings inzwischen bereits dort denn sondern
	somit also zunächst später anschließend`

const germanMonths = `januar jänner februar märz april mai juni juli august
	september oktober november dezember jan feb mär apr jun jul aug sep sept
	okt nov dez`
