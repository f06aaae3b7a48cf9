#!/bin/sh
# nianbao render --html, through the real program.
#   html-test.sh page NIANBAO DATA      the page: labels, spans, every number, escaping,
#                                       the template and its refusals
#   html-test.sh import NIANBAO DATA    import of the page gives the same values
#                                       (skipped, 77, while import does not read HTML)
#   html-test.sh chromium NIANBAO DATA  headless Chromium lays it out (skipped, 77,
#                                       without /usr/bin/chromium); SCREENSHOT=FILE keeps
#                                       the picture
set -u
mode=$1 nianbao=$2 data=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
. "$(dirname "$0")/check-lib.sh"
finish() {
	[ "$failures" -eq 0 ] && echo "html $mode: all passed"
	[ "$failures" -eq 0 ]
	exit $?
}
cd "$work" || exit 1
example=$data/example-2024.yaml
"$nianbao" render "$example" --html page.html || fail "render --html exits $?"

. "$here/report-values.sh"
# The <td> values of a page, one a line.
cells_of() {
	sed 's/<td>/\n<td>/g' "$1" | sed -n 's/^<td>\([^<]*\)<\/td>.*/\1/p'
}

case $mode in
page)
	head -n 1 page.html | grep -q '^<!DOCTYPE html>$' || fail "no doctype"
	grep -q '<meta charset="utf-8">' page.html || fail "UTF-8 is not declared"
	grep -qi '<script' page.html && fail "the page has a script"
	grep -qiE ' (src|href)=' page.html && fail "the page loads something beside it"
	grep -q '@media print' page.html || fail "no print style"
	[ "$(grep -c '<table' page.html)" -eq 6 ] || fail "not six tables"
	grep -q '<title>示例县人民政府2024年政府信息公开工作年度报告</title>' page.html || fail "title"
	for h in 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 \
		四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 六、其他需要报告的事项; do
		grep -q "<h2>$h</h2>" page.html || fail "heading $h"
	done
	grep -q "<caption>第二十条第（一）项</caption>" page.html || fail "no caption 第二十条第（一）项"
	for label in 信息内容 本年制发件数 行政事业性收费 申请人情况 法人或其他组织 \
		自然人 社会公益组织 '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' \
		'3.危及“三安全一稳定”' 四、结转下年度继续办理 行政复议 未经复议直接起诉 复议后起诉 尚未审结; do
		grep -q ">$label</th>" page.html || fail "no header cell $label"
	done
	# the group rows and header groups span as in the printed form
	grep -q '<th class="row" scope="rowgroup" rowspan="22">三、本年度办理结果</th>' page.html ||
		fail "三、本年度办理结果 does not span its 22 rows"
	grep -q 'rowspan="8">（三）不予公开</th>' page.html || fail "（三）不予公开 does not span 8 rows"
	grep -q 'colspan="2">（一）予以公开</th>' page.html || fail "（一）予以公开 does not span 2 columns"
	grep -q 'colspan="6">申请人情况</th>' page.html || fail "申请人情况 does not span 6 columns"
	grep -q 'colspan="5">法人或其他组织</th>' page.html || fail "法人或其他组织 does not span 5"
	grep -q 'colspan="10">行政诉讼</th>' page.html || fail "行政诉讼 does not span 10 columns"
	# every number of the report, in the order of the form
	numbers_of "$example" >want
	cells_of page.html >got
	[ "$(wc -l <want)" -gt 100 ] || fail "too few numbers in the summary"
	cmp -s want got || fail "the page's numbers differ from the report's: $(diff want got | head -5)"
	grep -q '<p class="signature">示例县人民政府<br>' page.html || fail "no 落款"
	"$nianbao" render "$example" --html again.html
	cmp -s page.html again.html || fail "two pages of one report differ"

	# every text of the report is escaped
	sed -e 's/^organ: .*/organ: "<b>局\&\\"'"'"'"/' \
		-e 's/^  overview: |$/  overview: |\n    <script>alert(1)<\/script> \& <img src=x>/' \
		"$example" >hostile.yaml
	"$nianbao" render hostile.yaml --html hostile.html 2>err || fail "hostile report: $(cat err)"
	grep -qi '<script' hostile.html && fail "a narrative's <script> is not escaped"
	grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x&gt;' hostile.html ||
		fail "the narrative is not escaped as expected"
	grep -q '<title>&lt;b&gt;局&amp;&quot;&#39;2024年' hostile.html || fail "the organ in <title>"
	grep -q '<meta name="author" content="&lt;b&gt;局&amp;&quot;&#39;">' hostile.html ||
		fail "the organ in an attribute"

	# a draft says so
	sed 's/^draft: false/draft: true/' "$example" >draft.yaml
	"$nianbao" render draft.yaml --html draft.html
	grep -q '<p class="draft">【草稿】</p>' draft.html || fail "a draft's page has no 【草稿】"

	# the page template: replaced by NIANBAO_TEMPLATES_DIR/report.html, refused when wrong
	mkdir tpl
	printf '<!DOCTYPE html>\n<title>{{title}}</title>\n<p>{{organ}}/{{year}}</p>\n{{body}}\n' \
		>tpl/report.html
	NIANBAO_TEMPLATES_DIR=$work/tpl "$nianbao" render "$example" --html own.html ||
		fail "own template: status $?"
	grep -q '^<p>示例县人民政府/2024</p>$' own.html || fail "own template not used"
	grep -q '<h2>一、总体情况</h2>' own.html || fail "own template: no body"
	printf '<p>{{organ}}</p>\n<p>{{nope}}</p>\n{{body}}\n' >tpl/report.html
	NIANBAO_TEMPLATES_DIR=$work/tpl "$nianbao" render "$example" --html bad.html 2>err
	[ $? -eq 2 ] || fail "a template with {{nope}} is not refused"
	grep -q 'report.html:2:4: .*{{nope}}' err || fail "the refusal does not say where: $(cat err)"
	[ -e bad.html ] && fail "a page was written with a bad template"
	NIANBAO_TEMPLATES_DIR=$work/tpl "$nianbao" render "$example" --html bad.html --text t.txt 2>err
	[ $? -eq 2 ] && [ ! -e t.txt ] || fail "with a bad page template, the text was written all the same"
	printf '<p>{{title}}</p>\n' >tpl/report.html
	NIANBAO_TEMPLATES_DIR=$work/tpl "$nianbao" render "$example" --html bad.html 2>err
	[ $? -eq 2 ] && grep -q '{{body}}' err || fail "a template without {{body}} is not refused"

	# refusals: the report itself, two outputs in one file
	cp "$example" self.yaml
	"$nianbao" render self.yaml --html self.yaml 2>err
	[ $? -eq 2 ] && cmp -s self.yaml "$example" || fail "--html replaced the report"
	"$nianbao" render "$example" --html same.out --text same.out 2>err
	[ $? -eq 2 ] || fail "--html and --text into one file is not refused"
	# --html alone writes no text to stdout
	"$nianbao" render "$example" --html only.html >stdout
	[ -s stdout ] && fail "render --html also printed the text"
	;;

