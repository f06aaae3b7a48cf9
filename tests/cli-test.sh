#!/bin/sh
# End-to-end tests of the nianbao command line: the real binary on the
# fixtures in data/, its output compared with golden/ files, its exit
# statuses, and the files it writes or refuses to write.
#   cli-test.sh NIANBAO DATA_DIR GOLDEN_DIR
set -u
NIANBAO=$1
DATA=$2
GOLDEN=$3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
checks=0

. "$(dirname "$0")/check-lib.sh"

cd "$DATA" || exit 1

# --- help and usage -------------------------------------------------------
expect_status 0 "$NIANBAO" --help
contains "$WORK/out" "nianbao check"
for cmd in new check render import draft; do
	expect_status 0 "$NIANBAO" "$cmd" --help
	contains "$WORK/out" "用法：nianbao $cmd"
done
expect_status 2 "$NIANBAO"
expect_status 2 "$NIANBAO" frobnicate
contains "$WORK/err" "没有“frobnicate”这个命令"
expect_status 2 "$NIANBAO" check --bogus example-2024.yaml
contains "$WORK/err" "未知的选项 --bogus"
expect_status 2 "$NIANBAO" check
expect_status 2 "$NIANBAO" check --format xml example-2024.yaml
expect_status 0 "$NIANBAO" ch example-2024.yaml # a unique prefix is enough

# --- new --------------------------------------------------------------------
expect_status 0 "$NIANBAO" new --organ 函谷关镇人民政府 --year 2021 -o "$WORK/new.yaml"
expect_status 0 "$NIANBAO" check "$WORK/new.yaml"
contains "$WORK/out" "text.required"
cp "$WORK/new.yaml" "$WORK/new.before"
expect_status 2 "$NIANBAO" new --organ 别的机关 --year 2022 -o "$WORK/new.yaml"
contains "$WORK/err" "已经存在"
same "$WORK/new.yaml" "$WORK/new.before"
expect_status 0 "$NIANBAO" new --organ 别的机关 --year 2022 -o "$WORK/new.yaml" --force
contains "$WORK/new.yaml" "organ: 别的机关"
expect_status 2 "$NIANBAO" new --organ 函谷关镇人民政府 --year 1999
expect_status 2 "$NIANBAO" new --year 2022
expect_status 0 "$NIANBAO" new --organ 函谷关镇人民政府 --year 2021
contains "$WORK/out" "form: gov-info-2021"
expect_status 2 "$NIANBAO" new --organ x --year 2021 -o /nonexistent/dir/x.yaml
contains "$WORK/err" "目录不存在"

