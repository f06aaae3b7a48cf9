#!/bin/sh
# nianbao's whole-process benchmark, and what a clerk would use instead to
# turn the standardized text into a PDF (paps, LibreOffice), in one run:
#   bench-compare.sh NIANBAO TOOLS_DIR DATA_DIR [FILES [ROUNDS [PEERS]]]
# TOOLS_DIR holds nianbao-bench, nianbao-bench-form, nianbao-bench-run and
# nianbao-bench-text-loss (build/tests).  FILES (default 10000) report
# files are checked in one call and one call each; every other figure is
# the median of ROUNDS runs (default 20).  PEERS=no leaves out paps and
# LibreOffice.  It measures, it does not judge: the figures go in README.
set -u
# absolute paths: the script changes directory
absolute() { (cd "$(dirname "$1")" && printf '%s/%s' "$(pwd)" "$(basename "$1")"); }
NIANBAO=$(absolute "$1")
TOOLS=$(absolute "$2")
DATA=$(absolute "$3")
FILES=${4:-10000}
ROUNDS=${5:-20}
PEERS=${6:-yes}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RUN="$TOOLS/nianbao-bench-run"
status=0

# row WHAT ROUNDS COMMAND...: one table row from nianbao-bench-run
row() {
	what=$1
	rounds=$2
	shift 2
	set -- $("$RUN" "$rounds" "$@")
	if [ $# -ne 4 ]; then
		echo "bench: $what could not be measured" >&2
		status=1
		return
	fi
	printf '| %-46s | %10s ms | %10s ms | %8s KB |\n' "$what" "$1" "$2" "$3"
	last_median=$1
}

echo "## In process (nianbao-bench, nianbao-bench-form)"
"$TOOLS/nianbao-bench" "$NIANBAO" "$DATA" "$ROUNDS" || status=1
"$TOOLS/nianbao-bench-form" "$DATA/example-2024.yaml" $((ROUNDS * 10)) || status=1
echo
echo "## Whole processes ($FILES files; others: median of $ROUNDS runs)"
echo "| what                                           |     median    |    slowest    | peak memory |"
echo "|------------------------------------------------|---------------|---------------|-------------|"
row "nianbao-bench-form (keystrokes), whole run" 1 "$TOOLS/nianbao-bench-form" "$DATA/example-2024.yaml" $((ROUNDS * 10))
row "nianbao-bench (rules, load, render), whole run" 1 "$TOOLS/nianbao-bench" "$NIANBAO" "$DATA" "$ROUNDS"

# FILES copies of the example, written by the shell itself (no process each)
mkdir "$WORK/many"
example=$(cat "$DATA/example-2024.yaml")
i=0
while [ $i -lt "$FILES" ]; do
	printf '%s\n' "$example" >"$WORK/many/r$i.yaml"
	i=$((i + 1))
done
cd "$WORK/many" || exit 1
row "check $FILES files in one call" 3 "$NIANBAO" check $(ls)
one_call=$last_median
row "check $FILES files, one call each (sh loop)" 1 sh -c \
	'for f in *.yaml; do "$0" check "$f" >/dev/null || exit 1; done' "$NIANBAO"
loop=$last_median
cd "$DATA" || exit 1
row "check example-2024.yaml" "$ROUNDS" "$NIANBAO" check example-2024.yaml
row "render --text example-2024.yaml" "$ROUNDS" "$NIANBAO" render example-2024.yaml --text "$WORK/ex.txt"
render=$last_median
row "import published/seed-004.txt -o -" "$ROUNDS" "$NIANBAO" import published/seed-004.txt -o -
row "new -o (written and flushed)" "$ROUNDS" "$NIANBAO" new --organ 示例县人民政府 --year 2025 -o "$WORK/new.yaml" --force
awk -v a="$one_call" -v b="$loop" -v n="$FILES" 'BEGIN {
	printf "per file: %.3f ms in one call, %.3f ms one call each (%.1f times as long)\n", a / n, b / n, b / a }'

echo
echo "## The same standardized text to PDF: what else a clerk could use"
if [ "$PEERS" = no ]; then
	echo "(paps and LibreOffice left out of this run)"
	exit $status
fi
"$NIANBAO" render "$DATA/example-2024.yaml" --text "$WORK/report.txt" || exit 1
echo "input: the standardized text of example-2024.yaml, $(wc -c <"$WORK/report.txt") bytes"
echo "| tool                                   |    median    | peak memory |  PDF size  | characters lost (pdftotext) | time / render --text |"
echo "|----------------------------------------|--------------|-------------|------------|-----------------------------|----------------------|"
lost() {
	if ! command -v pdftotext >/dev/null 2>&1; then
		echo "pdftotext absent"
		return
	fi
	pdftotext "$1" "$WORK/back.txt" 2>/dev/null
	"$TOOLS/nianbao-bench-text-loss" "$WORK/report.txt" "$WORK/back.txt" |
		awk '{ printf "%d of %d (%.1f%%)", $1, $2, $2 ? 100 * $1 / $2 : 0 }'
}
peer() {
	what=$1
	rounds=$2
	pdf=$3
	shift 3
	set -- $("$RUN" "$rounds" "$@")
	if [ ! -s "$pdf" ] || [ "$4" -ne 0 ]; then
		printf '| %-38s | failed (status %s) |\n' "$what" "${4:-?}"
		return
	fi
	printf '| %-38s | %9s ms | %8s KB | %7s KB | %s | %s |\n' "$what" "$1" "$3" \
		$(($(wc -c <"$pdf") / 1024)) "$(lost "$pdf")" "$(awk -v a="$1" -v b="$render" 'BEGIN { printf "%.0f", a / b }')"
}
peer "nianbao render --pdf" "$ROUNDS" "$WORK/nianbao.pdf" \
	"$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/nianbao.pdf"
if command -v paps >/dev/null 2>&1 && command -v ps2pdf >/dev/null 2>&1; then
	peer "paps, then ps2pdf (paps $(dpkg-query -W -f='${Version}' paps 2>/dev/null))" "$ROUNDS" \
		"$WORK/paps.pdf" sh -c 'paps "$1" | ps2pdf - "$2"' sh "$WORK/report.txt" "$WORK/paps.pdf"
else
	echo "| paps | absent: install paps and ghostscript (ps2pdf) to measure it |"
fi
if command -v soffice >/dev/null 2>&1; then
	profile="file://$WORK/lo-profile"
	lo() {
		soffice -env:UserInstallation="$profile" --headless \
			--infilter="Text (encoded):UTF8,LF,,," --convert-to pdf --outdir "$WORK/lo" "$WORK/report.txt"
	}
	lo >/dev/null 2>&1 # the first start makes the profile
	peer "LibreOffice $(dpkg-query -W -f='${Version}' libreoffice-writer-nogui 2>/dev/null) --headless --convert-to pdf" 3 "$WORK/lo/report.pdf" \
		soffice -env:UserInstallation="$profile" --headless \
		--infilter="Text (encoded):UTF8,LF,,," --convert-to pdf --outdir "$WORK/lo" "$WORK/report.txt"
else
	echo "| LibreOffice | absent: install libreoffice-writer-nogui to measure it |"
fi
exit $status
