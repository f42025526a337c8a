# Sourced (not run) by gen/apertium.sh and mt/regen.sh, which translate their own folders the same way:
# sh has no other means to share code. The sourcing script sets $modes (a temporary folder it removes),
# defines translate PAIR MARKFLAG IN OUT (MARKFLAG: -u, or empty), and calls the two functions below
# from the folder that holds src/ and out/.

# untagged_modes writes $modes/modes/rus-ukr.mode and ukr-rus.mode, and prints them: the installed mode
# with one change. Debian's apertium-tagger 3.8.3 fails on the pair's tagger model (apertium-rus-ukr
# 0.2.1-4: an assertion in perceptron_spec.h, or std::bad_alloc, and no output), so the statistical
# tagger step is dropped and the constraint grammar keeps the first reading left (cg-proc -1 -n: first
# reading, no surface form, as the tagger gives). Dictionaries, lexical selection and transfer rules are
# the pair's own.
untagged_modes() {
	mkdir -p "$modes/modes"
	for pair in rus-ukr ukr-rus; do
		sed -e "s# | apertium-tagger -g \$2 '[^']*\.prob'##" -e 's#cg-proc -w #cg-proc -1 -n -w #' \
			"/usr/share/apertium/modes/$pair.mode" >"$modes/modes/$pair.mode"
		echo "$pair: $(cat "$modes/modes/$pair.mode")" >&2
	done
}

# translate_sources translates every src/NAME.PAIR.txt into out/NAME.txt (translate PAIR -u: unknown
# words unmarked, what a reader gets) and out/NAME.marked.txt (unknown words marked with *, generation
# errors with #, for the record). Each paragraph (line) goes through its own translate call, so that a
# crash of the tagger empties that paragraph and not the whole output; an empty paragraph is reported
# and sets status to 1.
translate_sources() {
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
			translate "$pair" -u "$tmp" "$tmp.u"
			translate "$pair" "" "$tmp" "$tmp.m"
			if [ ! -s "$tmp.u" ]; then
				echo "$src:$n: apertium $pair gave nothing: $line" >&2
				status=1
			fi
			cat "$tmp.u" >>"out/$name.txt"
			cat "$tmp.m" >>"out/$name.marked.txt"
			rm -f "$tmp" "$tmp.u" "$tmp.m"
		done <"$src"
	done
}