# --- check: correct reports, every rule, golden diagnostics -------------
# --list-rules: every rule of the form definition, one a line, in its order,
# with its severity and meaning
FORM_FILE=$(dirname "$0")/../forms/gov-info-2021.yaml
expect_status 0 "$NIANBAO" check --list-rules
sed -n 's/^  - id: //p' "$FORM_FILE" >"$WORK/rule-ids"
awk '{ print $1 }' "$WORK/out" >"$WORK/listed-ids"
same "$WORK/listed-ids" "$WORK/rule-ids"
contains "$WORK/out" "^requests.balance  *error  *表三每一列：第一项加第二项之和，等于第三项加第四项之和$"
contains "$WORK/out" "^text.repeat  *warning  *一、五的文字一半以上与上年相同.*（需要 --previous）$"
[ "$(awk 'NF < 3' "$WORK/out" | wc -l)" -eq 0 ] || fail "--list-rules: a rule without its meaning"
cp "$WORK/out" "$WORK/rules-default"
expect_status 0 "$NIANBAO" check --list-rules --form gov-info-2021
same "$WORK/out" "$WORK/rules-default"
expect_status 2 "$NIANBAO" check --list-rules --form gov-info-1999
contains "$WORK/err" "未知的报告格式“gov-info-1999”"
expect_status 2 "$NIANBAO" check --list-rules example-2024.yaml
contains "$WORK/err" "不检查文件“example-2024.yaml”"
expect_status 2 "$NIANBAO" check --form gov-info-2021 example-2024.yaml
contains "$WORK/err" "只能和 --list-rules 一起用"
expect_status 0 "$NIANBAO" check example-2024.yaml
empty "$WORK/out"
# seed 003's 六 is "无": it does not say whether 信息处理费 was charged
expect_status 0 "$NIANBAO" check seed-003.yaml
contains "$WORK/out" "seed-003.yaml:23:10: warning: “六、其他需要报告的事项”没有写到信息处理费"
[ "$(wc -l <"$WORK/out")" -eq 1 ] || fail "seed-003: more than the one warning of 六"
# seed 000 was published with 六 empty: that warning and nothing else
expect_status 0 "$NIANBAO" check seed-000.yaml
contains "$WORK/out" "seed-000.yaml:17:10: warning: “六、其他需要报告的事项”还没有填写"
[ "$(wc -l <"$WORK/out")" -eq 1 ] || fail "seed-000: more than the one warning of 六"
for f in broken/*.yaml; do
	name=$(basename "$f" .yaml)
	case $name in
	value-count | proactive-fees) want=2 ;;
	text-required) want=0 ;;
	carry-2025) want=0 ;; # consistent in itself; broken only against last year
	*) want=1 ;;
	esac
	expect_status $want "$NIANBAO" check "$f"
	cat "$WORK/out" "$WORK/err" >"$WORK/check-$name.txt"
	same "$WORK/check-$name.txt" "$GOLDEN/check/$name.txt"
done
expect_status 1 "$NIANBAO" check --previous example-2024.yaml broken/carry-2025.yaml
same "$WORK/out" "$GOLDEN/check/carry-2025-previous.txt"
# an acknowledged warning is still said, marked, and lapses when the value changes
sed 's/licensing: 1532/licensing: 200000/' broken/carry-2025.yaml >"$WORK/ack.yaml"
printf 'acknowledged:\n  - {rule: plausibility.change, path: proactive.licensing, reason: 新增审批事项, value: "200000"}\n' >>"$WORK/ack.yaml"
expect_status 1 "$NIANBAO" check --previous example-2024.yaml "$WORK/ack.yaml"
contains "$WORK/out" "“行政许可”为 200000，上年为 1532，变化超过 100 倍：请核对是否填错（已核实：新增审批事项） \[plausibility.change\]"
expect_status 1 "$NIANBAO" check --format json --previous example-2024.yaml "$WORK/ack.yaml"
contains "$WORK/out" '"rule": "plausibility.change", "severity": "warning", "path": "proactive.licensing", "line": 24, "column": 14, "message": "“行政许可”为 200000，上年为 1532，变化超过 100 倍：请核对是否填错（已核实：新增审批事项）"'
sed -i 's/licensing: 200000/licensing: 200001/' "$WORK/ack.yaml"
expect_status 1 "$NIANBAO" check --previous example-2024.yaml "$WORK/ack.yaml"
contains "$WORK/out" "变化超过 100 倍：请核对是否填错 \[plausibility.change\]"
# errors cannot be acknowledged
printf '  - {rule: requests.balance, path: "requests.carried_out[0]", reason: x, value: "1"}\n' >>"$WORK/ack.yaml"
expect_status 2 "$NIANBAO" check "$WORK/ack.yaml"
contains "$WORK/err" "这条规则是错误，不能标为已核实：错误必须改正 \[load.value\]"
# several files: all are checked, the status is the worst
expect_status 2 "$NIANBAO" check example-2024.yaml broken/requests-total.yaml broken/value-count.yaml
contains "$WORK/out" "requests.total"
contains "$WORK/err" "value.count"
expect_status 2 "$NIANBAO" check missing.yaml
contains "$WORK/err" "missing.yaml:1:1: error: 无法打开文件：文件不存在 \[load.file\]"
expect_status 2 "$NIANBAO" check --previous broken/value-count.yaml example-2024.yaml
contains "$WORK/err" "上年报告"

# --- check --format json: one object per file, also for unloadable ones --
expect_status 2 "$NIANBAO" check --format json example-2024.yaml broken/requests-balance.yaml broken/value-count.yaml
checks=$((checks + 1))
if command -v jq >/dev/null; then
	jq -e -s 'length == 3
		and .[0].valid == true and (.[0].diagnostics | length) == 0
		and .[1].valid == false
		and ([.[1].diagnostics[] | select(.rule == "requests.balance") | .path]
		     == ["requests.carried_out[2]", "requests.carried_out[6]"])
		and .[1].diagnostics[0].line == 57 and .[1].diagnostics[0].severity == "error"
		and .[2].valid == false and .[2].diagnostics[0].rule == "value.count"
		and .[2].diagnostics[0].path == "requests.new[0]"
		and .[2].file == "broken/value-count.yaml"' "$WORK/out" >/dev/null ||
		fail "JSON output does not say what it should: $(cat "$WORK/out")"
else
	fail "jq is not installed (scripts/setup installs it)"
fi
expect_status 0 "$NIANBAO" check --format json broken/text-required.yaml
contains "$WORK/out" '"valid": true'
contains "$WORK/out" '"severity": "warning"'
# a long Chinese message is printed whole, as valid UTF-8 and valid JSON
# (the value written is quoted in it: 35 characters, 105 bytes)
long=本年共处理行政许可事项一百二十三件其中当场办结九十八件限时办结二十五件
sed "s/^  licensing: .*/  licensing: $long/" example-2024.yaml >"$WORK/long-message.yaml"
message="“行政许可”应为 0 到 999999999 之间的整数：只能由数字组成（写的是“$long”）"
json_message() { # json_message FILE...: the one message of check --format json, checked
	expect_status 2 "$NIANBAO" check --format json "$@"
	checks=$((checks + 1))
	iconv -f UTF-8 -t UTF-8 "$WORK/out" >/dev/null 2>&1 || fail "JSON of $* is not valid UTF-8"
	checks=$((checks + 1))
	jq -r '.diagnostics[0].message' "$WORK/out" >"$WORK/message" 2>/dev/null ||
		fail "JSON of $* is not valid JSON: $(cat "$WORK/out")"
}
json_message "$WORK/long-message.yaml"
printf '%s\n' "$message" >"$WORK/message.want"
same "$WORK/message" "$WORK/message.want"
expect_status 2 "$NIANBAO" check "$WORK/long-message.yaml"
contains "$WORK/err" ": error: $message \[value.count\]$"
# a value too long to quote whole is cut between characters, and says so
sed "s/^  licensing: .*/  licensing: $long$long/" example-2024.yaml >"$WORK/long-value.yaml"
json_message "$WORK/long-value.yaml"
contains "$WORK/message" "（写的是“${long}本年共处理…”）$"
# quotes, control characters and bytes that are not UTF-8 in a file name
name=$(printf 'odd "name"\\\t\001\377.yaml')
json_message "$WORK/$name"
checks=$((checks + 1))
jq -e --arg f "$WORK/$(printf 'odd "name"\\\t\001')" '.file == $f + "\ufffd.yaml"' \
	"$WORK/out" >/dev/null || fail "file name escaped wrongly in JSON: $(cat "$WORK/out")"

# --- render --text ------------------------------------------------------
for f in seed-000 seed-003 example-2024; do
	expect_status 0 "$NIANBAO" render "$f.yaml" --text "$WORK/$f.txt"
	same "$WORK/$f.txt" "$GOLDEN/$f.txt"
