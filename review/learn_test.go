package review_test

import (
	"context"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/database/dbtest"
	"lector/glossary"
	"lector/review"
)

// learnGlossary knows the right forms of three people and one wrong form,
// but not the wrong forms the table teaches.
const learnGlossary = `entry,type,lang,term,status
musk,person,en,Elon Musk,preferred
musk,person,en,Musk,admitted
musk,person,en,Ilon Musk,deprecated
isaacson,person,en,Walter Isaacson,preferred
isaacson,person,en,Isaacson,admitted
isaacson,person,ru,Уолтер Айзексон,preferred
isaacson,person,ru,Айзексон,admitted
milei,person,en,Javier Milei,preferred
milei,person,en,Milei,admitted
trump,person,en,Donald Trump,preferred
trump,person,en,Trump,admitted
`

func learnDB(t *testing.T) (*gorm.DB, map[string]int64) {
	t.Helper()
	db := dbtest.New(t)
	ctx := context.Background()
	entries, err := glossary.ParseCSV(strings.NewReader(learnGlossary), "learn.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := glossary.CreateEntries(ctx, db, entries); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, e := range entries {
		ids[e.Key] = e.ID
	}
	return db, ids
}

func chunks(before, after string) []glossary.DiffChunk {
	var out []glossary.DiffChunk
	for _, op := range review.WordDiff(before, after) {
		out = append(out, glossary.DiffChunk{Op: op.Op, Text: op.Text})
	}
	return out
}

type learnedRow struct {
	Kind, Lang, Form, Key string
	Text                  string
	StartOffset           int
	EndOffset             int
}

func proposals(t *testing.T, db *gorm.DB) []learnedRow {
	t.Helper()
	var rows []learnedRow
	if err := db.Raw(`SELECT p.kind, p.lang, p.form, e.key, v.text, v.start_offset, v.end_offset
FROM glossary_proposals p JOIN glossary_entries e ON e.id = p.entry_id
JOIN glossary_proposal_evidence v ON v.proposal_id = p.id ORDER BY p.id, v.id`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestLearnFromCorrection(t *testing.T) {
	cases := []struct {
		name, lang, before, after string
		want                      []string // "key:form", in order
	}{
		{"one word", "en", "The biography written by Walter Isaxon says so.", "The biography written by Walter Isaacson says so.", []string{"isaacson:Isaxon"}},
		{"bare family name", "en", "Isaxon wrote it.", "Isaacson wrote it.", []string{"isaacson:Isaxon"}},
		{"possessive", "en", "It is Isaxon's book.", "It is Isaacson's book.", []string{"isaacson:Isaxon"}},
		{"possessive inside the change", "en", "It is Isaxon’s book.", "It is the book of Isaacson.", nil},
		{"punctuation", "en", "He met Mileya, twice.", "He met Milei, twice.", []string{"milei:Mileya"}},
		{"quoted", "en", `He met "Mileya".`, `He met "Milei".`, []string{"milei:Mileya"}},
		{"one of two words replaced", "en", "Elon Mask spoke.", "Elon Musk spoke.", []string{"musk:Mask"}},
		{"two words, both replaced", "en", "Ilon Mask spoke.", "Elon Musk spoke.", []string{"musk:Ilon Mask"}},
		{"known wrong form", "en", "Ilon Musk spoke.", "Elon Musk spoke.", nil},
		{"right form replaced by another", "en", "Trump spoke.", "Musk spoke.", nil},
		{"unrelated edit", "en", "The cat sat on the mat.", "The dog sat on the mat.", nil},
		{"name inserted, nothing replaced", "en", "He said so.", "Milei said so.", nil},
		{"rewording, not a misspelling", "en", "The president spoke.", "Milei spoke.", nil},
		{"case only", "en", "MILEI spoke.", "Milei spoke.", nil},
		{"two in one", "en", "Isaxon met Mileya.", "Isaacson met Milei.", []string{"isaacson:Isaxon", "milei:Mileya"}},
		{"other language's forms", "de", "Isaxon schrieb.", "Isaacson schrieb.", nil},
		{"regional tag", "en-GB", "Isaxon wrote.", "Isaacson wrote.", []string{"isaacson:Isaxon"}},
		{"case ending", "ru", "Книга Айзексена вышла.", "Книга Айзексона вышла.", []string{"isaacson:Айзексен"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, _ := learnDB(t)
			_, err := glossary.LearnFromCorrection(context.Background(), db, glossary.FixedLang(c.lang), chunks(c.before, c.after), glossary.Evidence{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range proposals(t, db) {
				if r.Kind != glossary.ProposeDeprecated || r.Text != c.before || r.Text[r.StartOffset:r.EndOffset] != r.Form {
					t.Errorf("proposal %+v: want an add_deprecated one with its form highlighted in %q", r, c.before)
				}
				got = append(got, r.Key+":"+r.Form)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("%q → %q proposed %q, want %q", c.before, c.after, got, c.want)
			}
		})
	}
}
