#!/bin/sh
# End-to-end tests of `nianbao render --pdf`: the real binary on the
# fixtures, its PDFs checked with poppler and qpdf as a reader's tools see
# them: fonts embedded as subsets with a Unicode map, every character of
# the standardized text extractable (compared as multisets of characters,
# without a warning), a clean `qpdf --check`, the same bytes for the same
# SOURCE_DATE_EPOCH, the size, header rows repeated when a table crosses
# a page, the draft mark, the seal, and the refusals.
#   pdf-test.sh NIANBAO DATA_DIR
set -u
NIANBAO=$1
DATA=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-pdf.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1737331200
# the fonts fontconfig found are cached here, not in the user's ~/.cache
export XDG_CACHE_HOME="$WORK/cache"
failures=0
checks=0
# The PDFs of the seed-sized reports stay below this (bytes).  The aim is
# 100 KB; the default Arphic fonts' outlines alone take about 90 KB.
MAX_SIZE=150000

. "$(dirname "$0")/check-lib.sh"

check() {
	checks=$((checks + 1))
	"$@"
}

# chars FILE: each non-space character and how often it occurs.
chars() {
	grep -o '[^[:space:]　]' "$1" | sort | uniq -c | awk '{print $2, $1}'
}

# compare_chars TEXT PDFTEXT ALLOWED: every character of TEXT occurs in
# PDFTEXT at least as often; a character PDFTEXT has and TEXT has not is
# one of ALLOWED (page numbers, the draft mark, the organ of the 落款).
# (PDFTEXT may have more of TEXT's characters: a table's header rows are
# repeated on each page it is on.)
compare_chars() {
	chars "$1" >"$WORK/want"
	chars "$2" >"$WORK/got"
	printf '%s\n' "$3" | grep -o . | sort -u >"$WORK/allowed"
	awk 'FILENAME == ARGV[1] { allowed[$1] = 1; next }
	     FILENAME == ARGV[2] { want[$1] = $2; next }
	     { got[$1] = $2 }
	     END {
		bad = 0
		for (c in want) if (got[c] + 0 < want[c]) {
			printf "  missing %s: %d in the text, %d in the PDF\n", c, want[c], got[c] + 0
			bad = 1
		}
		for (c in got) if (!(c in want) && !(c in allowed)) {
			printf "  extra %s: %d in the text, %d in the PDF\n", c, want[c] + 0, got[c]
			bad = 1
		}
		exit bad
	     }' "$WORK/allowed" "$WORK/want" "$WORK/got" >"$WORK/diff"
}

# inside_block PDF NAME: every word inside the text block (156 x 225 mm,
# 28 mm from the left, 37 mm from the top), but the page numbers below
# it; pdftotext's coordinates are points from the top left.  A word's box
# ends after the character space of its last glyph, which on a justified
# line (up to a quarter point) lies beyond the glyph itself.
inside_block() {
	checks=$((checks + 1))
	pdftotext -bbox "$1" - | grep '<word' | awk -F'"' '
		$2 < 79.32 || $6 > 521.85 || $4 < 104.8 || ($8 > 742.7 && $0 !~ />(—|[0-9]+)</) {
			print "  outside the text block:", $0; bad = 1 }
		END { exit bad }' >"$WORK/outside" ||
		{ fail "$2: text sticks out of the text block"; head -5 "$WORK/outside" >&2; }
}

# page_lines PDF [TEXT]: the lines of each page as "PAGE<TAB>TEXT", top
# to bottom, words of a line joined (from pdftotext -bbox: a line is the
# words of one yMin), page numbers left out; with TEXT, only the words of
# the 16 pt text (not the tables').
page_lines() {
	pdftotext -bbox "$1" - | awk -F'"' -v text="${2:-}" '
		/<page / { page++ }
		/<word / { w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
			if (text != "" && $8 - $4 < 14) next
			if (w ~ /^(—|[0-9]+)$/ && $4 > 742) next
			printf "%d\t%09.2f\t%09.2f\t%s\n", page, $4, $2, w }' |
		sort -t "$(printf '\t')" -k1,1n -k2,2 -k3,3 |
		awk -F'\t' '{ key = $1 "\t" $2
			if (key != last && NR > 1) print out
			out = (key == last) ? out $4 : $1 "\t" $4; last = key }
			END { if (NR) print out }'
}