done
expect_status 0 "$NIANBAO" render example-2024.yaml
same "$WORK/out" "$GOLDEN/example-2024.txt"
expect_status 1 "$NIANBAO" render broken/requests-total.yaml --text "$WORK/broken.txt"
contains "$WORK/err" "requests.total"
contains "$WORK/broken.txt" "二、主动公开政府信息情况"
# a report that does not load writes nothing
echo "previous contents" >"$WORK/keep.txt"
expect_status 2 "$NIANBAO" render broken/value-count.yaml --text "$WORK/keep.txt"
contains "$WORK/keep.txt" "previous contents"
# a file nianbao did not write is kept; --force replaces it whole, and no
# temporary file is left beside it
expect_status 2 "$NIANBAO" render seed-000.yaml --text "$WORK/keep.txt"
contains "$WORK/err" "不是 nianbao 由这份报告排出的文件"
contains "$WORK/keep.txt" "previous contents"
expect_status 0 "$NIANBAO" render seed-000.yaml --text "$WORK/keep.txt" --force
# an output never replaces the report it is made from
cp example-2024.yaml "$WORK/victim.yaml"
expect_status 2 "$NIANBAO" render "$WORK/victim.yaml" --pdf "$WORK/victim.yaml"
contains "$WORK/err" "就是输入文件"
expect_status 2 "$NIANBAO" render "$WORK/victim.yaml" --text "$WORK/victim.yaml"
expect_status 0 "$NIANBAO" check "$WORK/victim.yaml"
expect_status 2 "$NIANBAO" render "$WORK/victim.yaml" --text "$WORK/same.out" --pdf "$WORK/same.out"
contains "$WORK/err" "不能写到同一个文件"
same "$WORK/keep.txt" "$GOLDEN/seed-000.txt"
checks=$((checks + 1))
[ -z "$(find "$WORK" -name '.*tmp*')" ] || fail "temporary files left in $WORK"

# --- import: the published seeds, golden stderr, the transcriptions -----
# Seeds 000 and 001 read cleanly; 002, 003 and 004 need the guesses named
# in golden/import/ (status 1, file still written).
for n in 000 001 002 003 004; do
	case $n in 000 | 001) want=0 ;; *) want=1 ;; esac
	expect_status $want "$NIANBAO" import "published/seed-$n.txt" -o "$WORK/seed-$n.yaml"
	grep -v "已写出" "$WORK/err" >"$WORK/import-$n.txt"
	same "$WORK/import-$n.txt" "$GOLDEN/import/seed-$n.txt"
	expect_status 0 "$NIANBAO" check "$WORK/seed-$n.yaml"
	expect_status 0 "$NIANBAO" render "$WORK/seed-$n.yaml" --text "$WORK/seed-$n.imported.txt"
	expect_status 0 "$NIANBAO" render "seed-$n.yaml" --text "$WORK/seed-$n.transcribed.txt"
	same "$WORK/seed-$n.imported.txt" "$WORK/seed-$n.transcribed.txt"
done
contains "$WORK/import-003.txt" "published/seed-003.txt:45:1: warning:"
contains "$WORK/import-003.txt" "“其他”取总计减其余各列，为 0"
contains "$WORK/import-004.txt" "published/seed-004.txt:54:20: warning:"
# never overwrite without --force
cp "$WORK/seed-003.yaml" "$WORK/seed-003.before"
expect_status 2 "$NIANBAO" import published/seed-000.txt -o "$WORK/seed-003.yaml"
contains "$WORK/err" "已经存在"
same "$WORK/seed-003.yaml" "$WORK/seed-003.before"
expect_status 0 "$NIANBAO" import published/seed-000.txt -o "$WORK/seed-003.yaml" --force
contains "$WORK/seed-003.yaml" "organ: 函谷关镇人民政府"
# a published total that does not add up is kept as published and named
# at its place in the text, by the rule it breaks
sed '69s/2/3/' published/seed-003.txt >"$WORK/bad-total.txt"
expect_status 1 "$NIANBAO" import "$WORK/bad-total.txt" -o "$WORK/bad-total.yaml"
contains "$WORK/err" "bad-total.txt:69:24: error: .*为 3.*\[requests.total\]"
contains "$WORK/bad-total.yaml" "total:         \[1, 1, 0, 0, 0, 0, 3\]"
expect_status 1 "$NIANBAO" check "$WORK/bad-total.yaml"
# BOM and CRLF line ends are read as plain UTF-8
{ printf '\357\273\277'; sed 's/$/\r/' published/seed-004.txt; } >"$WORK/crlf.txt"
expect_status 1 "$NIANBAO" import "$WORK/crlf.txt" -o "$WORK/crlf.yaml"
contains "$WORK/err" "按 UTF-8 编码读取"
expect_status 0 "$NIANBAO" render "$WORK/crlf.yaml" --text "$WORK/crlf-render.txt"
expect_status 0 "$NIANBAO" render seed-004.yaml --text "$WORK/seed-004-render.txt"
same "$WORK/crlf-render.txt" "$WORK/seed-004-render.txt"
# the standardized text imports back to the same data (the unit test
# compares every fixture's data; here the bytes of a second rendering)
for f in example-2024 seed-000 seed-003; do
	expect_status 0 "$NIANBAO" import "$GOLDEN/$f.txt" -o "$WORK/back-$f.yaml"
	expect_status 0 "$NIANBAO" render "$WORK/back-$f.yaml" --text "$WORK/back-$f.txt"
	same "$WORK/back-$f.txt" "$GOLDEN/$f.txt"
done
# GBK text is read and said so
if command -v iconv >/dev/null; then
	iconv -f UTF-8 -t GB18030 published/seed-002.txt >"$WORK/gbk.txt"
	expect_status 1 "$NIANBAO" import "$WORK/gbk.txt" -o "$WORK/gbk.yaml"
	contains "$WORK/err" "按 GB18030 编码读取"
	expect_status 0 "$NIANBAO" render "$WORK/gbk.yaml" --text "$WORK/gbk-render.txt"
	expect_status 0 "$NIANBAO" render seed-002.yaml --text "$WORK/seed-002-render.txt"
	same "$WORK/gbk-render.txt" "$WORK/seed-002-render.txt"
