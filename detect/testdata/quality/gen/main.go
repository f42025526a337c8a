// Command gen builds the quality corpora of detect/testdata/quality from
// their hand-written sources. It is run by hand, never by the tests, from the
// module root:
//
//	go run ./detect/testdata/quality/gen glossary   # corpus_glossary.csv from people.csv, places.csv and CLDR
//	go run ./detect/testdata/quality/gen truth      # corpus/<lang>/*.txt and *_truth.json from ann/<lang>/*.ann
//	go run ./detect/testdata/quality/gen mt         # mt/truth/*_truth.json from mt/ann/*.ann (the real-MT corpus)
//
// The tests read only what it writes, so a reader can check a truth file
// against its article without running anything; SOURCES.md says where every
// text and name comes from.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	dir := flag.String("dir", "detect/testdata/quality", "the quality test data folder")
	cldr := flag.String("cldr", "/usr/share/unicode/cldr/common/main", "CLDR's common/main folder (Debian's unicode-cldr-core)")
	flag.Parse()
	var err error
	switch flag.Arg(0) {
	case "glossary":
		err = writeGlossary(*dir, *cldr)
	case "truth":
		err = writeTruth(*dir)
	case "mt":
		err = writeMTTruth(*dir)
	default:
		err = fmt.Errorf("usage: gen [-dir D] [-cldr C] glossary|truth|mt")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
