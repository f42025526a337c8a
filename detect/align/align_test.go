package align

import (
	"fmt"
	"strings"
	"testing"
)

// units makes a text's units: paragraphs separated by "|", sentences by
// "/"; a sentence's "{key}" parts are its caller keys, taken out of the text.
func units(s string) []Unit {
	var out []Unit
	for p, para := range strings.Split(s, "|") {
		for _, sent := range strings.Split(para, "/") {
			u := Unit{Paragraph: p}
			for {
				i := strings.Index(sent, "{")
				if i < 0 {
					break
				}
				j := strings.Index(sent[i:], "}") + i
				u.Keys = append(u.Keys, sent[i+1:j])
				sent = sent[:i] + sent[j+1:]
			}
			u.Text = strings.TrimSpace(sent)
			out = append(out, u)
		}
	}
	return out
}

// show writes beads as "0-0 1-1,2 2- -3": source indexes, a dash, target.
func show(beads []Bead) string {
	var parts []string
	for _, b := range beads {
		parts = append(parts, join(b.Source)+"-"+join(b.Target))
	}
	return strings.Join(parts, " ")
}

func join(xs []int) string {
	var s []string
	for _, x := range xs {
		s = append(s, fmt.Sprint(x))
	}
	return strings.Join(s, ",")
}

func TestAlign(t *testing.T) {
	for _, tc := range []struct {
		name, src, tgt, want string
	}{
		{"ru one to one",
			"Илон Маск {musk} встретился с Тимом Куком {cook} в Остине. / Встреча длилась два часа. / Что они обсуждали, неизвестно?",
			"Elon Musk {musk} met Tim Cook {cook} in Austin. / The meeting lasted two hours. / What they discussed is unknown?",
			"0-0 1-1 2-2"},
		{"ru omitted sentence",
			"Маск {musk} прилетел в Берлин 12 марта. / Там он посетил завод Tesla {tesla}. / На заводе работают 11 000 человек. / Вечером он улетел.",
			"Musk {musk} flew to Berlin on March 12. / There he visited the Tesla {tesla} factory. / In the evening he left.",
			"0-0 1-1 2- 3-2"},
		{"uk inserted sentence",
			"Зеленський {zelensky} виступив у Києві. / Він говорив про оборону. / Промова тривала 20 хвилин.",
			"Zelensky {zelensky} spoke in Kyiv. / He talked about defence. / Officials in Washington {biden} welcomed the remarks on Tuesday morning. / The speech lasted 20 minutes.",
			"0-0 1-1 -2 2-3"},
		{"de one to two",
			"Selenskyj {zelensky} traf am Montag in Brüssel ein, wo er mit Vertretern der NATO über weitere Lieferungen von Luftabwehrsystemen und über die Lage an der Front sprach. / Danach reiste er ab.",
			"Zelensky {zelensky} arrived in Brussels on Monday. / There he talked with NATO representatives about further deliveries of air defence systems and the situation at the front. / Then he left.",
			"0-0,1 1-2"},
		{"ru two to one",
			"Песков {peskov} ответил журналистам. / Он сказал, что комментариев не будет. / Вопрос закрыт.",
			"Peskov {peskov} told reporters that there would be no comment. / The question is closed.",
			"0,1-0 2-1"},
		// The translation moved a sentence into the next paragraph: the
		// paragraphs still pair, so the moved sentence shows as unmatched
		// rather than pairing across the break.
		{"paragraphs keep sentences apart",
			"Путин {putin} выступил в Москве. / Речь была длинной. | Байден {biden} ответил из Вашингтона.",
			"Putin {putin} spoke in Moscow. | The speech was long. Biden {biden} replied from Washington.",
			"0-0 1- 2-1"},
		{"omitted paragraph",
			"Маск {musk} купил компанию. | В 2022 году сделка стоила 44 миллиарда долларов. | Акции выросли.",
			"Musk {musk} bought the company. | Shares rose.",
			"0-0 1- 2-1"},
		{"empty target",
			"Одно предложение. / Второе.",
			"",
			"0- 1-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := units(tc.src)
			var tgt []Unit
			if tc.tgt != "" {
				tgt = units(tc.tgt)
			}
			if got := show(Align(src, tgt)); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// Every unit of both sides is in exactly one bead, in order, however
// unlike the texts.
func TestAlignCoversEveryUnit(t *testing.T) {
	src := units("Один. / Два предложения здесь. / Три 3. | Четыре? / Пять! | Шесть.")
	tgt := units("One two three four five six seven eight nine ten. | 3 / ? | ! / x / y / z")
	beads := Align(src, tgt)
	var si, ti []int
	for _, b := range beads {
		if len(b.Source) == 0 && len(b.Target) == 0 {
			t.Fatalf("empty bead in %s", show(beads))
		}
		si = append(si, b.Source...)
		ti = append(ti, b.Target...)
	}
	for i, x := range si {
		if x != i {
			t.Fatalf("source units out of order or missing: %s", show(beads))
		}
	}
	for i, x := range ti {
		if x != i {
			t.Fatalf("target units out of order or missing: %s", show(beads))
		}
	}
	if len(si) != len(src) || len(ti) != len(tgt) {
		t.Fatalf("covered %d/%d source and %d/%d target units: %s", len(si), len(src), len(ti), len(tgt), show(beads))
	}
}

// A long article with one sentence dropped near its end stays aligned
// through the band.
func TestAlignLongArticle(t *testing.T) {
	var src, tgt strings.Builder
	for i := range 400 {
		if i > 0 {
			src.WriteString(" / ")
			tgt.WriteString(" / ")
		}
		fmt.Fprintf(&src, "Предложение номер %d о погоде в городе.", i)
		if i != 350 {
			fmt.Fprintf(&tgt, "Sentence number %d about the weather in town.", i)
		} else {
			tgt.WriteString("Sentence about the weather.")
		}
	}
	beads := Align(units(src.String()), units(tgt.String()))
	if len(beads) != 400 {
		t.Fatalf("got %d beads, want 400", len(beads))
	}
	for i, b := range beads {
		if len(b.Source) != 1 || len(b.Target) != 1 || b.Source[0] != i || b.Target[0] != i {
			t.Fatalf("bead %d is %s-%s, want %d-%d", i, join(b.Source), join(b.Target), i, i)
		}
	}
}
