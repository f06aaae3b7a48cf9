#!/bin/sh
# End-to-end tests of what keeps a draft from leaving as a final document:
# the text.placeholder rule on real wording, the final gate of sign and
# render --final (status 1, the list of what to fix, nothing written), and
# what draft keeps and marks in last year's narratives.
#   final-test.sh NIANBAO DATA_DIR KEYS_DIR
set -u
absolute() {
	case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac
}
NIANBAO=$(absolute "$1")
DATA=$(absolute "$2")
K=$(absolute "$3")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-final.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
checks=0
unset NIANBAO_KEY_PASSWORD
export SOURCE_DATE_EPOCH=1700000000

. "$(dirname "$0")/check-lib.sh"

lacks() {
	checks=$((checks + 1))
	! grep -q -- "$2" "$1" || { fail "$1 has \"$2\""; grep -- "$2" "$1" | head -3 >&2; }
}

absent() {
	checks=$((checks + 1))
	[ ! -e "$1" ] || fail "$1 was written"
}

cd "$WORK" || exit 1
GOOD="--key $K/key.pem --cert $K/cert.pem"

# replace FILE OLD NEW: FILE with the first OLD replaced by NEW (literal).
replace() {
	grep -qF -- "$2" "$1" || fail "replace: $1 lacks $2"
	OLD=$2 NEW=$3 perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$1"
}

# --- no false alarm: the seeds and the real reports as published ------------
for f in "$DATA"/published/*.txt "$DATA"/real/*.txt; do
	name=$(basename "$f" .txt)
	"$NIANBAO" import "$f" -o "$name.yaml" >/dev/null 2>&1
	[ -s "$name.yaml" ] || { fail "import $f wrote nothing"; continue; }
	"$NIANBAO" check "$name.yaml" >"$WORK/out" 2>&1
	lacks "$WORK/out" "text.placeholder"
	lacks "$WORK/out" "text.rewrite"
done
for f in "$DATA"/*.yaml; do
	"$NIANBAO" check "$f" >"$WORK/out" 2>&1
	lacks "$WORK/out" "text.placeholder"
done

# --- each stand-in, in a sentence of a seed, is named by check -----------------
# (a warning while writing: check's status stays 0)
SENTENCE="2021年，函谷关镇人民政府全年未收到政府信息公开申请。"
for stand_in in "XX镇人民政府" "××镇人民政府" "xx镇人民政府" "某某镇人民政府" \
	"函谷关镇人民政府（待补充）" "函谷关镇人民政府待填写" "函谷关镇人民政府（此处填写）" \
	"函谷关镇人民政府（ ）" "函谷关镇人民政府（　　）" "函谷关镇人民政府(  )"; do
	cp "$DATA/seed-000.yaml" stand-in.yaml
	replace stand-in.yaml "2021年，函谷关镇人民政府全年" "2021年，${stand_in}全年"
	expect_status 0 "$NIANBAO" check stand-in.yaml
	contains "$WORK/out" "stand-in.yaml:[0-9]*:[0-9]*: warning: .*\[text.placeholder\]"
	expect_status 1 "$NIANBAO" sign stand-in.yaml $GOOD -o stand-in.pdf
	contains "$WORK/err" "stand-in.yaml:[0-9]*:[0-9]*: error: .*\[text.placeholder\]"
	absent stand-in.pdf
done
grep -q "$SENTENCE" "$DATA/seed-000.yaml" || fail "seed-000.yaml lacks the sentence the stand-ins go in"

# --- the final gate of sign and render --final ---------------------------------
# a correct report signs and renders as final
expect_status 0 "$NIANBAO" sign "$DATA/example-2024.yaml" $GOOD -o final.pdf
checks=$((checks + 1))
pdfsig final.pdf 2>&1 | grep -q "Signature is Valid" || fail "final.pdf is not validly signed"
expect_status 0 "$NIANBAO" render --final "$DATA/example-2024.yaml" --pdf final-render.pdf
empty "$WORK/err"
[ -s final-render.pdf ] || fail "render --final wrote no PDF of a final report"

# a draft: draft: true and 【待改写】 block it, each named with file:line:column
expect_status 0 "$NIANBAO" draft "$DATA/seed-000.yaml" -o draft.yaml
expect_status 1 "$NIANBAO" sign draft.yaml $GOOD -o draft.pdf
contains "$WORK/err" "^draft.yaml:7:8: error: 报告还标着草稿（draft: true）.*\[report.draft\]"
contains "$WORK/err" "^draft.yaml:[0-9]*:[0-9]*: error: “一、总体情况”还留着“【待改写】”标记.*\[text.rewrite\]"
contains "$WORK/err" "^draft.yaml:[0-9]*:[0-9]*: error: “一、总体情况”里还有“【待核实”.*\[text.placeholder\]"
contains "$WORK/err" "nianbao sign: draft.yaml 还不是定稿：先改正上面标为 error 的"
lacks "$WORK/out" "已用"
absent draft.pdf
expect_status 1 "$NIANBAO" render --final draft.yaml --pdf draft.pdf --text draft.txt
contains "$WORK/err" "\[report.draft\]"
contains "$WORK/err" "nianbao render: draft.yaml 还不是定稿"
absent draft.pdf
absent draft.txt
# without --final a draft is rendered, its PDF marked 草稿 on every page
expect_status 0 "$NIANBAO" render draft.yaml --pdf draft.pdf
checks=$((checks + 1))
pdftotext draft.pdf - 2>/dev/null | grep -q "草" || fail "the draft's PDF lacks its 草稿 mark"
# and a bare PDF is signed as given: a PDF does not say which report it is
expect_status 0 "$NIANBAO" sign draft.pdf $GOOD -o draft-signed.pdf

# draft: false but the marks kept: still refused, the marks named
cp draft.yaml marked.yaml
replace marked.yaml "draft: true" "draft: false"
expect_status 1 "$NIANBAO" sign marked.yaml $GOOD -o marked.pdf
lacks "$WORK/err" "report.draft"
contains "$WORK/err" "error: .*\[text.rewrite\]"
absent marked.pdf
# a warning that is not a stand-in does not block: 六 may be empty
cp "$DATA/example-2024.yaml" required.yaml
perl -0pi -e "s/  problems: \\|\\n(    .*\\n)*/  problems: ''\\n/" required.yaml
expect_status 0 "$NIANBAO" sign required.yaml $GOOD -o required.pdf
contains "$WORK/err" "warning: .*\[text.required\]"
[ -s required.pdf ] || fail "a report with a warning only was not signed"
# an error rule blocks it, and nothing is written
cp "$DATA/broken/requests-balance.yaml" broken.yaml
expect_status 1 "$NIANBAO" sign broken.yaml $GOOD -o broken.pdf
contains "$WORK/err" "^broken.yaml:[0-9]*:[0-9]*: error: .*\[requests.balance\]"
absent broken.pdf
expect_status 1 "$NIANBAO" render --final broken.yaml --pdf broken.pdf
absent broken.pdf
# without --final render writes a broken report as before (status 1)
expect_status 1 "$NIANBAO" render broken.yaml --pdf broken.pdf
[ -s broken.pdf ] || fail "render without --final wrote no PDF"