else
	fail "iconv is not installed (libc-bin)"
fi
# hostile inputs: a clear error, status 2, and no file
hostile() {
	name=$1
	message=$2
	rm -f "$WORK/hostile.yaml"
	expect_status 2 "$NIANBAO" import "$WORK/$name" -o "$WORK/hostile.yaml"
	contains "$WORK/err" "$message"
	contains "$WORK/err" "没有写出任何文件"
	checks=$((checks + 1))
	[ ! -e "$WORK/hostile.yaml" ] || fail "import of $name wrote a file"
}
# an executable (not $NIANBAO: under memcheck that is a shell script)
head -c 4096 /bin/sh >"$WORK/binary.txt"
hostile binary.txt "不是文本文件"
printf '\377\376\000N\001\060' >"$WORK/utf16.txt"
hostile utf16.txt "UTF-16"
head -c 3000000 /dev/zero | tr '\0' '0' >"$WORK/enormous.txt"
hostile enormous.txt "文件太大"
{
	sed -n '1,44p' published/seed-003.txt
	printf '一、本年新收政府信息公开申请数量'
	i=0
	while [ $i -lt 3000 ]; do printf '\t0'; i=$((i + 1)); done
	printf '\n'
	sed -n '46,$p' published/seed-003.txt
} >"$WORK/many.txt"
hostile many.txt "many.txt:45:1: error: 这一行有 3001 格"
sed '45s/.*/一、本年新收政府信息公开申请数量\t1\t1\t0\t0\t0\t0\t123456789012345678901234567890/' \
	published/seed-003.txt >"$WORK/digits.txt"
hostile digits.txt "digits.txt:45:.*超过了上限 \[value.count\]"
sed '45s/.*/一、本年新收政府信息公开申请数量\t1\t-1\t0\t0\t0\t0\t2/' published/seed-003.txt >"$WORK/negative.txt"
hostile negative.txt "不能是负数"
echo "这只是一封信，不是年度报告。" >"$WORK/letter.txt"
hostile letter.txt "letter.txt:1:1: error: 这不像一份"
# headings only, or cut off before table 三: refused, naming the part
grep -E '^[一二三四五六]、(总体|主动|收到|政府|存在|其他需要)' "$GOLDEN/example-2024.txt" |
	sed '1i示例县人民政府2024年政府信息公开工作年度报告' >"$WORK/headings.txt"
hostile headings.txt "headings.txt:3:1: error: 这不像一份年度报告：“二、主动公开政府信息情况”这一部分只有标题"
sed -n '1,31p;80,$p' "$GOLDEN/example-2024.txt" >"$WORK/cut.txt"
hostile cut.txt "这不像一份年度报告：找不到“三、收到和处理政府信息公开申请情况”这一部分"

# --- import: real published reports and their layouts ---------------------
# every cell of a report file, one "path value" a line: organ, year and
# the tables (proactive, requests, appeals), whatever the file's layout
cells_of() {
	sed 's/ *#.*//' "$1" | awk '
		/^[a-z_]+:/ { top = $1; sub(/:$/, "", top); group = "" }
		top == "organ" || top == "year" { v = $0; sub(/^[a-z_]+: */, "", v); print top, v }
		top !~ /^(proactive|requests|appeals)$/ { next }
		/^  [a-z_]+:/ {
			key = $1; sub(/:$/, "", key); v = $0; sub(/^ *[a-z_]+: */, "", v)
			if (v == "") { group = key "."; next }
			group = ""; gsub(/ /, "", v); print top "." key, v; next
		}
		/^    [a-z_]+:/ {
			key = $1; sub(/:$/, "", key); v = $0; sub(/^ *[a-z_]+: */, "", v)
			gsub(/ /, "", v); print top "." group key, v
		}'
}
# same_cells FILE.yaml EXPECTED.yaml: the same value in every cell
same_cells() {
	cells_of "$1" >"$WORK/cells.got"
	cells_of "$2" >"$WORK/cells.want"
	checks=$((checks + 1))
	[ -s "$WORK/cells.want" ] || fail "no cells in $2"
	cmp -s "$WORK/cells.got" "$WORK/cells.want" ||
		{ fail "$1: cells differ from $2"; diff "$WORK/cells.want" "$WORK/cells.got" >&2; }
}
# the two real reports, from their text, give every hand-read cell; the
# single （六） row of the 2019 layout is read into 3.其他 and said so
for y in 2023 2024; do
	real=published/hongze-qzf-$y
	expect_status 1 "$NIANBAO" import "$real.txt" -o "$WORK/real-$y.yaml"
	same_cells "$WORK/real-$y.yaml" "$real.cells.yaml"
	contains "$WORK/err" "“（六）其他处理”只印了一行.*记入“3.其他”.*\[import.group\]"
	cp "$WORK/err" "$WORK/real-$y.err"
	checks=$((checks + 1))
	! grep -qE '^ *-[0-9]+-$' "$WORK/real-$y.yaml" || fail "$real.txt: page numbers read as text"
done
contains "$WORK/real-2023.err" "hongze-qzf-2023.txt:149:23: error: .*\[appeals.row_sum\]"
# sub-rows numbered 1、 (1) ① or not at all are placed by their words
r23=published/hongze-qzf-2023
for style in comma fullparen paren none circled; do
	case $style in
	comma) sed -E 's/^( +)([1-8])\.([^0-9])/\1\2、\3/' "$r23.txt" ;;
	fullparen) sed -E 's/^( +)([1-8])\.([^0-9])/\1（\2）\3/' "$r23.txt" ;;
	paren) sed -E 's/^( +)([1-8])\.([^0-9])/\1(\2)\3/' "$r23.txt" ;;
	none) sed -E 's/^( +)[1-8]\.([^0-9])/\1\2/' "$r23.txt" ;;
	circled) sed -E 's/^( +)1\./\1①/; s/^( +)2\./\1②/; s/^( +)3\./\1③/; s/^( +)4\./\1④/;
		s/^( +)5\./\1⑤/; s/^( +)6\./\1⑥/; s/^( +)7\./\1⑦/; s/^( +)8\./\1⑧/' "$r23.txt" ;;
	esac >"$WORK/numbered.txt"
	checks=$((checks + 1))
	! grep -qE '^ +[1-8]\.[^0-9]' "$WORK/numbered.txt" || fail "numbering $style not applied"
	expect_status 1 "$NIANBAO" import "$WORK/numbered.txt" -o "$WORK/numbered.yaml" --force
	same_cells "$WORK/numbered.yaml" "$r23.cells.yaml"
