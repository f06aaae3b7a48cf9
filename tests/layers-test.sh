#!/bin/sh
# The layers of src/ and the edges between them, as README.md draws them,
# held against the build: each layer's include path (from CMake) must let
# it include the headers of the layers it may use and must make every
# other header fail to compile; each third-party library's headers are
# included only in the layer that owns it; and the test programs linked
# with one layer load only the shared libraries that layer may bring.
#   layers-test.sh CC SRC LAYER=DIR:DIR... ... -- PROGRAM=FILE ...
set -u
cc=$1 src=$2
shift 2

# The edges: what each layer may include, besides itself.
allowed() {
	case $1 in
	base) echo "" ;;
	model) echo "base" ;;
	import) echo "model base" ;;
	render) echo "model base" ;;
	pdfdoc) echo "base" ;;
	pdf) echo "render model pdfdoc base" ;;
	sign) echo "pdfdoc base" ;;
	tui) echo "pdf render model pdfdoc base" ;;
	xlsx) echo "base" ;;
	docx) echo "render model base" ;;
	ofd) echo "pdf docx render model pdfdoc base" ;;
	cli) echo "tui sign pdf import render model pdfdoc xlsx docx ofd base" ;;
	*) echo "?" ;;
	esac
}

# Which layer alone may include a third-party header (by its path).
owner_of_header() {
	case $1 in
	curses.h | ncurses.h | ncursesw/* | term.h | panel.h) echo tui ;;
	hpdf*.h | hb.h | hb-*.h | fontconfig/* | png.h) echo pdf ;;
	openssl/*) echo sign ;;
	yaml.h) echo model ;;
	linebreak.h | linebreakdef.h | wordbreak.h | graphemebreak.h) echo render ;;
	zlib.h | libdeflate.h) echo pdfdoc ;;
	xlsxwriter.h | xlsxwriter/*) echo xlsx ;;
	zip.h | zipconf.h) echo "docx import" ;;
	libxml/*) echo "docx ofd import" ;;
	poppler.h | poppler/* | glib.h | glib/* | glib-object.h) echo import ;;
	*) echo any ;;
	esac
}

failures=0 checks=0
. "$(dirname "$0")/check-lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

layers=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
	layer=${1%%=*}
	dirs=${1#*=}
	layers="$layers $layer"
	echo "$dirs" | tr ':' '\n' | sed 's/^/-I/' >"$work/$layer.flags"
	shift
done
[ $# -gt 0 ] && shift

for layer in $layers; do
	[ -d "$src/$layer" ] || fail "layer $layer has no folder src/$layer"
	[ "$(allowed "$layer")" != "?" ] || fail "layer $layer is not in this test's table of edges"
done
for dir in "$src"/*/; do
	name=$(basename "$dir")
	case " $layers " in *" $name "*) ;; *) fail "src/$name is not a layer the build knows" ;; esac
done