# layout_rules PDF NAME: no heading (一、…, or a （一） line of its own)
# is the last line of a page, and table 三 starts with three of its rows.
layout_rules() {
	page_lines "$1" >"$WORK/lines"
	page_lines "$1" text >"$WORK/text-lines"
	checks=$((checks + 1))
	# the last line of each page, when it is a line of 16 pt text
	awk -F'\t' '{ if (NR > 1 && $1 != page) print last; page = $1; last = $0 }' \
		"$WORK/lines" | grep -Fx -f "$WORK/text-lines" | cut -f2 |
		grep -E '^[一二三四五六]、|^[（(][一二三四五六七八九十]+[）)][^。：]*$' >"$WORK/orphans" &&
		{ fail "$2: a heading ends a page: $(head -1 "$WORK/orphans")"; }
	checks=$((checks + 1))
	first=$(grep -m1 "申请人情况" "$WORK/lines" | cut -f1)
	for row in 一、本年新收 二、上年结转 "（一）予以公开"; do
		grep -q "^$first	$row" "$WORK/lines" ||
			fail "$2: table 三 starts on page $first without its row $row"
	done
}

# check_pdf NAME.yaml: renders it and checks the PDF as a reader would.
check_pdf() {
	name=$1
	case $name in /*) src=$name ;; *) src=$DATA/$name ;; esac
	pdf="$WORK/$(basename "${name%.yaml}").pdf"
	checks=$((checks + 1))
	rm -f "$WORK/text" "$WORK/again.pdf" # the previous report's: not replaced without --force
	if ! "$NIANBAO" render "$src" --pdf "$pdf" --text "$WORK/text" 2>"$WORK/err"; then
		fail "render $name --pdf exited $?"
		sed 's/^/  /' "$WORK/err" >&2
		return
	fi
	# a report's warnings are said, and do not stop the PDF (seed 000's 六 is
	# empty, seeds 002-004 say only "无" there, not whether 信息处理费 was
	# charged; 洪泽区 2024 says 17 requests where its table has 95)
	grep -v ': warning: .*\[text\.\(other\|numbers\|fees\)\]$' "$WORK/err" >"$WORK/err.other" || true
	[ -s "$WORK/err.other" ] && fail "render $name wrote to stderr: $(head -3 "$WORK/err.other")"

	check pdffonts "$pdf" >"$WORK/fonts" 2>&1 || fail "pdffonts $name failed"
	# name type (2 words) encoding emb sub uni object id
	awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") { bad = 1 }
	     END { exit bad || NR < 3 }' "$WORK/fonts" ||
		{ fail "$name: a font is not embedded as a subset with a Unicode map"; cat "$WORK/fonts" >&2; }

	checks=$((checks + 1))
	# the words one by one: in running text pdftotext would join a line
	# ending in "-" (a page number "-1-" in a published narrative) to the
	# next and drop the hyphen
	pdftotext -enc UTF-8 -bbox "$pdf" - 2>"$WORK/pdftotext.err" |
		sed -n 's/.*<word[^>]*>\(.*\)<\/word>.*/\1/p' |
		sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g' >"$WORK/pdftext" ||
		fail "pdftotext $name failed"
	[ -s "$WORK/pdftotext.err" ] &&
		fail "pdftotext $name warned: $(head -3 "$WORK/pdftotext.err")"
	organ=$(sed -n 's/^organ: *\([^ #]*\).*/\1/p' "$src")
	checks=$((checks + 1))
	compare_chars "$WORK/text" "$WORK/pdftext" "—0123456789草稿$organ" ||
		{ fail "$name: the PDF's text differs from the standardized text"; head -20 "$WORK/diff" >&2; }

	checks=$((checks + 1))
	qpdf --check "$pdf" >"$WORK/qpdf" 2>&1 || { fail "qpdf --check $name"; tail -5 "$WORK/qpdf" >&2; }

	checks=$((checks + 1))
	"$NIANBAO" render "$src" --pdf "$WORK/again.pdf" 2>/dev/null
	cmp -s "$pdf" "$WORK/again.pdf" || fail "$name: two renders with one SOURCE_DATE_EPOCH differ"

	checks=$((checks + 1))
	size=$(wc -c <"$pdf")
	[ "$size" -lt "$MAX_SIZE" ] || fail "$name: the PDF has $size bytes, not under $MAX_SIZE"

	inside_block "$pdf" "$name"
	layout_rules "$pdf" "$name"

	# the 落款 is not alone on the last page
	checks=$((checks + 1))
	last=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	pdftotext -f "$last" -l "$last" "$pdf" - | grep -v -e "^$organ\$" -e "^[0-9]*年[0-9]*月[0-9]*日\$" \
		-e "^— [0-9]* —\$" -e '^[[:space:]]*$' >"$WORK/last" || true
	[ -s "$WORK/last" ] || fail "$name: the 落款 stands alone on the last page"

	checks=$((checks + 1))
	pdfinfo "$pdf" >"$WORK/info" 2>&1
	title=$("$NIANBAO" render "$src" | head -1)
	grep -q "^Title: *$title\$" "$WORK/info" || fail "$name: Title is not $title"
	grep -q "^Author: *$organ\$" "$WORK/info" || fail "$name: Author is not $organ"
	grep -q "^Subject: *政府信息公开工作年度报告" "$WORK/info" || fail "$name: no Subject"
	grep -q "^Page size: *595.276 x 841.89 pts (A4)" "$WORK/info" || fail "$name: not A4"
}