import)
	"$nianbao" import page.html -o back.yaml 2>err
	status=$?
	if [ $status -eq 2 ]; then
		if "$nianbao" import --help 2>&1 | grep -qi html; then
			fail "import reads HTML but refuses render --html's page: $(head -3 err)"
		else
			echo "import does not read HTML yet: skipped"
			exit 77
		fi
	fi
	same_values "$example" back.yaml "import of the page"
	;;

chromium)
	[ -x /usr/bin/chromium ] || {
		echo "no /usr/bin/chromium: skipped"
		exit 77
	}
	chromium() {
		timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu \
			--disable-background-networking --disable-component-update --disable-sync \
			--no-first-run --user-data-dir="$(mktemp -d "$work/profile.XXXXXX")" "$@" \
			"file://$work/page.html" 2>chromium.err
	}
	chromium --screenshot="$work/page.png" --window-size=1000,3000 >/dev/null ||
		fail "chromium failed: $(tail -3 chromium.err)"
	[ "$(head -c 8 page.png | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] ||
		fail "the screenshot is not a PNG"
	[ "$(od -An -tu1 -j16 -N8 page.png | tr -s ' ')" = " 0 0 3 232 0 0 11 184" ] ||
		fail "the screenshot is not 1000x3000"
	# a page of Chinese text and ruled tables compresses to far more than a blank one
	[ "$(wc -c <page.png)" -gt 100000 ] || fail "the screenshot looks empty"
	[ -n "${SCREENSHOT:-}" ] && cp page.png "$SCREENSHOT"
	# the browser's DOM keeps every table and cell (nothing dropped by the parser)
	chromium --dump-dom >dom.html || fail "chromium --dump-dom failed"
	[ "$(grep -o '<table' dom.html | wc -l)" -eq 6 ] || fail "Chromium sees not six tables"
	[ "$(grep -o '<td>' dom.html | wc -l)" -eq "$(grep -o '<td>' page.html | wc -l)" ] ||
		fail "Chromium sees another number of cells"
	grep -q 'rowspan="22"' dom.html || fail "Chromium lost the rowspan"
	;;
*)
	echo "html-test.sh: unknown mode $mode" >&2
	exit 2
	;;
esac
finish
