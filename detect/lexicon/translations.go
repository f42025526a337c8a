package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"sync"
)

// The translations of ordinary English words into German, Russian and
// Ukrainian, from Debian's bilingual dictionaries (SOURCES.md, `make
// translations`): what machine translation writes for a name that is also
// an English word (Cook → Koch, повар; Gates → Tore, ворота). Only nouns
// and adjectives, and only words of four letters or more that the English
// list has in lower case.

// translationLangs are the languages of the table's columns after the
// English word.
var translationLangs = [...]string{"de", "ru", "uk"}

// translationTable is loaded on the first call of Translations; an English
// word maps to its line's columns, split only when asked for.
type translationTable struct {
	once  sync.Once
	words map[string]string
}

var translationsOf = &translationTable{}

// Translations returns the nouns and adjectives that translate the English
// word (any case; "Cook" is "cook") into lang ("de", "ru" or "uk"), in the
// dictionary's order: German as the dictionary writes it (nouns
// capitalised), Russian and Ukrainian in lower case, each in the form
// matching the English word's number (gates → Tore). Nil when the table has
// none. The first call reads the table (0.6 MB compressed; 8 MB allocated
// while it is indexed, BenchmarkLoadTranslations); later ones take a map
// lookup and a split.
func Translations(word, lang string) []string {
	col := -1
	for i, l := range translationLangs {
		if l == lang {
			col = i
		}
	}
	if col < 0 || word == "" {
		return nil
	}
	line, ok := translationLine(word)
	if !ok {
		return nil
	}
	fields := strings.Split(line, "\t")
	if col >= len(fields) || fields[col] == "" {
		return nil
	}
	return strings.Fields(fields[col])
}

// HasTranslations reports whether the table has the English word (any
// case). It does not allocate: the name checks ask it of every English
// family name of a glossary, and few are words.
func HasTranslations(word string) bool {
	_, ok := translationLine(word)
	return ok
}

// translationLine is the table's line of word after the word itself, read
// with the word lowered in a stack buffer. Headwords are ASCII: a word with
// any other letter has none.
func translationLine(word string) (string, bool) {
	translationsOf.once.Do(func() {
		words, err := loadTranslations()
		if err != nil {
			panic(err) // the embedded data is part of the build; its test reads it
		}
		translationsOf.words = words
	})
	var buf [32]byte
	if len(word) > len(buf) {
		return "", false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= 0x80 {
			return "", false
		}
		buf[i] = c
	}
	line, ok := translationsOf.words[string(buf[:len(word)])] // the conversion does not allocate
	return line, ok
}

// loadTranslations reads data/translations.tsv.gz: a header line, then a
// line per English word, its translations in translationLangs' order,
// tab-separated, each column space-separated.
func loadTranslations() (map[string]string, error) {
	raw, err := data.ReadFile("data/translations.tsv.gz")
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(zr)
	if !sc.Scan() || sc.Text() != "translations 1 en de ru uk" {
		return nil, fmt.Errorf("translations.tsv.gz: bad header %q", sc.Text())
	}
	words := map[string]string{}
	for sc.Scan() {
		en, rest, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.Count(rest, "\t") != len(translationLangs)-1 {
			return nil, fmt.Errorf("translations.tsv.gz: bad line %q", sc.Text())
		}
		words[en] = rest
	}
	return words, sc.Err()
}
