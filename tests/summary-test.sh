#!/bin/sh
# nianbao summary, through the real program: one row per report with the
# counts check gives, every number of the form in its column, a total row;
# CSV with a BOM, XLSX with numbers stored as numbers; unreadable files as
# rows; the refusals.  With BENCH=1 as well: 1,000 reports in at most 5
# times the time check takes on them.  With libreoffice as third argument,
# only: LibreOffice Calc opens the XLSX and reads the same values as the
# CSV has (skipped, 77, without soffice and Calc).
#   summary-test.sh NIANBAO DATA [libreoffice]
set -u
nianbao=$1 data=$2 mode=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
. "$(dirname "$0")/check-lib.sh"
cd "$work" || exit 1
example=$data/example-2024.yaml

# A field of a CSV line by header name (no field before it holds a comma).
column_of() {
	head -n 1 "$1" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//' | tr ',' '\n' | grep -n -x -F "$2" |
		cut -d: -f1
}
field() { # FILE ROW COLUMN-NUMBER
	sed -n "$2p" "$1" | tr -d '\r' | cut -d, -f"$3"
}

if [ "$mode" = libreoffice ]; then
	command -v soffice >/dev/null 2>&1 && ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1 || {
		echo "no LibreOffice Calc (soffice, libreoffice-calc-nogui): skipped"
		exit 77
	}
	cp "$data"/broken/requests-total.yaml .
	printf 'form: gov-info-2021\norgan: [\n' >bad.yaml
	"$nianbao" summary "$example" requests-total.yaml bad.yaml -o out.xlsx
	"$nianbao" summary "$example" requests-total.yaml bad.yaml -o out.csv
	timeout 300 soffice --headless --norestore -env:UserInstallation=file://"$work"/profile \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir lo out.xlsx >lo.log 2>&1
	[ -s lo/out.csv ] || fail "LibreOffice did not open out.xlsx: $(tail -3 lo.log)"
	# the same cells, quoting aside (LibreOffice quotes every text)
	tr -d '\r' <out.csv | sed '1s/^\xEF\xBB\xBF//; s/"//g' >ours.csv
	tr -d '\r' <lo/out.csv | sed 's/"//g' >theirs.csv
	cmp -s ours.csv theirs.csv || fail "LibreOffice reads other values: $(diff ours.csv theirs.csv | head -6)"
	[ "$failures" -eq 0 ] && echo "summary libreoffice: all passed"
	exit "$failures"
fi

