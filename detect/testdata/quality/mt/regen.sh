#!/bin/sh
# Regenerates the real machine translations of this folder with Apertium (SOURCES.md, "Real-MT corpus"):
#   src/NAME.PAIR.txt -> out/NAME.txt        apertium -u PAIR: unknown words unmarked (what a reader gets; the tests
#                                            check this file)
#                        out/NAME.marked.txt apertium PAIR: unknown words marked with *, generation errors with #
# PAIR is rus-ukr, ukr-rus, bel-rus, mkd-eng or hbs-eng. Every paragraph (line) goes through its own apertium
# call, so that a crash of the tagger shows as an empty paragraph (reported, exit status 1) and not as an
# empty file.
#
# hbs-eng: the pair reads Latin script only, and the sources are in Cyrillic; the text first goes through the
# pair's own transliteration mode, Cyrl-Latn (apertium-hbs-eng), then hbs-eng.
# rus-ukr, ukr-rus: Debian's apertium-tagger 3.8.3 fails on the pair's tagger model (apertium-rus-ukr 0.2.1-4)
# for every paragraph here (an assertion in perceptron_spec.h, or std::bad_alloc, and no output), as for
# ../gen/apertium.sh. The installed mode is run with one change, made by sed and printed: the statistical
# tagger step is dropped, and the constraint grammar keeps the first reading left (cg-proc -1 -n); the
# runs themselves are ../apertium_paragraphs.sh's, shared with ../gen/apertium.sh.
#
# Needs: apt-get install apertium apertium-rus-ukr apertium-bel-rus apertium-mkd-eng apertium-hbs-eng
# Run from anywhere: sh detect/testdata/quality/mt/regen.sh (make quality-mt-regen). The tests do not run it.
set -eu
. "$(dirname "$0")/../apertium_paragraphs.sh"
cd "$(dirname "$0")"
command -v apertium >/dev/null || { echo "regen.sh: apertium is not installed" >&2; exit 2; }
status=0
modes=$(mktemp -d)
trap 'rm -rf "$modes"' EXIT
mkdir -p out
untagged_modes
translate() { # translate PAIR MARKFLAG IN OUT
	case $1 in
	rus-ukr | ukr-rus) apertium -d "$modes" $2 "$1" "$3" "$4" ;;
	hbs-eng) apertium Cyrl-Latn "$3" "$4.latn" && apertium $2 hbs-eng "$4.latn" "$4" && rm -f "$4.latn" ;;
	*) apertium $2 "$1" "$3" "$4" ;;
	esac
}
translate_sources
exit $status
