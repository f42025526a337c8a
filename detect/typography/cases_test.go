package typography

// typoCases is the table for TestTypographyTable: every check, positive and
// negative, in English, Russian, Ukrainian and German.
func typoCases() []typoCase {
	return append(append(typoSpacingCases(), typoPairCases()...), typoBreakCases()...)
}

func typoSpacingCases() []typoCase {
	return []typoCase{
		{"hyphen/high -ranking", "He met high -ranking officials.",
			[]typoExpect{{"space-before-hyphen", "high⟦ -⟧ranking", "-"}}},
		{"hyphen/Kim Jong -in", "Kim Jong -in in North Korea.",
			[]typoExpect{{"space-before-hyphen", "Jong⟦ -⟧in", "-"}}},
		{"hyphen/digit before", "A 5 -year plan.",
			[]typoExpect{{"space-before-hyphen", "5⟦ -⟧year", "-"}}},
		{"hyphen/two spaces are one finding", "super  -secret files.",
			[]typoExpect{{"space-before-hyphen", "super⟦  -⟧secret", "-"}}},
		{"hyphen/russian", "Это сверх -секретно.",
			[]typoExpect{{"space-before-hyphen", "сверх⟦ -⟧секретно", "-"}}},
		{"hyphen/spaced dash is a dash", "Musk talks to Putin - WSJ", nil},
		{"hyphen/dash before a capital", "Musk talks to Putin -WSJ", nil},
		{"hyphen/minus in a number", "Temperatures of -5 degrees. It was -10 at night.", nil},
		{"hyphen/minus at paragraph start", "-5 degrees at dawn.", nil},
		{"hyphen/list markers", "Items:\n- first\n-second\n  -third", nil},
		{"hyphen/double hyphen dash", "He said --quietly-- no.", nil},
		{"hyphen/compound is fine", "The non-Yanfa operators.", nil},

		{"currency/dollar", "It cost $ 45 million.",
			[]typoExpect{{"space-after-currency", "cost ⟦$ ⟧45", "$"}}},
		{"currency/US$", "It cost US$ 5 billion.",
			[]typoExpect{{"space-after-currency", "US⟦$ ⟧5", "$"}}},
		{"currency/euro pound yen rouble hryvnia", "€ 5, £ 3, ¥ 100, ₽ 500 and ₴ 20.",
			[]typoExpect{
				{"space-after-currency", "⟦€ ⟧5", "€"},
				{"space-after-currency", "⟦£ ⟧3", "£"},
				{"space-after-currency", "⟦¥ ⟧100", "¥"},
				{"space-after-currency", "⟦₽ ⟧500", "₽"},
				{"space-after-currency", "⟦₴ ⟧20", "₴"},
			}},
		{"currency/two spaces are one finding", "Only $  5.",
			[]typoExpect{{"space-after-currency", "⟦$  ⟧5", "$"}}},
		{"currency/sign after the number", "It costs 5 $ a day and 7 € a week.", nil},
		{"currency/sign at the end", "Paid in $", nil},
		{"currency/sign before a word", "The $ amount is unknown.", nil},
		{"currency/no-break space is deliberate", "It cost $\u00a05.", nil},
		{"currency/no space", "It cost $5.", nil},

		{"ellipsis/spaced", "Like most things I know about . . . nothing.",
			[]typoExpect{{"spaced-ellipsis", "about ⟦. . .⟧ nothing", "..."}}},
		{"ellipsis/four dots", "He stopped . . . .",
			[]typoExpect{{"spaced-ellipsis", "stopped ⟦. . . .⟧", "...."}}},
		{"ellipsis/unspaced", "He stopped... then went on.", nil},
		{"ellipsis/two dots", "He stopped . . then went on.", nil},
		{"ellipsis/german z. B.", "Man kann z. B. Brot kaufen, u. a. auch Milch.", nil},
		{"ellipsis/initials", "The U. S. A. and J. R. R. Tolkien.", nil},

		{"double/between words", "Two  spaces here.",
			[]typoExpect{{"double-space", "Two⟦  ⟧spaces", " "}}},
		{"double/after a stop in one span", "One.   Two.",
			[]typoExpect{{"double-space", "One.⟦   ⟧Two", " "}}},
		{"double/ukrainian", "Війна  триває.",
			[]typoExpect{{"double-space", "Війна⟦  ⟧триває", " "}}},
		{"double/indentation", "Lines:\n   indented line.", nil},
		{"double/before a line break", "Line one.  \nLine two.", nil},
		{"double/single spaces", "One space only.", nil},
	}
}
