// Package lexicon tells whether a word is a word of a language: English,
// German, Russian or Ukrainian, from maintained spelling word lists that
// Debian packages (see SOURCES.md), every inflected form included. The name
// checks use it to tell a mangled name from an ordinary word of the text's
// language ("Schwan" in German is a swan) and to find the
// transliterations of names that are ordinary words (Трамп → "tramp", Кук → "cook").
//
// Each language's list is embedded in the binary, compressed (2.2 MB for
// the four), and loaded on first use into a compact hashed set: about 7
// bytes a word, 21 MB with all four loaded where a map of the same words
// takes 196 MB. A lookup takes 20 to 80 ns when the words recur, and adds
// 60 to 170 ns to reading the word when every lookup misses the caches; the
// first lookup of a language in a process builds its table, 4 ms for
// English to 60 ms for Ukrainian (lexicon_bench_test.go). The lists are
// regenerated from the Debian packages by `make lexicons`; nothing is read
// at run time.
//
// Translations (translations.go) gives the German, Russian and Ukrainian
// nouns and adjectives for an ordinary English word, from Debian's bilingual
// dictionaries (`make translations`): what MT writes for a name that is a
// word (Cook → Koch, повар).
//
// The package is pure: it imports nothing of Lector's and reads no file.
package lexicon

import (
	"bytes"
	"embed"
	"fmt"
	"hash/maphash"
	"sync"
)

//go:embed data
var data embed.FS

// Languages lists the languages with a lexicon.
var languages = [...]string{"de", "en", "ru", "uk"}

// Languages returns the languages For knows, sorted.
func Languages() []string { return languages[:] }

// Lexicon is the set of words of one language. The zero value and the
// lexicon of an unknown language are empty. It is safe for concurrent use;
// the table is built once, on the first lookup, and never changes.
type Lexicon struct {
	lang string
	once sync.Once
	t    table
	n    int

	prefixOnce sync.Once
	prefixes   table        // every key's prefixes up to prefixBytes, built on the first HasPrefix
	quad       *quadLetters // the keys' first four letters, where they are a to z
}

// prefixBytes bounds the prefixes HasPrefix knows: the first 12 bytes of
// every key, some 170,000 English and 480,000 German prefixes (3 MB).
const prefixBytes = 12

// The lexicons, one per language, each built lazily behind its own
// sync.Once; the variables themselves never change.
var (
	lexDE = &Lexicon{lang: "de"}
	lexEN = &Lexicon{lang: "en"}
	lexRU = &Lexicon{lang: "ru"}
	lexUK = &Lexicon{lang: "uk"}
	empty = &Lexicon{}
)

// For returns the lexicon of lang, a language code ("de", "en-GB" is "en");
// an unknown language gets an empty lexicon, whose Has is always false. It
// does not allocate: the name checks call it for every word.
func For(lang string) *Lexicon {
	if len(lang) > 2 && (lang[2] == '-' || lang[2] == '_') {
		lang = lang[:2]
	}
	if len(lang) != 2 {
		return empty
	}
	// Both letters folded to lower case, compared at once.
	switch uint16(lang[0]|0x20)<<8 | uint16(lang[1]|0x20) {
	case 'd'<<8 | 'e':
		return lexDE
	case 'e'<<8 | 'n':
		return lexEN
	case 'r'<<8 | 'u':
		return lexRU
	case 'u'<<8 | 'k':
		return lexUK
	}
	return empty
}

// Lang is the lexicon's language code, "" for the empty lexicon.
func (l *Lexicon) Lang() string { return l.lang }

// Has reports whether word, in any case, is a word of the language: listed
// in the source in lower case, or only capitalised (a proper noun, or in
// German any noun). Keys are folded as AppendKey says; "Maske", "MASKE" and
// "maske" are the same German word.
func (l *Lexicon) Has(word string) bool {
	found, _ := l.lookup(word)
	return found
}

// Common reports whether word is listed in lower case: an ordinary word,
// not only a name ("cook" and "trump" are common in English, "Moscow" is
// not). German capitalises every noun, so there Common holds for the other
// parts of speech only: use Has for German nouns.
func (l *Lexicon) Common(word string) bool {
	found, lower := l.lookup(word)
	return found && lower
}

