#!/bin/sh
# What a clerk gets installed, through the real build.
#   install-test.sh install BUILD DATA: cmake --install into a fresh prefix;
#     the installed program checks the example and reads the installed
#     fonts/roles.conf (not the source tree's), the man page formats, the
#     forms, templates and launcher are there.
#   install-test.sh desktop BUILD DATA: the installed launcher passes
#     desktop-file-validate (77 without desktop-file-utils).
#   install-test.sh deb BUILD DATA: cpack -G DEB; the package's fields,
#     its Depends all installed here, and the program unpacked from it (dpkg
#     -x into a directory, the machine's own dpkg database untouched)
#     checks the example and says its version.
set -u
mode=$1 build=$2 data=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
WORK=$work failures=0 checks=0
. "$(dirname "$0")/check-lib.sh"
example=$data/example-2024.yaml
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
unset NIANBAO_FONTS_DIR NIANBAO_FORMS_DIR NIANBAO_TEMPLATES_DIR

# The installed program under root ROOT, with prefix PREFIX inside it.
check_program() { # ROOT PREFIX
	bin=$1$2/bin/nianbao
	[ -x "$bin" ] || { fail "no $bin"; return; }
	out=$("$bin" check "$example" 2>&1) || fail "installed check of the example: $? $out"
	[ -z "$out" ] || fail "installed check printed: $out"
	got=$("$bin" --version) || fail "installed --version failed"
	case $got in *"$version"*) ;; *) fail "--version says '$got', not $version" ;; esac
	# the modules, under lib/ (lib/x86_64-linux-gnu/ for /usr), found from bin/
	for module in pdf tui sign docx ofd xlsx import; do
		find "$1$2/lib" -path "*/nianbao/nianbao-$module.so" | grep -q . ||
			fail "nianbao-$module.so not installed under $1$2/lib"
	done
	out=$("$bin" edit "$work/new.yaml" </dev/null 2>&1)
	case $out in *终端*) ;; *) fail "the installed form's module: $out" ;; esac
	"$bin" render "$example" --pdf "$work/out.pdf" --docx "$work/out.docx" --ofd "$work/out.ofd" ||
		fail "installed render --pdf --docx --ofd failed"
	[ -s "$work/out.pdf" ] || fail "installed render --pdf wrote nothing"
	# The fonts come from the installed roles.conf: naming a font that does
	# not exist there makes the PDF fail, naming the installed file.
	conf=$1$2/share/nianbao/fonts/roles.conf
	cp "$conf" "$work/roles.conf.keep"
	sed -i 's/^\(body *= *\).*/\1没有这种字体/' "$conf"
	out=$("$bin" render "$example" --pdf "$work/bad.pdf" 2>&1) && fail "a broken installed roles.conf was not read"
	case $out in *"$conf"*) ;; *) fail "the message does not name the installed roles.conf: $out" ;; esac
	cp "$work/roles.conf.keep" "$conf"
	for f in forms/gov-info-2021.yaml templates/text.yaml templates/draft.yaml \
		templates/pdf.yaml templates/report.html; do
		[ -s "$1$2/share/nianbao/$f" ] || fail "share/nianbao/$f not installed"
	done
	NIANBAO_FORMS_DIR=$1$2/share/nianbao/forms NIANBAO_TEMPLATES_DIR=$1$2/share/nianbao/templates \
		"$bin" check "$example" || fail "the installed forms and templates do not load as overrides"
	grep -q '^Exec=nianbao edit %f$' "$1$2/share/applications/nianbao.desktop" ||
		fail "no launcher share/applications/nianbao.desktop that runs nianbao edit"
}

case $mode in
install)
	cmake --install "$build" --prefix "$work/p" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
	check_program "" "$work/p"
	page=$work/p/share/man/man1/nianbao.1
	[ -s "$page" ] || fail "no man page $page"
	head=$(MANWIDTH=80 man -l "$page" 2>/dev/null | head -n 12)
	case $head in *nianbao*edit*) ;; *) fail "man -l of the installed page: $head" ;; esac
	;;
desktop)
	command -v desktop-file-validate >/dev/null || {
		echo "no desktop-file-validate (desktop-file-utils): skipped"
		exit 77
	}
	cmake --install "$build" --prefix "$work/p" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
	out=$(desktop-file-validate "$work/p/share/applications/nianbao.desktop" 2>&1) ||
		fail "desktop-file-validate: $out"
	[ -z "$out" ] || fail "desktop-file-validate warns: $out"
	;;
deb)
	command -v dpkg-shlibdeps >/dev/null || { fail "no dpkg-shlibdeps (dpkg-dev)"; exit 1; }
	(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out") \
		>"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
	deb=$(ls "$work"/out/nianbao_*.deb 2>/dev/null)
	[ -n "$deb" ] && [ -f "$deb" ] || { cat "$work/log"; fail "cpack made no .deb"; exit 1; }
	field() { dpkg-deb --field "$deb" "$1"; }
	[ "$(field Package)" = nianbao ] || fail "Package: $(field Package)"
	[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), not $version"
	case $(field Maintainer) in *?@?*) ;; *) fail "Maintainer: $(field Maintainer)" ;; esac
	description=$(field Description)
	case $description in *政府信息公开*) ;; *) fail "no Chinese description" ;; esac
	case $description in *"annual report"*) ;; *) fail "no English description" ;; esac
	depends=$(field Depends)
	# the modules' libraries too: dpkg-shlibdeps reads every shared object
	for lib in libc6 libyaml-0-2 libncursesw6 libhpdf libssl3 libharfbuzz libfontconfig1 \
		libxml2 libzip4 libxlsxwriter fonts-arphic-gbsn00lp; do
		case $depends in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
	done
	# Every dependency (some alternative of each) is installed here, as on
	# the Debian 12 machine the package is for.
	echo "$depends" | tr ',' '\n' | while read -r group; do
		ok=no
		for alt in $(echo "$group" | tr '|' '\n' | sed 's/(.*//; s/ //g'); do
			dpkg-query -W -f='${Status}' "$alt" 2>/dev/null | grep -q "install ok installed" && ok=yes
		done
		[ $ok = yes ] || echo "$group"
	done >"$work/unmet"
	[ -s "$work/unmet" ] && fail "Depends not installed here: $(cat "$work/unmet")"
	dpkg-deb --contents "$deb" | grep >/dev/null '\./usr/share/man/man1/nianbao\.1' ||
		fail "the package lacks the man page"
	dpkg -x "$deb" "$work/root" || fail "dpkg -x failed"
	check_program "$work/root" /usr
	;;
*)
	echo "usage: install-test.sh install|desktop|deb BUILD DATA" >&2
	exit 2
	;;
esac
[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "install-test $mode: ok"
