package segment

import (
	"testing"
)

// FuzzSplit checks the Span contract on arbitrary input, including invalid
// UTF-8: no panic, offsets in bounds and on rune boundaries, spans ordered
// and non-overlapping, Text equal to the slice and trimmed.
//
//	go test ./review -run '^$' -fuzz FuzzSplit -fuzztime 60s
func FuzzSplit(f *testing.F) {
	seeds := []string{
		"", "Hello World. My name is Jonas.", "At 5 a.m. Mr. Smith went to the bank. He left at 6 P.M.",
		"Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.",
		"• 9. The first item • 10. The second item", "1.) The first item 2.) The second item",
		"features\ncontact manager\nevents, activities\n", "compounds. . . . The practice was not abandoned. . . .",
		"Her email is Jane.Doe@example.com. Visit https://www.example.50.com/a.html. Go.",
		"«Куда ты?» — спросил он. В 2022 г. Путин и т.д. Потом ушёл.", "Am 3. Oktober kam Dr. Müller, z. B. mit „Kuchen.“ Dann ging er.",
		"else. \" During\n\n\" With", "\xff\xfe. \xe2\x80\xa6\xa6 B\xc2", "これはペンです。それはマーカーです。", "a\r\n\r\nb. C.\u2028D\u00a0. E",
	}
	for _, s := range seeds {
		f.Add(s, "en")
	}
	f.Add("Т. Г. Шевченко народився в 1814 р. Він писав.", "uk")
	f.Add("Er kam am 3. Oktober und am 4. November.", "de")
	f.Fuzz(func(t *testing.T, text, lang string) {
		if len(text) > MaxTextBytes {
			t.Skip()
		}
		spans, err := Split(text, lang)
		if err != nil {
			t.Fatalf("Split: %v", err)
		}
		checkSpans(t, text, spans)
	})
}