done
# the same reports as their portals serve them (a GBK page with navigation,
# scripts and a footer; the tables with merged cells), as Word files
# (merged cells as w:gridSpan and w:vMerge, the page number in
# footer1.xml) and as published, in PDF (cells from the characters' boxes,
# the page numbers -1- left out): every hand-read cell in its cell
for y in 2023 2024; do
	real=published/hongze-qzf-$y
	for format in html docx pdf; do
		expect_status 1 "$NIANBAO" import "$real.$format" -o "$WORK/$format-$y.yaml"
		same_cells "$WORK/$format-$y.yaml" "$real.cells.yaml"
		cp "$WORK/err" "$WORK/$format-$y.err"
		checks=$((checks + 1))
		! grep -qE '首页|主办单位|统计|当前位置|^ *-[0-9]+-$' "$WORK/$format-$y.yaml" ||
			fail "$real.$format: page furniture or page numbers read as text"
	done
	contains "$WORK/html-$y.err" "按 GB18030 编码读取"
	# a group label and its first row stand a character apart, in two cells
	checks=$((checks + 1))
	! grep -q "无法提供 1" "$WORK/pdf-$y.err" || fail "$real.pdf: two cells read as one"
	same "$WORK/docx-$y.yaml" "$WORK/html-$y.yaml"
done
# each deviation names where a clerk finds it in the source: the page, the
# line on it and its height, and the cell (PDF); the table, row and cell,
# at the source line and column of its <td> (web page) or at the count of
# paragraphs and rows (Word); the rules checked on the import say the same
r23=published/hongze-qzf-2023
p="hongze-qzf-2023.pdf"
contains "$WORK/pdf-2023.err" "$p:71:3: warning: 第3页第25行（距页顶 212 毫米）第2格：“2.其他法律行政止公开”"
contains "$WORK/pdf-2023.err" "$p:94:1: warning: 第4页第10行（距页顶 74 毫米）第1格：“（六）其他处理”只印了一行"
contains "$WORK/pdf-2023.err" "$p:105:10: error: 第4页第21行（距页顶 159 毫米）第5格：“行政复议／总计”为 0.*\[appeals.row_sum\]"
contains "$WORK/pdf-2023.err" "$p:105:30: error: 第4页第21行（距页顶 159 毫米）第15格：“行政诉讼／复议后起诉／总计”"
contains "$WORK/pdf-2024.err" "hongze-qzf-2024.pdf:93:1: warning: 第4页第11行（距页顶 81 毫米）第1格：“（六）其他处理”"
p="hongze-qzf-2023.html"
contains "$WORK/html-2023.err" "$p:67:5: warning: 第2张表第24行第2格：“（六）其他处理”只印了一行"
contains "$WORK/html-2023.err" "$p:76:186: error: 第3张表第4行第5格：“行政复议／总计”为 0.*\[appeals.row_sum\]"
checks=$((checks + 1))
iconv -f GB18030 -t UTF-8 "$r23.html" | sed -n 76p | cut -c186-188 | grep -qx '<td' ||
	fail "$p:76:186 is not where the cell's <td> starts"
p="hongze-qzf-2023.docx"
contains "$WORK/docx-2023.err" "$p:51:2: warning: 第2张表第24行第2格：“（六）其他处理”只印了一行"
contains "$WORK/docx-2023.err" "$p:59:15: error: 第3张表第4行第15格：“行政诉讼／复议后起诉／总计”为 0"
# narratives cut into lines by the page (PDF, and its pdftotext -layout
# text, across page breaks too) are rejoined: the same paragraphs as the
# web page gives, each starting as read by hand
narratives() {
	sed -n '/^text:/,/^proactive:/p' "$1" | tr -d ' '
}
for y in 2023 2024; do
	narratives "$WORK/html-$y.yaml" >"$WORK/narr-html"
	for format in pdf real; do
		narratives "$WORK/$format-$y.yaml" >"$WORK/narr-$format"
		same "$WORK/narr-$format" "$WORK/narr-html"
	done
	for key in overview problems other; do
		start=$(sed -n "/^text_starts:/,/^[a-z]/s/^  $key: \"\(.*\)\"/\1/p" \
			published/hongze-qzf-$y.cells.yaml)
		checks=$((checks + 1))
		grep -A1 "^$key:" "$WORK/narr-pdf" | tail -1 | grep -q "^$start" ||
			fail "$y.pdf: $key does not start with $start"
	done
