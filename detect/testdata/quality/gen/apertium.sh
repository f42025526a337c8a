#!/bin/sh
# Translates every source text in mt/src with Apertium, as SOURCES.md records:
#   mt/src/NAME.PAIR.txt -> mt/out/NAME.txt (apertium -u PAIR: unknown words unmarked, the article)
#                           mt/out/NAME.marked.txt (apertium PAIR: unknown words marked with *, for the record)
# where PAIR is an Apertium mode (rus-ukr, bel-rus, ukr-rus, hbs-eng). Each line (one paragraph) goes
# through its own apertium call: apertium-tagger 3.8.3 crashes on some inputs, and a crash empties the
# whole output, so a paragraph that comes out empty is reported and must be reworded in the source.
#
# rus-ukr and ukr-rus: Debian's apertium-tagger 3.8.3 fails on the pair's tagger model (apertium-rus-ukr
# 0.2.1-4) for most paragraphs (an assertion in perceptron_spec.h, or std::bad_alloc). For these pairs the
# script runs the installed mode with one change: the statistical tagger step is dropped and the pair's
# constraint grammar keeps the first reading where ambiguity remains (cg-proc -1 -n: first reading, no surface form, as the tagger gives). Dictionaries, lexical
# selection and transfer rules are the pair's own; the mode used is written to $modes and printed.
# Run by hand from detect/testdata/quality/gen: sh apertium.sh
set -eu
cd "$(dirname "$0")/mt"
status=0
modes=$(mktemp -d)
trap 'rm -rf "$modes"' EXIT
mkdir -p "$modes/modes"
for pair in rus-ukr ukr-rus; do
	sed -e "s# | apertium-tagger -g \$2 '[^']*\.prob'##" -e 's#cg-proc -w #cg-proc -1 -n -w #' \
		"/usr/share/apertium/modes/$pair.mode" >"$modes/modes/$pair.mode"
	echo "$pair: $(cat "$modes/modes/$pair.mode")" >&2
done
for src in src/*.txt; do
	base=$(basename "$src" .txt)
	name=${base%.*}
	pair=${base##*.}
	: >"out/$name.txt"
	: >"out/$name.marked.txt"
	n=0
	while IFS= read -r line || [ -n "$line" ]; do
		n=$((n + 1))
		if [ -z "$line" ]; then
			printf '\n' >>"out/$name.txt"
			printf '\n' >>"out/$name.marked.txt"
			continue
		fi
		tmp=$(mktemp)
		printf '%s\n' "$line" >"$tmp"
		case $pair in
		rus-ukr | ukr-rus) dir="-d $modes" ;;
		*) dir="" ;;
		esac
		apertium $dir -u "$pair" "$tmp" "$tmp.u"
		apertium $dir "$pair" "$tmp" "$tmp.m"
		if [ ! -s "$tmp.u" ]; then
			echo "$src:$n: apertium $pair gave nothing: $line" >&2
			status=1
		fi
		cat "$tmp.u" >>"out/$name.txt"
		cat "$tmp.m" >>"out/$name.marked.txt"
		rm -f "$tmp" "$tmp.u" "$tmp.m"
	done <"$src"
done
exit $status