# a published report as import reads it: its narratives as offices write them
"$NIANBAO" import "$DATA/pdf/hongze-qzf-2024.txt" -o "$WORK/hongze.yaml" 2>/dev/null
[ -s "$WORK/hongze.yaml" ] || fail "import of hongze-qzf-2024.txt wrote nothing"
for name in example-2024.yaml seed-000.yaml seed-001.yaml seed-002.yaml seed-003.yaml \
	seed-004.yaml pdf/long-2024.yaml "$WORK/hongze.yaml"; do
	check_pdf "$name"
done

# --- a face per level: 黑体 level-1 headings, 楷体 level 2, 宋体 body --------
for name in example-2024 seed-003 hongze; do
	checks=$((checks + 1))
	pdffonts "$WORK/$name.pdf" >"$WORK/fonts" 2>&1
	for face in WenQuanYiZenHei GBZenKai-Medium BousungEG-Light-GB; do
		grep -q "^[A-Z]*+$face " "$WORK/fonts" || fail "$name: $face is not embedded as a subset"
	done
done
checks=$((checks + 1))
# seed-000 has no （一） openings: no 楷体 in it
pdffonts "$WORK/seed-000.pdf" | grep -q GBZenKai && fail "seed-000: 楷体 without a level-2 heading"

# --- the long report: tables cross pages with their header --------------
pdftotext -layout "$WORK/long-2024.pdf" "$WORK/long.txt"
checks=$((checks + 1))
pages=$(pdfinfo "$WORK/long-2024.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 6 ] || fail "the long report has $pages pages, expected 6 or more"
checks=$((checks + 1))
# the requests table's header on each page it is on
headers=$(grep -c "申请人情况" "$WORK/long.txt")
[ "$headers" -ge 2 ] || fail "the requests table's header appears $headers times, expected it repeated"
checks=$((checks + 1))
# page numbers in the 公文 style, one per page
numbers=$(grep -c "— [0-9]* —" "$WORK/long.txt")
[ "$numbers" -eq "$pages" ] || fail "$numbers page numbers on $pages pages"
checks=$((checks + 1))
grep -q "987654321.1234" "$WORK/long.txt" || fail "the widest fee is not printed whole"

# --- the widest numbers stay inside the text block -------------------------
checks=$((checks + 1))
"$NIANBAO" render "$DATA/pdf/wide-numbers.yaml" --pdf "$WORK/wide.pdf" 2>/dev/null
[ $? -eq 1 ] || fail "wide-numbers.yaml (totals broken) did not render with status 1"
inside_block "$WORK/wide.pdf" wide-numbers.yaml
checks=$((checks + 1))
n=$(pdftotext "$WORK/wide.pdf" - | grep -o "999999999" | wc -l)
# 7 x 25 requests cells, 15 appeals, 6 + 3 proactive counts and the fee
[ "$n" -eq 200 ] || fail "wide-numbers.yaml: $n of the 200 numbers printed whole"

# --- a short line before a long unbreakable run stays on the grid ----------
# (justifying "好，" across the whole line once made libharu fail, and the
# renderer crash on the page it then did not make)
awk 'done == 0 && /^  overview:/ { print; print "    好，" sprintf("%080d", 0) "AAAA"; done = 1; next }
     { print }' "$DATA/example-2024.yaml" >"$WORK/unbreakable.yaml"
checks=$((checks + 1))
"$NIANBAO" render "$WORK/unbreakable.yaml" --pdf "$WORK/unbreakable.pdf" 2>"$WORK/err" ||
	{ fail "a line before an unbreakable run did not render"; cat "$WORK/err" >&2; }
inside_block "$WORK/unbreakable.pdf" "a line before an unbreakable run"
checks=$((checks + 1))
pdftotext "$WORK/unbreakable.pdf" - 2>/dev/null | grep -qx "好，" ||
	fail "the short line before the unbreakable run is not a line of its own"

# --- a set of characters libharu once failed to write ----------------------
checks=$((checks + 1))
"$NIANBAO" render "$DATA/pdf/libharu-glyph-set.yaml" --pdf "$WORK/glyph-set.pdf" 2>"$WORK/err" ||
	{ fail "libharu-glyph-set.yaml did not render"; cat "$WORK/err" >&2; }
checks=$((checks + 1))
pdftotext "$WORK/glyph-set.pdf" - 2>/dev/null | grep -q "是队伍建设参级训" ||
	fail "libharu-glyph-set.yaml: the text does not come back out"

# --- an organ of 100 characters wraps in the title and the 落款 ------------
long_organ=$(printf '某某省某某市某某县人民政府办公室%.0s' 1 2 3 4 5 6)某某省
sed "s/^organ: .*/organ: $long_organ/" "$DATA/example-2024.yaml" >"$WORK/organ.yaml"
checks=$((checks + 1))
"$NIANBAO" render "$WORK/organ.yaml" --pdf "$WORK/organ.pdf" --seal "$DATA/pdf/seal.png" 2>"$WORK/err" ||
	{ fail "a 100-character organ did not render"; cat "$WORK/err" >&2; }
inside_block "$WORK/organ.pdf" "the 100-character organ"
# its lines, in the title and the 落款 (they begin with 某某), end with whole words
checks=$((checks + 1))
pdftotext "$WORK/organ.pdf" - | grep '^某某' | grep -v "^$long_organ\$" |
	grep -E '(某某|某|办|办公|人民政|人|人民)$' >"$WORK/broken" &&
	fail "the 100-character organ is broken inside a word: $(head -1 "$WORK/broken")"

# --- the title in 梯形 shape, broken between the words of the organ ---------
sed "s/^organ: .*/organ: 青岚县人民政府办公室青岚县政务服务管理办公室/" "$DATA/example-2024.yaml" \
	>"$WORK/joint.yaml"
checks=$((checks + 1))
"$NIANBAO" render "$WORK/joint.yaml" --pdf "$WORK/joint.pdf" 2>"$WORK/err" ||
	{ fail "a joint organ did not render"; cat "$WORK/err" >&2; }
pdftotext -l 1 "$WORK/joint.pdf" - | head -2 >"$WORK/title"
printf '青岚县人民政府办公室青岚县政务服务\n管理办公室2024年政府信息公开工作年度报告\n' >"$WORK/title.want"
cmp -s "$WORK/title" "$WORK/title.want" ||
	{ fail "the title does not break at 政务服务|管理办公室"; cat "$WORK/title" >&2; }
checks=$((checks + 1))
pdftotext "$WORK/joint.pdf" - | grep -qx "青岚县人民政府办公室青岚县政务服务管理办公室" ||
	fail "the 落款 does not keep the joint organ on one line"

# --- the appeals table is the official single row -------------------------
checks=$((checks + 1))
pdftotext -layout "$WORK/example-2024.pdf" "$WORK/example.txt"
results=$(grep -o "结果" "$WORK/example.txt" | wc -l)
# 结果维持, 结果纠正, 其他结果 under each of 行政复议 and the two 行政诉讼
[ "$results" -ge 9 ] || fail "the appeals table is not one row of 15 cells ($results 结果)"

# --- fonts: the fallback prints what GB2312 lacks ---------------------------
checks=$((checks + 1))
pdffonts "$WORK/long-2024.pdf" | grep -q "UMing" || fail "喆堃 did not come from the fallback font"

# --- a draft carries the mark ---------------------------------------------
sed 's/^draft: false/draft: true/' "$DATA/example-2024.yaml" >"$WORK/draft.yaml"
checks=$((checks + 1))
"$NIANBAO" render "$WORK/draft.yaml" --pdf "$WORK/draft.pdf" || fail "render a draft"
pdftotext "$WORK/draft.pdf" - | grep -q "草" || fail "the draft has no 草稿 mark"
checks=$((checks + 1))
pdftotext "$WORK/example-2024.pdf" - | grep -q "草稿" && fail "a final report has a 草稿 mark"

# --- the seal --------------------------------------------------------------
checks=$((checks + 1))
"$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/seal.pdf" --seal "$DATA/pdf/seal.png" ||
	fail "render --seal"
pdfimages -list "$WORK/seal.pdf" 2>/dev/null | grep -q "image" || fail "the seal is not in the PDF"
# multiplied onto the page, so the 落款 under it stays readable: the page
# that draws the seal sets an ExtGState with /BM /Multiply first
checks=$((checks + 1))
qpdf --qdf --object-streams=disable "$WORK/seal.pdf" "$WORK/seal-qdf.pdf"
gs=$(grep -a -B3 "/BM /Multiply" "$WORK/seal-qdf.pdf" | sed -n 's/^\([0-9]*\) 0 obj$/\1/p' | tail -1)
[ -n "$gs" ] || fail "the seal's page has no ExtGState with /BM /Multiply"
grep -a -q "/ExtGState << */[A-Za-z0-9]* $gs 0 R" "$WORK/seal-qdf.pdf" ||
	grep -a -A2 "/ExtGState <<" "$WORK/seal-qdf.pdf" | grep -a -q " $gs 0 R" ||
	fail "no page uses the /BM /Multiply ExtGState"
grep -a -q "/[A-Za-z0-9]* gs" "$WORK/seal-qdf.pdf" || fail "the ExtGState is never set (no gs operator)"
checks=$((checks + 1))
pdftotext "$WORK/seal.pdf" - | grep -q "^示例县人民政府$" || fail "the 落款 under the seal does not come out"
checks=$((checks + 1))
"$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/x.pdf" --seal "$DATA/example-2024.yaml" \
	2>"$WORK/err" && fail "a seal that is not a PNG was accepted"
grep -q "不是 PNG" "$WORK/err" || fail "no message for a seal that is not a PNG"
[ -e "$WORK/x.pdf" ] && fail "a PDF was written with a bad seal"
# damaged PNGs: libharu would let libpng abort the program on them
printf '\211PNG\r\n\032\nnot a picture' >"$WORK/damaged.png"
head -c 60 "$DATA/pdf/seal.png" >"$WORK/cut.png"
for png in damaged.png cut.png; do
	checks=$((checks + 1))
	"$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/x.pdf" --seal "$WORK/$png" 2>"$WORK/err"
	[ $? -eq 2 ] || fail "a damaged seal ($png) did not give status 2"
	grep -q "印章图片 .*$png 已损坏" "$WORK/err" || { fail "no message for the damaged $png"; cat "$WORK/err" >&2; }
	[ -e "$WORK/x.pdf" ] && fail "a PDF was written with the damaged $png"
done
# a seal is read once, bounded, and the same bytes go to libharu: a huge
# file is refused, and so is a pipe, at once
checks=$((checks + 1))
cp "$DATA/pdf/seal.png" "$WORK/huge.png" && truncate -s 17M "$WORK/huge.png"
"$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/x.pdf" --seal "$WORK/huge.png" 2>"$WORK/err"
[ $? -eq 2 ] || fail "a 17 MiB seal did not give status 2"
grep -q "印章图片 .*huge.png 超过 16 MiB" "$WORK/err" || fail "no message for a 17 MiB seal"
[ -e "$WORK/x.pdf" ] && fail "a PDF was written with a 17 MiB seal"
checks=$((checks + 1))
cat "$DATA/pdf/seal.png" | "$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/piped.pdf" \
	--seal /dev/stdin 2>"$WORK/err"
[ $? -eq 2 ] || fail "render --seal from a pipe did not give status 2"
grep -q "印章图片 /dev/stdin：这不是普通文件，而是命名管道" "$WORK/err" || fail "no message for a piped seal"
[ -e "$WORK/piped.pdf" ] && fail "a PDF was written with a piped seal"
checks=$((checks + 1))
"$NIANBAO" render "$DATA/example-2024.yaml" --seal "$DATA/pdf/seal.png" 2>/dev/null
[ $? -eq 2 ] || fail "--seal without --pdf is not a usage error"

# --- what cannot be printed is refused, and nothing is overwritten ---------
sed 's/认真贯彻落实/认真𠀀贯彻落实/' "$DATA/example-2024.yaml" >"$WORK/rare.yaml"
echo "earlier output" >"$WORK/rare.pdf"
checks=$((checks + 1))
"$NIANBAO" render "$WORK/rare.yaml" --pdf "$WORK/rare.pdf" 2>"$WORK/err"
[ $? -eq 2 ] || fail "a character above U+FFFF did not give status 2"
grep -q "rare.yaml:10:1:.*𠀀.*U+20000.*\[pdf.glyph\]" "$WORK/err" ||
	{ fail "no message naming 𠀀 and its place"; cat "$WORK/err" >&2; }
grep -q "earlier output" "$WORK/rare.pdf" || fail "a refused PDF replaced the old file"

# --- fonts that cannot be found ---------------------------------------------
mkdir -p "$WORK/fontdir"
printf 'title = 方正小标宋简体\nheading = AR PL KaitiM GB\nbody = AR PL SungtiL GB\ntable = AR PL SungtiL GB\n' \
	>"$WORK/fontdir/roles.conf"
checks=$((checks + 1))
NIANBAO_FONTS_DIR="$WORK/fontdir" "$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/f.pdf" \
	2>"$WORK/err"
[ $? -eq 2 ] || fail "a missing font did not give status 2"
grep -q "roles.conf:1: 找不到字体“方正小标宋简体”" "$WORK/err" || { fail "no message for a missing font"; cat "$WORK/err" >&2; }
# a font file in the fonts directory is found by its family name
ln -s /usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf "$WORK/fontdir/kai.ttf"
printf 'title = AR PL KaitiM GB\nheading = kai.ttf\nbody = AR PL SungtiL GB\ntable = AR PL SungtiL GB\n' \
	>"$WORK/fontdir/roles.conf"
checks=$((checks + 1))
NIANBAO_FONTS_DIR="$WORK/fontdir" "$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/f.pdf" \
	2>"$WORK/err" || { fail "fonts from the fonts directory"; cat "$WORK/err" >&2; }

# damaged font files are refused, not printed as blanks
echo "not a font" >"$WORK/fontdir/junk.ttf"
head -c 100000 /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf >"$WORK/fontdir/cut.ttf"
for font in junk.ttf cut.ttf; do
	printf 'title = %s\nheading = %s\nbody = %s\ntable = %s\n' $font $font $font $font \
		>"$WORK/fontdir/roles.conf"
	checks=$((checks + 1))
	NIANBAO_FONTS_DIR="$WORK/fontdir" "$NIANBAO" render "$DATA/example-2024.yaml" \
		--pdf "$WORK/f.pdf" 2>"$WORK/err"
	[ $? -eq 2 ] || fail "the damaged font $font did not give status 2"
	grep -q "$font" "$WORK/err" || { fail "no message naming the damaged $font"; cat "$WORK/err" >&2; }
done
rm -f "$WORK/fontdir/junk.ttf" "$WORK/fontdir/cut.ttf"

# --- a font whose glyphs are built from parts numbered above 32767 ---------
# WenQuanYi Zen Hei builds ㈠ from such parts, which libharu 2.3.0 dropped
# when it rewrote the fonts itself; the subset is embedded as HarfBuzz
# wrote it, so ㈠ prints whole and comes back out.
printf 'title = WenQuanYi Zen Hei\nheading = WenQuanYi Zen Hei\nbody = WenQuanYi Zen Hei\ntable = WenQuanYi Zen Hei\n' \
	>"$WORK/fontdir/roles.conf"
checks=$((checks + 1))
NIANBAO_FONTS_DIR="$WORK/fontdir" "$NIANBAO" render "$DATA/pdf/long-2024.yaml" --pdf "$WORK/wqy.pdf" \
	2>"$WORK/err" || { fail "WenQuanYi Zen Hei could not print the long report"; cat "$WORK/err" >&2; }
sed 's/（一）主动公开/㈠主动公开/' "$DATA/example-2024.yaml" >"$WORK/circled.yaml"
checks=$((checks + 1))
NIANBAO_FONTS_DIR="$WORK/fontdir" "$NIANBAO" render "$WORK/circled.yaml" --pdf "$WORK/wqy-circled.pdf" \
	2>"$WORK/err" || { fail "WenQuanYi Zen Hei could not print ㈠"; cat "$WORK/err" >&2; }
checks=$((checks + 1))
pdftotext "$WORK/wqy-circled.pdf" - | grep -q "㈠主动公开" || fail "㈠ in WenQuanYi Zen Hei does not come back out"
checks=$((checks + 1))
# the subset holds ㈠'s parts: its ink is more than the parentheses alone
pdftoppm -r 150 -f 1 -l 1 -gray -x 220 -y 690 -W 28 -H 70 "$WORK/wqy-circled.pdf" "$WORK/circled" &&
	ink=$(od -An -v -tu1 -j 15 "$WORK/circled-1.pgm" 2>/dev/null | tr -s ' ' '\n' | awk '$1 < 128 { n++ } END { print n + 0 }')
[ "${ink:-0}" -gt 40 ] || fail "㈠ in WenQuanYi Zen Hei is drawn incomplete (${ink:-0} dark pixels)"

# --- our PDF, with its own incremental update, signs and verifies -----------
if command -v openssl >/dev/null && command -v pdfsig >/dev/null; then
	checks=$((checks + 1))
	openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=nianbao test" -days 2 \
		-keyout "$WORK/key.pem" -out "$WORK/cert.pem" >/dev/null 2>&1 || fail "openssl made no key"
	"$NIANBAO" sign "$WORK/example-2024.pdf" --key "$WORK/key.pem" --cert "$WORK/cert.pem" \
		-o "$WORK/signed.pdf" >/dev/null 2>"$WORK/err" || { fail "sign refused our PDF"; cat "$WORK/err" >&2; }
	pdfsig "$WORK/signed.pdf" 2>&1 | grep -q "Signature is Valid" || fail "pdfsig does not find our signed PDF valid"
	pdftotext "$WORK/signed.pdf" /dev/null 2>"$WORK/err" && [ ! -s "$WORK/err" ] ||
		fail "the signed PDF's text does not come out cleanly"
fi

# --- the fonts found are cached, and the cache gives the same PDF ----------
checks=$((checks + 1))
grep -q "^WenQuanYi Zen Hei	0	.*wqy-zenhei.ttc\$" "$WORK/cache/nianbao/fonts" ||
	fail "the font cache does not hold WenQuanYi Zen Hei"
NIANBAO_FONT_CACHE=0 "$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/uncached.pdf"
cmp -s "$WORK/uncached.pdf" "$WORK/example-2024.pdf" || fail "the font cache changed the PDF"

echo "pdf-test: $checks checks, $failures failures"
[ "$failures" -eq 0 ]
