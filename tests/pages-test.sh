#!/bin/sh
# The look of the PDF: the examples (example-2024.yaml with the seal, a
# seed, and hongze-qzf-2024.txt as imported) rendered, rasterised with
# `pdftoppm -r 40 -gray` and compared page by page with the reference
# images in golden/pages/, which were looked at before they were
# committed.  A layout change (a table that moves, a heading set in
# another face, a seal that hides text) shows as pages that differ; the
# tolerance is in page_diff.c.  After an intended change, look at the new
# pages and write them as the references:
#   NIANBAO_UPDATE_PAGES=1 pages-test.sh NIANBAO PAGE_DIFF DATA_DIR PAGES_DIR
set -u
NIANBAO=$1
PAGE_DIFF=$2
DATA=$3
PAGES=$4
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-pages.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1737331200
export XDG_CACHE_HOME="$WORK/cache"
failures=0

. "$(dirname "$0")/check-lib.sh"

"$NIANBAO" import "$DATA/pdf/hongze-qzf-2024.txt" -o "$WORK/hongze.yaml" 2>/dev/null ||
	[ -s "$WORK/hongze.yaml" ] || fail "import of hongze-qzf-2024.txt wrote nothing"
"$NIANBAO" render "$DATA/example-2024.yaml" --pdf "$WORK/example-2024.pdf" \
	--seal "$DATA/pdf/seal.png" || fail "render example-2024.yaml"
"$NIANBAO" render "$DATA/seed-003.yaml" --pdf "$WORK/seed-003.pdf" || fail "render seed-003.yaml"
# the imported text breaks one of its own rules (a warning): it still renders
"$NIANBAO" render "$WORK/hongze.yaml" --pdf "$WORK/hongze-2024.pdf" 2>/dev/null
[ -s "$WORK/hongze-2024.pdf" ] || fail "render hongze.yaml"

for name in example-2024 seed-003 hongze-2024; do
	pdftoppm -r 40 -gray "$WORK/$name.pdf" "$WORK/$name" || fail "$name: pdftoppm"
	if [ "${NIANBAO_UPDATE_PAGES:-}" = 1 ]; then
		rm -f "$PAGES/$name"-*.png
		for pgm in "$WORK/$name"-*.pgm; do
			"$PAGE_DIFF" --write "$pgm" "$PAGES/$(basename "$pgm" .pgm).png" ||
				fail "$pgm: not written"
		done
		continue
	fi
	got=$(ls "$WORK/$name"-*.pgm 2>/dev/null | wc -l)
	want=$(ls "$PAGES/$name"-*.png 2>/dev/null | wc -l)
	[ "$got" -eq "$want" ] || fail "$name: $got pages, the references have $want"
	for png in "$PAGES/$name"-*.png; do
		pgm="$WORK/$(basename "$png" .png).pgm"
		[ -f "$pgm" ] || continue
		out=$("$PAGE_DIFF" "$pgm" "$png") ||
			fail "$(basename "$png" .png): $out pixels differ from the reference"
	done
done

# the tolerance sees one character less in a paragraph of page 1
sed 's/不公开为例外/不公开为外/' "$DATA/example-2024.yaml" >"$WORK/one-less.yaml"
"$NIANBAO" render "$WORK/one-less.yaml" --pdf "$WORK/one-less.pdf" --seal "$DATA/pdf/seal.png" &&
	pdftoppm -r 40 -gray -f 1 -l 1 "$WORK/one-less.pdf" "$WORK/one-less" ||
	fail "render one-less.yaml"
"$PAGE_DIFF" "$WORK/one-less-1.pgm" "$PAGES/example-2024-1.png" >/dev/null &&
	fail "a page with one character less passes as example-2024-1.png"

if [ "$failures" -ne 0 ]; then
	echo "$failures page checks failed (pages kept in $WORK)" >&2
	trap - EXIT
	exit 1
fi
echo "pages: every page as its reference"