# 1. Include paths: every header of every layer, from every layer.
for layer in $layers; do
	may=" $layer $(allowed "$layer") "
	for header in "$src"/*/*.h; do
		home=$(basename "$(dirname "$header")")
		name=$(basename "$header")
		# the guard tells our header from a system one of the same name
		# (model/form.h and ncurses' <form.h>)
		guard=$(sed -n 's/^#ifndef \(NIANBAO_[A-Z0-9_]*_H\)$/\1/p' "$header" | head -n 1)
		[ -n "$guard" ] || fail "$home/$name has no include guard NIANBAO_..._H"
		printf '#include "%s"\n#ifndef %s\n#error not ours\n#endif\n' "$name" "$guard" \
			>"$work/probe.c"
		checks=$((checks + 1))
		# shellcheck disable=SC2046
		if "$cc" -std=gnu17 -fsyntax-only $(cat "$work/$layer.flags") "$work/probe.c" \
			2>"$work/err"; then
			case $may in
			*" $home "*) ;;
			*) fail "$layer can include $home/$name: the edge $layer -> $home is not allowed" ;;
			esac
		else
			case $may in
			*" $home "*)
				fail "$layer cannot include $home/$name, which it may use:"
				sed 's/^/  /' "$work/err" | head -5 >&2
				;;
			esac
		fi
	done
done

# 2. Third-party headers only where their library belongs.
for file in "$src"/*/*.c "$src"/*/*.h; do
	layer=$(basename "$(dirname "$file")")
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$file" |
		while read -r header; do
			owner=$(owner_of_header "$header")
			case " $owner " in
			" any " | *" $layer "*) ;;
			*) echo "$file includes <$header>, which belongs to $owner" ;;
			esac
		done >>"$work/foreign"
	checks=$((checks + 1))
done
if [ -s "$work/foreign" ]; then
	fail "third-party headers outside their layer:"
	sed 's/^/  /' "$work/foreign" >&2
fi

# 3. What programs linked with one layer load: LAYER=FILE, where the
# program's name says its layer (test_rules: model ...), given with the
# libraries it must not load.  nianbao itself (program=) loads none of
# the heavy libraries: they are its modules' (module-LAYER=, the
# nianbao-LAYER.so that the program loads when a command needs it), and
# each module loads its own layer's libraries and no other layer's.
heavy="libncursesw libtinfo libhpdf libharfbuzz libfontconfig libfreetype libpng libcrypto"
heavy="$heavy libxml2 libzip libxlsxwriter libglib libpoppler libdeflate"
forbidden_libs() {
	case $1 in
	model | render | import)
		echo "libncursesw libhpdf libharfbuzz libfontconfig libcrypto libxlsxwriter"
		;;
	pdf) echo "libncursesw libcrypto libxlsxwriter" ;;
	sign) echo "libncursesw libhpdf libharfbuzz libfontconfig libyaml" ;;
	tui) echo "libcrypto libxlsxwriter" ;;
	program) echo "$heavy" ;;
	module-pdf) echo "libncursesw libcrypto libxml2 libzip libxlsxwriter libyaml" ;;
	module-tui) echo "libcrypto libxml2 libzip libxlsxwriter libhpdf libharfbuzz libyaml" ;;
	module-sign)
		echo "libncursesw libhpdf libharfbuzz libfontconfig libxml2 libzip libxlsxwriter libyaml"
		;;
	module-docx | module-import)
		echo "libncursesw libhpdf libharfbuzz libfontconfig libcrypto libxlsxwriter libyaml"
		;;
	module-ofd) echo "libncursesw libcrypto libxlsxwriter libhpdf libharfbuzz libyaml" ;;
	module-xlsx)
		echo "libncursesw libhpdf libharfbuzz libfontconfig libcrypto libxml2 libzip libyaml"
		;;
	*) echo "" ;;
	esac
}
for pair in "$@"; do
	layer=${pair%%=*}
	program=${pair#*=}
	needed=$(readelf -d "$program" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
	[ -n "$needed" ] || fail "readelf found no shared library in $program"
	for lib in $(forbidden_libs "$layer"); do
		checks=$((checks + 1))
		case " $(echo $needed) " in
		*" $lib."* | *" $lib-"*) fail "$(basename "$program") (layer $layer) loads $lib" ;;
		esac
	done
done

# 4. The files of the form include one another without a cycle.  A file
# and its header are one part (tui_page.c and tui_page.h are tui_page), so
# a part must not include the header of a part that includes its own;
# what they all share is tui_view.h, which includes none of them.
tui_edges() {
	for file in "$1"/*.c "$1"/*.h; do
		part=$(basename "$file")
		part=${part%.*}
		echo "$part $part" # a part of its own, even with no edge
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)\.h".*/\1/p' "$file" |
			while read -r header; do
				# headers of other layers are section 1's business
				[ -f "$1/$header.h" ] && [ "$header" != "$part" ] && echo "$part $header"
			done
	done
}
checks=$((checks + 1))
if ! tui_edges "$src/tui" | tsort >/dev/null 2>"$work/tsort"; then
	fail "the files of src/tui include one another in a cycle:"
	sed 's/^tsort: /  /' "$work/tsort" >&2
fi

echo "layers: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