done
checks=$((checks + 1))
[ "$(grep -c '' "$WORK/narr-pdf")" -eq 17 ] || fail "2024.pdf: not 17 lines of narratives"
# a PDF of the standardized text of seed 000, its narratives cut into lines
# of 34 characters (STSong-Light, not embedded), gives what the text gives
"$NIANBAO" render seed-000.yaml --text "$WORK/seed-000.txt" 2>/dev/null
expect_status 0 "$NIANBAO" import "$WORK/seed-000.txt" -o "$WORK/seed-000-text.yaml"
expect_status 0 "$NIANBAO" import pdf/seed-000-wrapped.pdf -o "$WORK/seed-000-pdf.yaml"
same "$WORK/seed-000-pdf.yaml" "$WORK/seed-000-text.yaml"
# a line that ends a sentence, or is short, or is followed by an item or an
# indented line, ends its paragraph; a full line cut inside a sentence not
sed -n '1,/^ *一、总体情况/p' "$r23.txt" >"$WORK/wrap.txt"
cat >>"$WORK/wrap.txt" <<'EOF'
一二三四五六七八九十一二三四五六七八九十一二三四五六七
八九十，这一段折了行。
（一）一二三四五六七八九十一二三四五六七八九十一二三四
1、一二三四五六七八九十一二三四五六七八九十一二三四五
这一行短
一二三四五六七八九十一二三四五六七八九十一二三四五六七
　　这一行缩进，是新的一段。
EOF
sed -n '/^ *二、主动公开/,$p' "$r23.txt" >>"$WORK/wrap.txt"
expect_status 1 "$NIANBAO" import "$WORK/wrap.txt" -o "$WORK/wrap.yaml"
narratives "$WORK/wrap.yaml" | sed -n '/^overview/,/^#五/p' >"$WORK/wrap.got"
cat >"$WORK/wrap.want" <<'EOF'
overview:|-
一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十，这一段折了行。
（一）一二三四五六七八九十一二三四五六七八九十一二三四
1、一二三四五六七八九十一二三四五六七八九十一二三四五这一行短
一二三四五六七八九十一二三四五六七八九十一二三四五六七
　　这一行缩进，是新的一段。
#五、存在的主要问题及改进情况
EOF
same "$WORK/wrap.got" "$WORK/wrap.want"
# plain text needs no words: its line and column say where
checks=$((checks + 1))
! grep -q "第[0-9]*[页张]" "$WORK/real-2023.err" || fail "page or table words for a plain text"
iconv -f GB18030 -t UTF-8 published/hongze-qzf-2023.html | sed 's/charset=gb2312/charset=utf-8/' \
	>"$WORK/utf8.html"
expect_status 1 "$NIANBAO" import "$WORK/utf8.html" -o "$WORK/utf8-html.yaml"
contains "$WORK/err" "按 UTF-8 编码读取"
same_cells "$WORK/utf8-html.yaml" published/hongze-qzf-2023.cells.yaml
sed '/<table/,/<\/table>/d' "$WORK/utf8.html" >"$WORK/no-tables.html"
hostile no-tables.html "这不像一份年度报告："
contains "$WORK/pdf-2023.yaml" "2023 年，洪泽区政府信息公开工作取得一定"
# an owner password alone is no obstacle; one needed to open it is
if command -v qpdf >/dev/null; then
	qpdf --encrypt "" owner 256 -- published/hongze-qzf-2023.pdf "$WORK/owner.pdf"
	expect_status 1 "$NIANBAO" import "$WORK/owner.pdf" -o "$WORK/owner.yaml"
	same_cells "$WORK/owner.yaml" published/hongze-qzf-2023.cells.yaml
	qpdf --encrypt user owner 256 -- published/hongze-qzf-2023.pdf "$WORK/locked.pdf"
	hostile locked.pdf "这个 PDF 需要密码才能打开"
else
	fail "qpdf is not installed"
fi
# a page with no text (as a scan has none)
printf '%%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n' >"$WORK/scan.pdf"
printf '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' >>"$WORK/scan.pdf"
printf '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>> endobj\n' >>"$WORK/scan.pdf"
printf 'trailer <</Root 1 0 R>>\n%%%%EOF\n' >>"$WORK/scan.pdf"
hostile scan.pdf "这个 PDF 没有文字层（可能是扫描件）"
# what is no report in a format it reads: status 2, what to do, no file
printf '\320\317\021\340\241\261\032\341' >"$WORK/old.doc"
head -c 4000 /dev/zero >>"$WORK/old.doc"
hostile old.doc "旧版 Word 的二进制文档（.doc）.*另存为” .docx"
printf 'PK\003\004 broken' >"$WORK/broken.docx"
hostile broken.docx "已损坏"
# a ZIP holding one empty a.txt (stored: its CRC is 0), written byte by byte
{
	printf 'PK\003\004\012\000\000\000\000\000\000\000\041\000'
	printf '\000\000\000\000\000\000\000\000\000\000\000\000\005\000\000\000a.txt'
	printf 'PK\001\002\024\000\012\000\000\000\000\000\000\000\041\000'
	printf '\000\000\000\000\000\000\000\000\000\000\000\000\005\000\000\000\000\000'
	printf '\000\000\000\000\000\000\000\000\000\000\000\000a.txt'
	printf 'PK\005\006\000\000\000\000\001\000\001\000\063\000\000\000\043\000\000\000\000\000'
} >"$WORK/other.zip"
hostile other.zip "不是 Word 文档（.docx）：其中没有 word/document.xml"

# a misprinted or reworded heading still finds its table, with a warning
for heading in 四、政府信息公开行政法复议、行政诉讼情况 四、行政复议和行政诉讼情况; do
	sed "s/四、政府信息公开行政复议、行政诉讼情况/$heading/" "$r23.txt" >"$WORK/heading.txt"
	expect_status 1 "$NIANBAO" import "$WORK/heading.txt" -o "$WORK/heading.yaml" --force
	same_cells "$WORK/heading.yaml" "$r23.cells.yaml"
	contains "$WORK/err" "heading.txt:136:6: warning: “$heading”与正式的标题.*\[import.heading\]"
