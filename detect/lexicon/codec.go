package lexicon

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// The embedded files are front-coded word lists, gzip-compressed: a header
// line "lexicon 1 LANG COUNT\n", then for each key in byte order one record
// of a byte giving the length of the prefix shared with the previous key
// (at most 255), the rest of the key, and a terminator that is recLower or
// recCapital. Sorted keys share long prefixes (маска, маске, маски), so
// front coding shrinks them to a few bytes each before gzip; the four
// languages take about 2 MB.
const (
	recLower   = '\n' // the source lists the word in lower case
	recCapital = '\v' // the source lists the word only capitalised
	magic      = "lexicon 1 "
)

// Word is one record: a key (see AppendKey) and whether the source lists
// the word in lower case somewhere.
type Word struct {
	Key   string
	Lower bool
}

// Encode writes words, which must be sorted by key without duplicates, as
// the embedded format. Its output depends only on its input (gzip writes no
// time or name), so regenerating unchanged sources changes no file.
func Encode(w io.Writer, lang string, words []Word) error {
	if !slices.IsSortedFunc(words, func(a, b Word) int { return cmp.Compare(a.Key, b.Key) }) {
		return errors.New("lexicon: words are not sorted")
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s%s %d\n", magic, lang, len(words))
	prev := ""
	for _, word := range words {
		k := word.Key
		if k == "" || k == prev || !validKey(k) {
			return fmt.Errorf("lexicon: bad or duplicate key %q", k)
		}
		n := 0
		for n < len(k) && n < len(prev) && n < 255 && k[n] == prev[n] {
			n++
		}
		bw.WriteByte(byte(n))
		bw.WriteString(k[n:])
		if word.Lower {
			bw.WriteByte(recLower)
		} else {
			bw.WriteByte(recCapital)
		}
		prev = k
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// validKey: terminators and other control bytes cannot be part of a key.
func validKey(k string) bool {
	for i := 0; i < len(k); i++ {
		if k[i] < ' ' {
			return false
		}
	}
	return true
}

// Decode reads the embedded format: it calls begin with the language and
// the count of words the header names, stopping if begin fails, then f with
// each key, in order, and whether it is listed in lower case. The key's
// bytes are only valid during the call.
func Decode(r io.Reader, begin func(lang string, count int) error, f func(key []byte, lower bool)) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	// Read whole, then parsed in a plain loop: several times faster than a
	// byte at a time, which matters on the first lookup of a process.
	raw, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	header, body, ok := bytes.Cut(raw, []byte{'\n'})
	if !ok || !bytes.HasPrefix(header, []byte(magic)) {
		return errors.New("lexicon: not a lexicon file")
	}
	fields := bytes.Fields(header[len(magic):])
	if len(fields) != 2 {
		return errors.New("lexicon: bad header")
	}
	n, err := strconv.Atoi(string(fields[1]))
	if err != nil || n < 0 {
		return errors.New("lexicon: bad count")
	}
	if err := begin(string(fields[0]), n); err != nil {
		return err
	}
	key := make([]byte, 0, 64)
	count := 0
	for i := 0; i < len(body); {
		shared := int(body[i])
		if shared > len(key) {
			return errors.New("lexicon: bad prefix length")
		}
		i++
		end := i
		for end < len(body) && body[end] >= ' ' {
			end++
		}
		if end == len(body) {
			return errors.New("lexicon: truncated record")
		}
		if t := body[end]; t != recLower && t != recCapital {
			return errors.New("lexicon: control byte in key")
		}
		key = append(key[:shared], body[i:end]...)
		if len(key) == 0 {
			return errors.New("lexicon: empty key")
		}
		f(key, body[end] == recLower)
		count++
		i = end + 1
	}
	if count != n {
		return fmt.Errorf("lexicon: %d words, header says %d", count, n)
	}
	return nil
}
