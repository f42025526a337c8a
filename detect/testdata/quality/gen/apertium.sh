#!/bin/sh
# Translates every source text in mt/src with Apertium, as SOURCES.md records:
#   mt/src/NAME.PAIR.txt -> mt/out/NAME.txt (apertium -u PAIR: unknown words unmarked, the article)
#                           mt/out/NAME.marked.txt (apertium PAIR: unknown words marked with *, for the record)
# where PAIR is an Apertium mode (rus-ukr, bel-rus, ukr-rus, hbs-eng). Each line (one paragraph) goes
# through its own apertium call: apertium-tagger 3.8.3 crashes on some inputs, and a crash empties the
# whole output, so a paragraph that comes out empty is reported and must be reworded in the source.
#
# rus-ukr and ukr-rus: Debian's apertium-tagger 3.8.3 fails on the pair's tagger model (apertium-rus-ukr
# 0.2.1-4) for most paragraphs. For these pairs the script runs the installed mode without the
# statistical tagger step, as ../apertium_paragraphs.sh says; the mode used is printed.
# Run by hand from detect/testdata/quality/gen: sh apertium.sh
set -eu
. "$(dirname "$0")/../apertium_paragraphs.sh"
cd "$(dirname "$0")/mt"
status=0
modes=$(mktemp -d)
trap 'rm -rf "$modes"' EXIT
untagged_modes
translate() { # translate PAIR MARKFLAG IN OUT
	case $1 in
	rus-ukr | ukr-rus) apertium -d "$modes" $2 "$1" "$3" "$4" ;;
	*) apertium $2 "$1" "$3" "$4" ;;
	esac
}
translate_sources
exit $status
