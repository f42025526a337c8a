package lexicon

import (
	"bytes"
	"compress/gzip"
	"testing"
)

// FuzzDecode: Decode never panics, and what it accepts is well formed: keys
// that are not empty and have no control bytes, as many as the header says.
// The fuzzer's bytes are the uncompressed stream, gzipped here, so that
// they reach the record parser.
func FuzzDecode(f *testing.F) {
	var seed bytes.Buffer
	if err := Encode(&seed, "xx", []Word{{"ab", true}, {"abc", false}, {"b", true}}); err != nil {
		f.Fatal(err)
	}
	zr, err := gzip.NewReader(&seed)
	if err != nil {
		f.Fatal(err)
	}
	var plain bytes.Buffer
	if _, err := plain.ReadFrom(zr); err != nil {
		f.Fatal(err)
	}
	f.Add(plain.Bytes())
	f.Add([]byte("lexicon 1 xx 1\n\x00a\n"))
	f.Add([]byte("lexicon 1 xx 2\n\x00ab\n\x05c\v"))
	f.Fuzz(func(t *testing.T, stream []byte) {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(stream)
		zw.Close()
		var want, got int
		err := Decode(&z, func(_ string, n int) error { want = n; return nil }, func(key []byte, _ bool) {
			got++
			if !validKey(string(key)) || len(key) == 0 {
				t.Errorf("bad key %q", key)
			}
		})
		if err == nil && got != want {
			t.Errorf("decoded %d keys, header says %d", got, want)
		}
	})
}
