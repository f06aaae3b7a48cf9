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
for cmd in new check render; do
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
expect_status 0 "$NIANBAO" check example-2024.yaml seed-000.yaml seed-003.yaml
empty "$WORK/out"
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
# outputs are replaced whole, and no temporary file is left beside them
expect_status 0 "$NIANBAO" render seed-000.yaml --text "$WORK/keep.txt"
same "$WORK/keep.txt" "$GOLDEN/seed-000.txt"
checks=$((checks + 1))
[ -z "$(find "$WORK" -name '.*tmp*')" ] || fail "temporary files left in $WORK"

echo "cli-test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