// HasPrefix reports whether some word of the language begins with prefix
// (folded as AppendKey says). It is a filter: it never says no to the
// prefix of a word, but it knows only the first 12 bytes of each, so it
// answers a longer prefix for its first 12 bytes. The prefixes are built on
// the first call, apart from the words; the empty prefix begins every word.
func (l *Lexicon) HasPrefix(prefix string) bool {
	if l.lang == "" {
		return false
	}
	if prefix == "" {
		return l.Len() > 0
	}
	l.prefixOnce.Do(func() {
		t, q, err := buildPrefixes(l.lang)
		if err != nil {
			panic(err)
		}
		l.prefixes, l.quad = t, q
	})
	var buf [128]byte
	key := AppendKey(buf[:0], prefix)
	if i, ok := quadIndex(key); ok && !l.quad.has(i) {
		return false // the common answer, from 57 KB that stay in the cache
	}
	found, _ := l.prefixes.lookup(key[:min(len(key), prefixBytes)])
	return found
}

// Len is the number of distinct keys.
func (l *Lexicon) Len() int {
	l.load()
	return l.n
}

func (l *Lexicon) lookup(word string) (found, lower bool) {
	if l.lang == "" || word == "" {
		return false, false
	}
	l.load()
	var buf [128]byte
	return l.t.lookup(AppendKey(buf[:0], word))
}

func (l *Lexicon) load() {
	if l.lang == "" {
		return
	}
	l.once.Do(func() {
		t, n, err := build(l.lang)
		if err != nil {
			panic(err) // the embedded data is part of the build; its test reads every file
		}
		l.t, l.n = t, n
	})
}

// build reads lang's embedded file into a table.
func build(lang string) (table, int, error) {
	seed := maphash.MakeSeed()
	var hashes []uint64
	err := decodeEmbedded(lang, func(n int) { hashes = make([]uint64, 0, n) }, func(key []byte, lower bool) {
		h := maphash.Bytes(seed, key) &^ 1
		if lower {
			h |= 1
		}
		hashes = append(hashes, h)
	})
	if err != nil {
		return table{}, 0, err
	}
	return newTable(seed, hashes), len(hashes), nil
}

// buildPrefixes makes the table of lang's key prefixes up to prefixBytes.
// Keys come sorted, so a prefix is new exactly when it is longer than what
// the key shares with the one before: no prefix is hashed twice.
func buildPrefixes(lang string) (table, *quadLetters, error) {
	seed := maphash.MakeSeed()
	var hashes []uint64
	var prev []byte
	quad := new(quadLetters)
	err := decodeEmbedded(lang, func(n int) { hashes = make([]uint64, 0, 2*n) }, func(key []byte, _ bool) {
		if i, ok := quadIndex(key); ok {
			quad.set(i)
		}
		shared := 0
		for shared < len(key) && shared < len(prev) && key[shared] == prev[shared] {
			shared++
		}
		for j := shared + 1; j <= min(len(key), prefixBytes); j++ {
			hashes = append(hashes, maphash.Bytes(seed, key[:j])&^1)
		}
		prev = append(prev[:0], key...)
	})
	if err != nil {
		return table{}, nil, err
	}
	return newTable(seed, hashes), quad, nil
}

// quadLetters is the set of the four-letter beginnings (a to z) of the
// keys, one bit each: the prefixes HasPrefix is asked about are mostly
// romanized name stems, and most of them begin no word.
type quadLetters [26 * 26 * 26 * 26 / 64]uint64

func (q *quadLetters) set(i int)      { q[i/64] |= 1 << (i % 64) }
func (q *quadLetters) has(i int) bool { return q[i/64]&(1<<(i%64)) != 0 }

// quadIndex numbers the first four bytes of key when they are letters a
// to z; a shorter key, or one beginning otherwise, has none.
func quadIndex(key []byte) (int, bool) {
	if len(key) < 4 {
		return 0, false
	}
	i := 0
	for _, c := range key[:4] {
		if c < 'a' || c > 'z' {
			return 0, false
		}
		i = i*26 + int(c-'a')
	}
	return i, true
}

// decodeEmbedded decodes lang's embedded file: begin gets the count of
// words the header names (bounded, so a corrupt header cannot make it
// allocate much), f each key.
func decodeEmbedded(lang string, begin func(n int), f func(key []byte, lower bool)) error {
	raw, err := data.ReadFile("data/" + lang + ".lex.gz")
	if err != nil {
		return fmt.Errorf("lexicon %s: %w", lang, err)
	}
	check := func(got string, n int) error {
		if got != lang {
			return fmt.Errorf("the file is for %q", got)
		}
		begin(min(n, 1<<23))
		return nil
	}
	if err := Decode(bytes.NewReader(raw), check, f); err != nil {
		return fmt.Errorf("lexicon %s: %w", lang, err)
	}
	return nil
}