# --- draft keeps last year's facts as written and marks them -----------------
for f in "$DATA"/seed-00*.yaml "$DATA"/published/*.txt "$DATA"/real/*.txt; do
	name=next-$(basename "$f" | sed 's/\.[a-z]*$//')
	"$NIANBAO" draft "$f" -o "$name.yaml" >/dev/null 2>&1
	[ -s "$name.yaml" ] || { fail "draft $f wrote nothing"; continue; }
	# every mark is one the gate sees: check names it, sign refuses it
	expect_status 0 "$NIANBAO" check "$name.yaml"
	contains "$WORK/out" "\[text.rewrite\]"
	contains "$WORK/out" "“【待核实”.*\[text.placeholder\]"
	expect_status 1 "$NIANBAO" sign "$name.yaml" $GOOD -o "$name.pdf"
	absent "$name.pdf"
done
# a dated fact stays as it was, and its sentence is marked
contains next-seed-000.yaml "【待核实：2021年情况】2021年，函谷关镇党委、政府高度重视"
contains next-seed-000.yaml "【待核实：2021年情况】三是主动回应社会关切，加强舆论引导，如2021年4月7日河南"
lacks next-seed-000.yaml "2022年4月7日"
lacks next-seed-000.yaml "2022年，函谷关镇"
contains next-seed-004.yaml "【待核实：2021年情况】2021 年，章古台镇按照省、市县统一部署"
contains next-hongze-qzf-2023.yaml "【待核实：2023年情况】2023 年，洪泽区人民政府坚持"
contains next-hongze-qzf-2023.yaml "主义思想为指导，全面贯彻落实《条例》相关规范要求，不断完"
lacks next-hongze-qzf-2023.yaml "2024 年"
# a 《》 title and a document number of last year are names: kept, unmarked
cp "$DATA/seed-000.yaml" titled.yaml
TITLED="根据《灵宝市2021年政务公开工作要点》和国办公开办函〔2021〕30号的要求，编制本报告。"
replace titled.yaml "  other: \"\"" "  other: $TITLED"
expect_status 0 "$NIANBAO" draft titled.yaml -o next-titled.yaml
contains next-titled.yaml "^    $TITLED\$"
# once rewritten and marked final, the draft signs
perl -0pi -e 's/【待改写】[^\n]*\n *//g; s/【待核实：.*?】//g; s/2021年/2022年/g;
	s/draft: true/draft: false/' next-seed-000.yaml
expect_status 0 "$NIANBAO" sign next-seed-000.yaml $GOOD -o next-seed-000.pdf
[ -s next-seed-000.pdf ] || fail "the rewritten draft was not signed"

echo "final-test: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