done
# fees with six decimals are rounded to the form's four, with a warning
sed 's/7730\.28$/5949.088667/' "$r23.txt" >"$WORK/fees.txt"
expect_status 1 "$NIANBAO" import "$WORK/fees.txt" -o "$WORK/fees.yaml"
contains "$WORK/err" "fees.txt:79:.*金额 5949.088667 多于 4 位小数，按四舍五入记为 5949.0887 \[import.round\]"
contains "$WORK/fees.yaml" 'fees: *"5949.0887"'
sed 's/7730\.28$/9.99995/' "$r23.txt" >"$WORK/fees-carry.txt"
expect_status 1 "$NIANBAO" import "$WORK/fees-carry.txt" -o "$WORK/fees-carry.yaml"
contains "$WORK/fees-carry.yaml" 'fees: *"10.0000"'
# an extra column (a 小计 before 总计) is left out of every row alike, even
# where leaving out another number would also add up (1 0 0 0 1 0 1 2)
awk 'NR >= 38 && NR <= 70 && $NF ~ /^[0-9]+$/ && $(NF - 6) ~ /^[0-9]+$/ {
	s = $(NF - 5) + $(NF - 4) + $(NF - 3) + $(NF - 2); sub(/[0-9]+$/, s "  " $NF) } { print }' \
	"$GOLDEN/example-2024.txt" >"$WORK/extra.txt"
expect_status 1 "$NIANBAO" import "$WORK/extra.txt" -o "$WORK/extra.yaml"
same_cells "$WORK/extra.yaml" example-2024.yaml
contains "$WORK/err" "extra.txt:70:.*去掉第 7 个数（1）.*各行都去掉这一个"
sed '56s/.*/    3.补正后申请内容仍不明确  1  0  0  0  1  0  1  2/' "$WORK/extra.txt" >"$WORK/extra2.txt"
expect_status 1 "$NIANBAO" import "$WORK/extra2.txt" -o "$WORK/extra2.yaml"
contains "$WORK/extra2.yaml" "unclear: *\[1, 0, 0, 0, 1, 0, 2\]"

# --- draft: of each seed, from the data file and from the published text --
for n in 000 001 002 003 004; do
	expect_status 0 "$NIANBAO" draft "seed-$n.yaml" -o "$WORK/draft-$n.yaml"
	contains "$WORK/draft-$n.yaml" "draft: true"
	contains "$WORK/draft-$n.yaml" "【待改写】"
	last=$(sed -n 's/^year: \([0-9]*\).*/\1/p' "seed-$n.yaml")
	contains "$WORK/draft-$n.yaml" "^year: $((last + 1)) "
	# the cross-year rules find nothing to carry wrongly
	"$NIANBAO" check --previous "seed-$n.yaml" "$WORK/draft-$n.yaml" >"$WORK/out" 2>&1
	checks=$((checks + 1))
	! grep -q "carry\." "$WORK/out" || fail "draft of seed-$n breaks a cross-year rule"
	case $n in 000 | 001) want=0 ;; *) want=1 ;; esac
	expect_status $want "$NIANBAO" draft "published/seed-$n.txt" -o "$WORK/draft-$n.txt.yaml"
	same "$WORK/draft-$n.txt.yaml" "$WORK/draft-$n.yaml"
done
cp published/seed-002.txt "$WORK/seed-002.md"
expect_status 1 "$NIANBAO" draft "$WORK/seed-002.md" -o "$WORK/draft-002.md.yaml"
same "$WORK/draft-002.md.yaml" "$WORK/draft-002.yaml"
contains "$WORK/draft-002.yaml" "^year: 2023 "
contains "$WORK/draft-003.yaml" "in_force: 36"
contains "$WORK/draft-003.yaml" "【待核实：2021年情况】2021年，湖滨区政府办" # kept, marked
expect_status 2 "$NIANBAO" draft seed-000.yaml -o "$WORK/draft-003.yaml"
contains "$WORK/err" "已经存在"
expect_status 1 "$NIANBAO" check --previous example-2024.yaml broken/carry-2025.yaml
expect_status 0 "$NIANBAO" draft example-2024.yaml -o "$WORK/draft-2025.yaml"
contains "$WORK/draft-2025.yaml" "carried_in:    \[1, 1, 0, 0, 0, 0, 2\]"
# check --previous takes last year's published text as well
expect_status 0 "$NIANBAO" check --previous published/seed-003.txt "$WORK/draft-003.yaml"
contains "$WORK/err" "按 UTF-8 编码读取"
contains "$WORK/err" "published/seed-003.txt:45:1: warning:"
sed 's/^\(  normative: .*in_force: \)36/\140/' "$WORK/draft-003.yaml" >"$WORK/draft-003-wrong.yaml"
expect_status 0 "$NIANBAO" check --previous published/seed-003.txt "$WORK/draft-003-wrong.yaml"
contains "$WORK/out" "carry.in_force"
expect_status 2 "$NIANBAO" check --previous "$WORK/letter.txt" "$WORK/draft-003.yaml"
contains "$WORK/err" "上年报告"
expect_status 2 "$NIANBAO" draft "$WORK/letter.txt" -o "$WORK/never.yaml"
checks=$((checks + 1))
[ ! -e "$WORK/never.yaml" ] || fail "draft of a letter wrote a file"

# --- a path that names a pipe or a device is refused at once, never read ----
mkfifo "$WORK/pipe"
for cmd in "check $WORK/pipe" "import $WORK/pipe -o $WORK/from-pipe.yaml" \
	"draft $WORK/pipe -o $WORK/from-pipe.yaml" "render $WORK/pipe" \
	"check --previous $WORK/pipe example-2024.yaml"; do
	# timeout: a reader that opened the pipe would wait for a writer forever
	# shellcheck disable=SC2086 # the words of cmd are its arguments
	expect_status 2 timeout 10 "$NIANBAO" $cmd
	contains "$WORK/err" "这不是普通文件，而是命名管道"
done
expect_status 2 timeout 10 "$NIANBAO" check /dev/zero
contains "$WORK/err" "这不是普通文件，而是设备"
checks=$((checks + 1))
[ ! -e "$WORK/from-pipe.yaml" ] || fail "a report was written from a pipe"