# 1. CSV: header, one row per file, counts as check counts them.
cp "$data"/broken/requests-total.yaml "$data"/broken/text-required.yaml .
printf 'form: gov-info-2021\norgan: [\n' >bad.yaml
"$nianbao" summary "$example" requests-total.yaml text-required.yaml bad.yaml -o out.csv
[ $? -eq 1 ] || fail "summary with a broken and an unreadable report should exit 1"
[ "$(head -c 3 out.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "CSV has no UTF-8 BOM"
[ "$(wc -l <out.csv)" -eq 6 ] || fail "CSV should have header, 4 reports, total: $(wc -l <out.csv)"
grep -q "$(printf '\r$')" out.csv || fail "CSV lines do not end in CRLF"
for label in 文件 发布机关 报告年度 错误数 警告数 说明 规章／本年制发件数 \
	'（三）不予公开／1.属于国家秘密／自然人' '行政诉讼／复议后起诉／总计' \
	'行政事业性收费（万元）' '四、结转下年度继续办理／总计'; do
	[ -n "$(column_of out.csv "$label")" ] || fail "CSV header lacks $label"
done
errors=$(column_of out.csv 错误数) warnings=$(column_of out.csv 警告数)
row=2
for f in "$example" requests-total.yaml text-required.yaml bad.yaml; do
	json=$("$nianbao" check --format json "$f" 2>/dev/null)
	want_e=$(echo "$json" | jq '[.diagnostics[] | select(.severity == "error")] | length')
	want_w=$(echo "$json" | jq '[.diagnostics[] | select(.severity == "warning")] | length')
	[ "$(field out.csv $row "$errors")" = "$want_e" ] ||
		fail "$f: errors $(field out.csv $row "$errors"), check counts $want_e"
	[ "$(field out.csv $row "$warnings")" = "$want_w" ] ||
		fail "$f: warnings $(field out.csv $row "$warnings"), check counts $want_w"
	row=$((row + 1))
done
sed -n 5p out.csv | grep -q '无法读取' || fail "the unreadable file's row does not say why"
[ "$(field out.csv 2 "$(column_of out.csv 发布机关)")" = 示例县人民政府 ] || fail "organ of row 1"
[ "$(field out.csv 2 "$(column_of out.csv 报告年度)")" = 2024 ] || fail "year of row 1"
[ "$(field out.csv 2 "$(column_of out.csv 行政规范性文件／本年制发件数)")" = 6 ] ||
	fail "行政规范性文件／本年制发件数 of the example is not 6"
fees=$(column_of out.csv '行政事业性收费（万元）')
want_fees=$(sed -n 's/^ *fees: "\{0,1\}\([0-9.]*\)"\{0,1\}.*/\1/p' "$example")
[ "$(field out.csv 2 "$fees")" = "$want_fees" ] || fail "fees $(field out.csv 2 "$fees") != $want_fees"

# the total row: every number column is the sum over the reports that load
[ "$(field out.csv 6 1)" = 合计 ] || fail "last row is not 合计"
ncols=$(head -n 1 out.csv | tr ',' '\n' | wc -l)
first=$(column_of out.csv 规章／本年制发件数)
c=$first
while [ "$c" -le "$ncols" ]; do
	sum=$(for r in 2 3 4; do field out.csv $r "$c"; done | awk '{ s += $1 } END { printf "%.4f", s }')
	tot=$(field out.csv 6 "$c" | awk '{ printf "%.4f", $1 }')
	[ "$sum" = "$tot" ] || fail "column $c: total $tot, sum of rows $sum"
	c=$((c + 1))
done
[ "$(field out.csv 6 "$errors")" -eq "$(for r in 2 3 4 5; do field out.csv $r "$errors"; done |
	awk '{ s += $1 } END { print s }')" ] || fail "total of errors"

# a directory stands for its .yaml files, by name; "-" is CSV on stdout
mkdir dir
cp "$example" dir/b.yaml
cp requests-total.yaml dir/a.yml
echo ignored >dir/notes.txt
"$nianbao" summary dir -o - >dir.csv
[ $? -eq 1 ] || fail "summary of dir should exit 1 (a.yml breaks a rule)"
[ "$(wc -l <dir.csv)" -eq 4 ] || fail "dir: header, a.yml, b.yaml, total expected"
sed -n 2p dir.csv | grep -q '^dir/a.yml,' || fail "dir: a.yml should come first"
"$nianbao" summary "$example" -o clean.csv
[ $? -eq 0 ] || fail "summary of a clean report should exit 0"

# a text a spreadsheet would read as a formula is kept as text
sed 's/^organ: .*/organ: "=1+2"/' "$example" >formula.yaml
"$nianbao" summary formula.yaml -o - | sed -n 2p | grep -q ",\"'=1+2\"," ||
	fail "an organ starting with = is not guarded in the CSV"

# 2. XLSX: numbers as numbers, the same values as the CSV.
"$nianbao" summary "$example" requests-total.yaml text-required.yaml bad.yaml -o out.xlsx
[ $? -eq 1 ] || fail "XLSX summary should exit 1"
unzip -p out.xlsx xl/worksheets/sheet1.xml >sheet.xml 2>/dev/null || fail "out.xlsx is not a zip"
xmllint --noout sheet.xml || fail "sheet1.xml is not well-formed"
# the cell of 行政规范性文件／本年制发件数 in row 2: column letter from its number
letters() {
	n=$1 s=""
	while [ "$n" -gt 0 ]; do
		m=$(((n - 1) % 26))
		s=$(printf "\\$(printf %o $((65 + m)))")$s
		n=$(((n - 1 - m) / 26))
	done
	echo "$s"
}
col=$(letters "$(column_of out.csv 行政规范性文件／本年制发件数)")
grep -q "<c r=\"${col}2\" s=\"[0-9]*\"><v>6</v></c>" sheet.xml ||
	fail "XLSX ${col}2 is not the number 6"
total_csv=$(field out.csv 6 "$(column_of out.csv 行政规范性文件／本年制发件数)")
grep -q "<c r=\"${col}6\" s=\"[0-9]*\"><v>$total_csv</v></c>" sheet.xml ||
	fail "XLSX ${col}6 (total) is not the number $total_csv"
fcol=$(letters "$fees")
grep -q "<c r=\"${fcol}2\" s=\"[0-9]*\"><v>[0-9.]*</v></c>" sheet.xml ||
	fail "XLSX fees ${fcol}2 is not a number"
if grep -q "<c r=\"${col}[0-9]*\"[^>]*t=\"s\"" sheet.xml | grep -v "${col}1\""; then
	fail "a number of column $col is stored as text"
fi
unzip -p out.xlsx xl/sharedStrings.xml | grep -q '（三）不予公开／1.属于国家秘密／自然人' ||
	fail "XLSX header lacks the official labels"
SOURCE_DATE_EPOCH=1700000000 "$nianbao" summary "$example" -o r1.xlsx
SOURCE_DATE_EPOCH=1700000000 "$nianbao" summary "$example" -o r2.xlsx
cmp -s r1.xlsx r2.xlsx || fail "XLSX differs between two runs under SOURCE_DATE_EPOCH"

# 3. Refusals (status 2, nothing written or replaced).
echo keep >exists.csv
"$nianbao" summary "$example" -o exists.csv 2>err
[ $? -eq 2 ] && [ "$(cat exists.csv)" = keep ] || fail "an existing output is replaced without --force"
"$nianbao" summary "$example" -o exists.csv --force && [ "$(head -c 3 exists.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
	fail "--force does not replace the output"
cp "$example" self.csv
"$nianbao" summary self.csv -o self.csv --force 2>err
[ $? -eq 2 ] && cmp -s self.csv "$example" || fail "summary replaced its own input"
"$nianbao" summary "$example" -o out.ods 2>err
[ $? -eq 2 ] && grep -q '.xlsx 或 .csv' err || fail "an output that is neither .xlsx nor .csv is not refused"
"$nianbao" summary -o x.csv 2>err
[ $? -eq 2 ] || fail "summary without files is not refused"

# 4. 1,000 reports: summary takes at most 5 times what check takes.
if [ "${BENCH:-0}" = 1 ]; then
	mkdir many
	i=0
	while [ $i -lt 1000 ]; do
		sed "s/^organ: .*/organ: 第${i}号单位/" "$example" >many/r$(printf %04d $i).yaml
		i=$((i + 1))
	done
	now() { date +%s%N; }
	best() { # the fastest of three runs, in ms
		b=""
		for k in 1 2 3; do
			t0=$(now)
			"$@" >/dev/null 2>&1
			t=$((($(now) - t0) / 1000000))
			[ -z "$b" ] || [ "$t" -lt "$b" ] && b=$t
		done
		echo "$b"
	}
	tc=$(best "$nianbao" check many/*.yaml)
	tx=$(best "$nianbao" summary many -o many.xlsx --force)
	ts=$(best "$nianbao" summary many -o many.csv --force)
	echo "1,000 reports: check $tc ms, summary XLSX $tx ms, CSV $ts ms"
	[ "$tx" -le $((5 * tc + 50)) ] || fail "summary XLSX of 1,000 reports $tx ms > 5 x check $tc ms"
	[ "$ts" -le $((5 * tc + 50)) ] || fail "summary CSV of 1,000 reports $ts ms > 5 x check $tc ms"
	[ "$(wc -l <many.csv)" -eq 1002 ] || fail "1,000 reports: not 1,002 lines"
	c=$(column_of many.csv 行政规范性文件／本年制发件数)
	[ "$(field many.csv 1002 "$c")" = 6000 ] || fail "1,000 reports: total is not 6000"
fi

[ "$failures" -eq 0 ] && echo "summary: all passed"
[ "$failures" -eq 0 ]
