#!/bin/sh
# The modules (src/base/module.h), through the real program: check and
# render --text load none of them nor their libraries; each command that
# needs one loads it, every symbol resolved (dlopen with RTLD_NOW), and
# works; a module that is missing, lacks one of its libraries or is of
# another version is named in a message with what to do, status 2, and
# commands that need no module still work.
#   modules-test.sh NIANBAO DATA CC
set -u
NIANBAO=$1 DATA=$2 CC=$3
# absolute paths: the script changes directory
case $NIANBAO in /*) ;; *) NIANBAO=$PWD/$NIANBAO ;; esac
case $DATA in /*) ;; *) DATA=$PWD/$DATA ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
WORK=$work failures=0 checks=0
. "$(dirname "$0")/check-lib.sh"
example=$DATA/example-2024.yaml
cd "$work" || exit 1

# loaded COMMAND...: runs it with the dynamic loader saying which files it
# opens; their names (one a line) in loaded.txt, its status in $status,
# the program's own error output in err.txt.
loaded() {
	LD_DEBUG=files LD_DEBUG_OUTPUT=$work/ld "$@" >out.txt 2>err.txt
	status=$?
	cat "$work"/ld.* 2>/dev/null | sed -n 's/.*file=\([^ ]*\).*/\1/p' | sort -u >loaded.txt
	rm -f "$work"/ld.*
}

# 1. check and render --text: no module, no heavy library.
for command in "check $example" "render $example --text -" "render $example --html page.html"; do
	# shellcheck disable=SC2086
	loaded "$NIANBAO" $command
	checks=$((checks + 1))
	[ "$status" -eq 0 ] || fail "$command: status $status: $(cat err.txt)"
	for lib in nianbao- libhpdf libharfbuzz libfontconfig libncursesw libcrypto libxml2 libzip \
		libxlsxwriter libpng libglib; do
		checks=$((checks + 1))
		! grep -q "$lib" loaded.txt || fail "$command loads $(grep "$lib" loaded.txt | head -1)"
	done
done

# 2. Each module, by the command that needs it.
uses() { # MODULE STATUS COMMAND...: the command loads nianbao-MODULE.so and ends with STATUS
	module=$1 want=$2
	shift 2
	loaded "$@"
	checks=$((checks + 2))
	grep -q "nianbao-$module.so" loaded.txt || fail "$* did not load nianbao-$module.so"
	[ "$status" -eq "$want" ] || fail "$*: status $status, not $want: $(cat err.txt)"
	! grep -q '模块' err.txt || fail "$*: $(cat err.txt)"
}
uses pdf 0 "$NIANBAO" render "$example" --pdf r.pdf
uses docx 0 "$NIANBAO" render "$example" --docx r.docx
uses ofd 0 "$NIANBAO" render "$example" --ofd r.ofd
uses import 0 "$NIANBAO" import page.html -o from-page.yaml
uses import 0 "$NIANBAO" import r.docx -o from-docx.yaml
uses xlsx 0 "$NIANBAO" summary "$example" -o s.xlsx
# no key: the module is loaded before the key is read
uses sign 2 "$NIANBAO" sign r.pdf --key absent.pem --cert absent.pem -o signed.pdf
contains err.txt absent.pem
# without a terminal the form says so, after loading
uses tui 2 "$NIANBAO" edit r.yaml </dev/null
contains err.txt 终端

# 3. The program alone, without its modules: what needs none works, the
# rest says which module is missing, and where it was looked for.
mkdir alone
cp "$NIANBAO" alone/nianbao
alone/nianbao check "$example" >/dev/null 2>err.txt || fail "check without modules: $(cat err.txt)"
alone/nianbao render "$example" --text alone.txt 2>err.txt || fail "render --text without modules"
alone/nianbao render "$example" --pdf alone.pdf 2>err.txt
status=$?
checks=$((checks + 1))
[ "$status" -eq 2 ] || fail "render --pdf without nianbao-pdf.so: status $status"
contains err.txt "找不到排版 PDF 文件所需的模块"
contains err.txt "$work/alone/nianbao-pdf.so"
[ ! -e alone.pdf ] || fail "render --pdf without its module wrote alone.pdf"
alone/nianbao import page.html -o - >/dev/null 2>err.txt
status=$?
checks=$((checks + 1))
[ "$status" -eq 2 ] || fail "import of a page without nianbao-import.so did not refuse"
contains err.txt "找不到读取网页和 Word 文档所需的模块"

# 4. A module whose library is missing, and a module of another version.
cat >absent.c <<'EOT'
int nianbao_absent(void) { return 0; }
EOT
cat >sign.c <<'EOT'
int nianbao_absent(void);
int nianbao_sign_calls_absent(void) { return nianbao_absent(); }
EOT
cat >xlsx.c <<'EOT'
const struct { const char *stamp; } xlsx_module = {"nianbao 0.0.0"};
EOT
"$CC" -shared -fPIC -o libnianbao-absent.so absent.c &&
	"$CC" -shared -fPIC -o alone/nianbao-sign.so sign.c -L. -lnianbao-absent &&
	"$CC" -shared -fPIC -o alone/nianbao-xlsx.so xlsx.c || fail "cannot build the stand-in modules"
rm -f libnianbao-absent.so
alone/nianbao sign r.pdf --key absent.pem --cert absent.pem -o signed.pdf 2>err.txt
status=$?
checks=$((checks + 1))
[ "$status" -eq 2 ] || fail "sign with a library missing: status $status"
contains err.txt "缺少它所用的库 libnianbao-absent.so"
contains err.txt "apt install libssl3"
alone/nianbao summary "$example" -o s2.xlsx 2>err.txt
status=$?
checks=$((checks + 1))
[ "$status" -eq 2 ] || fail "summary with a module of another version: status $status"
contains err.txt "不是这个版本的 nianbao"
[ ! -e s2.xlsx ] || fail "summary wrote s2.xlsx with a module of another version"

echo "modules: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