# --- templates: NIANBAO_TEMPLATES_DIR replaces the built-in wording -----------
TPL="$WORK/templates"
mkdir "$TPL"
cat >"$TPL/draft.yaml" <<'EOT'
# a clerk's own wording
rewrite_mark: "【待改写】本段沿用上年原文，请改写。"
year: "{year}年"
verify_mark: "【待核实】"
year_words: "本年"
EOT
printf 'draft_line: "【样稿】"\nsignature_date: "{year}.{month}.{day}"\n' >"$TPL/text.yaml"
sed 's/2021年以来，湖滨区政府办认真/2021年以来（2021）湖滨区政府办认真/' seed-003.yaml >"$WORK/tpl-last.yaml"
NIANBAO_TEMPLATES_DIR=$TPL expect_status 0 "$NIANBAO" draft "$WORK/tpl-last.yaml" -o "$WORK/tpl-draft.yaml"
contains "$WORK/tpl-draft.yaml" "【待改写】本段沿用上年原文，请改写。"
checks=$((checks + 1))
! grep -q "以下是上年报告的原文" "$WORK/tpl-draft.yaml" || fail "the built-in rewrite mark is still in the draft"
contains "$WORK/tpl-draft.yaml" "【待核实】2021年以来（2021）湖滨区政府办认真" # the phrase {year}年 marks
contains "$WORK/tpl-draft.yaml" "in_force: 36"
# the draft mark and the 落款 date of the standardized text, read back by import
sed 's/^draft: true/draft: true\nissued_on: 2022-01-20/' "$WORK/tpl-draft.yaml" >"$WORK/tpl-dated.yaml"
NIANBAO_TEMPLATES_DIR=$TPL expect_status 0 "$NIANBAO" render "$WORK/tpl-dated.yaml" --text "$WORK/tpl.txt"
checks=$((checks + 1))
[ "$(head -n 1 "$WORK/tpl.txt")" = "【样稿】" ] || fail "the draft line of text.yaml is not the text's first line"
contains "$WORK/tpl.txt" " 2022\.1\.20$"
NIANBAO_TEMPLATES_DIR=$TPL expect_status 0 "$NIANBAO" import "$WORK/tpl.txt" -o "$WORK/tpl-back.yaml"
contains "$WORK/tpl-back.yaml" "^draft: true"
expect_status 0 "$NIANBAO" render "$WORK/tpl-dated.yaml" --text "$WORK/tpl-builtin.txt"
checks=$((checks + 1))
[ "$(head -n 1 "$WORK/tpl-builtin.txt")" = "【草稿】" ] || fail "without the directory the text is not the built-in one"
# the PDF's draft mark and page numbers
if command -v pdftotext >/dev/null 2>&1; then
	printf 'draft_mark: 样稿\npage_number: "第{page}页"\n' >"$TPL/pdf.yaml"
	NIANBAO_TEMPLATES_DIR=$TPL expect_status 0 "$NIANBAO" render "$WORK/tpl-dated.yaml" --pdf "$WORK/tpl.pdf"
	pdftotext "$WORK/tpl.pdf" "$WORK/tpl-pdf.txt"
	contains "$WORK/tpl-pdf.txt" "第1页"
	contains "$WORK/tpl-pdf.txt" "^样$" # across the page, one character a line
	contains "$WORK/tpl-pdf.txt" "2022.1.20"
	rm "$TPL/pdf.yaml"
fi
# a broken template is refused at load, with its place, before anything is written
printf 'rewrite_mark: "【待改写】{organ}"\nyear: "{year}"\n' >"$TPL/draft.yaml"
NIANBAO_TEMPLATES_DIR=$TPL expect_status 2 "$NIANBAO" draft seed-000.yaml -o "$WORK/tpl-never.yaml"
contains "$WORK/err" "^nianbao draft: $TPL/draft.yaml:1:15: 模板“rewrite_mark”中的“{organ}”不认识"
checks=$((checks + 1))
[ ! -e "$WORK/tpl-never.yaml" ] || fail "a draft was written with a broken template"
printf 'rewrite_mark: x\n' >"$TPL/draft.yaml"
NIANBAO_TEMPLATES_DIR=$TPL expect_status 2 "$NIANBAO" render seed-000.yaml
contains "$WORK/err" "$TPL/draft.yaml:1:1: 缺少模板“year”"
rm "$TPL/draft.yaml"
printf 'draft_line: "【样稿】\nsignature_date: x\n' >"$TPL/text.yaml"
NIANBAO_TEMPLATES_DIR=$TPL expect_status 2 "$NIANBAO" render seed-000.yaml
contains "$WORK/err" "$TPL/text.yaml:3:1: YAML 语法错误"
rm "$TPL/text.yaml"
printf 'page_number: "{page}"\n' >"$TPL/pages.yaml"
NIANBAO_TEMPLATES_DIR=$TPL expect_status 2 "$NIANBAO" check seed-000.yaml
contains "$WORK/err" "$TPL/pages.yaml: 不是 nianbao 的模板文件"

# --- a form definition that would crash when used is refused at load -------
# fill: true on a cross-year rule once compiled and then crashed `new`: a new
# report has no last year to fill the total from.
mkdir "$WORK/forms"
awk '{ print } /^  - id: carry.requests$/ { print "    fill: true" }' \
	../../forms/gov-info-2021.yaml >"$WORK/forms/gov-info-2021.yaml"
line=$(grep -n '^    fill: true$' "$WORK/forms/gov-info-2021.yaml" | tail -1 | cut -d: -f1)
for cmd in "new --organ 某某 --year 2025 -o $WORK/fill.yaml" "check example-2024.yaml"; do
	# shellcheck disable=SC2086 # the words of cmd are its arguments
	expect_status 2 env NIANBAO_FORMS_DIR="$WORK/forms" "$NIANBAO" $cmd
	contains "$WORK/err" "表格定义 $WORK/forms/gov-info-2021.yaml:$line:5: 规则 carry.requests 用到上年报告，不能写 fill: true"
done
checks=$((checks + 1))
[ ! -e "$WORK/fill.yaml" ] || fail "new wrote a report with a broken form definition"

echo "cli-test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
