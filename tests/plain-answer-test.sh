#!/bin/sh
# Files a clerk may hand to check and edit that are not report files (a
# published report's text, a web page, a Word file, a PDF, a FIFO) get a
# plain answer, the same from check, check --format json, check --previous
# and edit; a report that starts with a UTF-8 BOM loads and saves.
#   plain-answer-test.sh NIANBAO DATA_DIR
set -u
NIANBAO=$1
DATA=$2
case $NIANBAO in /*) ;; *) NIANBAO=$PWD/$NIANBAO ;; esac
case $DATA in /*) ;; *) DATA=$PWD/$DATA ;; esac
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-plain.XXXXXX")
failures=0
checks=0
. "$(dirname "$0")/check-lib.sh"
. "$(dirname "$0")/form-lib.sh"

cleanup() {
	form_stop
	rm -rf "$WORK"
}
trap cleanup EXIT

# expect STATUS TEXT CMD...: CMD exits with STATUS and its output has TEXT.
expect() {
	want=$1
	text=$2
	shift 2
	checks=$((checks + 1))
	timeout 10 "$@" >out.txt 2>&1
	got=$?
	[ "$got" -eq "$want" ] || fail "$* exited $got, not $want: $(cat out.txt)"
	[ -z "$text" ] || grep -qF -- "$text" out.txt || fail "$* did not say \"$text\": $(cat out.txt)"
}

# in_form ARGS...: runs nianbao ARGS in the form's window and waits for it
# to end.
in_form() {
	form_start 120 30 "" "$@"
	wait_for "[exit"
}

cd "$WORK" || exit 1

# --- a published text: by its content, whatever its name ------------------
cp "$DATA/published/seed-001.txt" 去年.txt
cp "$DATA/published/seed-000.txt" published.yaml
"$NIANBAO" render "$DATA/example-2024.yaml" --text standard.txt || fail "render --text"
for f in 去年.txt published.yaml standard.txt; do
	expect 2 "[load.published]" "$NIANBAO" check "$f"
	expect 2 "nianbao import $f -o" "$NIANBAO" check "$f"
done
expect 2 "nianbao import 去年.txt -o 去年.yaml" "$NIANBAO" check 去年.txt
# named .yaml: the advice does not import over the file itself
expect 2 "nianbao import published.yaml -o published-报告.yaml" "$NIANBAO" check published.yaml
expect 2 '"rule": "load.published"' "$NIANBAO" check --format json 去年.txt
expect 2 '"valid": false' "$NIANBAO" check --format json 去年.txt
expect 2 "不是 nianbao 的报告文件" "$NIANBAO" check --previous published.yaml \
	"$DATA/example-2024.yaml"
# in GBK, as offices often publish it (import reads it)
iconv -f UTF-8 -t GB18030 "$DATA/published/seed-002.txt" >gbk.txt
expect 2 "gbk.txt:3:1: error: 这是一份已发布的年度报告文本" "$NIANBAO" check gbk.txt
expect 2 "nianbao import gbk.txt -o gbk.yaml" "$NIANBAO" check gbk.txt
printf 'organ: \327\351\326\257\n' >gbk.yaml # a report file in GBK is still one
expect 2 "[load.encoding]" "$NIANBAO" check gbk.yaml
# a report whose narrative quotes a title and the headings is a report
sed 's/^  overview: |$/  overview: |\n    示例县2023年政府信息公开工作年度报告\n    一、总体情况\n    二、主动公开政府信息情况/' \
	"$DATA/example-2024.yaml" >quotes.yaml
grep -q "^    一、总体情况" quotes.yaml || fail "quotes.yaml was not made"
expect 0 "" "$NIANBAO" check quotes.yaml

# --- other documents, by their first bytes ---------------------------------
printf '%%PDF-1.4\n%%\342\343\317\323\n' >报告.pdf
printf 'PK\003\004\024\000\006\000' >报告.docx
printf '\320\317\021\340\241\261\032\341\000\000' >报告.doc
printf '\357\273\277<!DOCTYPE html>\n<html><body>年度报告</body></html>\n' >报告.html
printf '<HTML>\n' >"old page.htm"
expect 2 "这是一个 PDF 文件" "$NIANBAO" check 报告.pdf
expect 2 "nianbao import 报告.pdf -o 报告.yaml" "$NIANBAO" check 报告.pdf
expect 2 "Word 文档（.docx）" "$NIANBAO" check 报告.docx
expect 2 "另存为 .docx" "$NIANBAO" check 报告.doc
expect 2 "这是一个网页（HTML）" "$NIANBAO" check 报告.html
expect 2 "nianbao import 'old page.htm' -o 'old page.yaml'" "$NIANBAO" check "old page.htm"
expect 2 '"rule": "load.published"' "$NIANBAO" check --format json 报告.pdf

# --- the form says the same, and nothing is created -------------------------
for f in 去年.txt 报告.docx; do
	in_form edit "$f"
	wait_for "[exit 2]"
	wait_for "[load.published]"
	wait_for "nianbao import $f"
	checks=$((checks + 1))
	! screen | grep -q "请先改正上面的问题" || fail "edit $f asked to correct a published report"
done
checks=$((checks + 1))
[ ! -e .去年.txt.recovery ] || fail "edit of a published text left a recovery file"

# --- a FIFO is refused at once, by check and by edit -----------------------
mkfifo pipe.yaml
expect 2 "命名管道" "$NIANBAO" check pipe.yaml
in_form edit pipe.yaml
wait_for "[exit 2]"
wait_for "命名管道"

# --- a UTF-8 BOM right before the first key --------------------------------
printf '\357\273\277' >bom.yaml
grep -v '^#' "$DATA/example-2024.yaml" >>bom.yaml
head -c 8 bom.yaml | grep -q "form" || fail "bom.yaml does not start with its first key"
expect 0 "" "$NIANBAO" check bom.yaml
expect 0 '"valid": true' "$NIANBAO" check --format json bom.yaml
printf '\357\273\277from: gov-info-2021\n' >bombad.yaml
expect 2 "bombad.yaml:1:1: error: 未知的键“from”" "$NIANBAO" check bombad.yaml
# the form opens it; a save writes it back without the BOM, same data
form_start 100 30 "" edit bom.yaml
wait_for "示例县人民政府2024年"
keys C-s
wait_for "已保存到"
keys F10
wait_for "[exit 0]"
checks=$((checks + 1))
[ "$(head -c 3 bom.yaml | od -An -tx1 | tr -d ' ')" != "efbbbf" ] ||
	fail "the save kept the BOM"
"$NIANBAO" render bom.yaml --text bom.txt && "$NIANBAO" render "$DATA/example-2024.yaml" --text ex.txt
checks=$((checks + 1))
cmp -s bom.txt ex.txt || fail "the report saved from bom.yaml is not the same report"

echo "plain-answer-test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
