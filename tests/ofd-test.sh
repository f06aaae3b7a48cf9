#!/bin/sh
# nianbao render --ofd, validated by its structure (no OFD reader is
# packaged for Debian): the zip layout of GB/T 33190, every part
# well-formed XML, every page of the PDF and the same characters on it,
# every text object's font declared and embedded, and every character in
# the embedded subset of its font.
#   ofd-test.sh NIANBAO DATA
set -u
nianbao=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
. "$(dirname "$0")/check-lib.sh"
cd "$work" || exit 1
export LC_ALL=C.UTF-8
example=$data/example-2024.yaml
"$nianbao" render "$example" --ofd out.ofd || fail "render --ofd exits $?"
"$nianbao" render "$example" --pdf out.pdf || fail "render --pdf exits $?"

# the layout: OFD.xml first, the document, its resources, one content per page
unzip -Z1 out.ofd >parts || fail "out.ofd is not a zip"
[ "$(head -n 1 parts)" = OFD.xml ] || fail "OFD.xml is not the first entry"
for part in Doc_0/Document.xml Doc_0/PublicRes.xml; do
	grep -qx "$part" parts || fail "no $part"
done
mkdir x
(cd x && unzip -q ../out.ofd) || fail "cannot unzip"
while read -r part; do
	case $part in
	*.xml) xmllint --noout "x/$part" 2>err || fail "$part is not well-formed: $(head -2 err)" ;;
	esac
done <parts
grep -q '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>' x/OFD.xml || fail "no DocRoot"
grep -q '<ofd:Title>示例县人民政府2024年政府信息公开工作年度报告</ofd:Title>' x/OFD.xml || fail "title"
grep -q '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>' x/Doc_0/Document.xml || fail "not A4"

# the pages of the PDF, each with the same characters
pdf_pages=$(pdfinfo out.pdf | sed -n 's/^Pages: *//p')
ofd_pages=$(grep -c '<ofd:Page ID=' x/Doc_0/Document.xml)
[ "$ofd_pages" = "$pdf_pages" ] || fail "OFD has $ofd_pages pages, the PDF $pdf_pages"
chars() { tr -d ' \n\r\t\f' | sed 's/./&\n/g' | grep -v '^$' | sort; }
p=0
while [ "$p" -lt "$ofd_pages" ]; do
	content=x/Doc_0/Pages/Page_$p/Content.xml
	[ -f "$content" ] || fail "no content of page $p"
	grep -q "BaseLoc=\"Pages/Page_$p/Content.xml\"" x/Doc_0/Document.xml ||
		fail "page $p is not in Document.xml"
	sed -n 's/.*<ofd:TextCode[^>]*>\([^<]*\)<.*/\1/p' "$content" |
		sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' | chars >ofd.chars
	pdftotext -f $((p + 1)) -l $((p + 1)) out.pdf - | chars >pdf.chars
	cmp -s ofd.chars pdf.chars || fail "page $((p + 1)): other characters than the PDF's: $(diff ofd.chars pdf.chars | head -4)"
	p=$((p + 1))
done

# every font a text object names is declared, embedded, and has its characters
sed -n 's/.*<ofd:Font ID="\([0-9]*\)".*<ofd:FontFile>\([^<]*\)<.*/\1 \2/p' x/Doc_0/PublicRes.xml >fonts
[ -s fonts ] || fail "no fonts declared"
cat x/Doc_0/Pages/Page_*/Content.xml | sed -n 's/.*<ofd:TextObject [^>]*Font="\([0-9]*\)".*/\1/p' |
	sort -u >used
while read -r id; do
	file=$(sed -n "s/^$id //p" fonts)
	[ -n "$file" ] || {
		fail "font $id is used but not declared"
		continue
	}
	[ -f "x/Doc_0/Res/$file" ] || {
		fail "font $id: Res/$file is not in the package"
		continue
	}
	# the characters of its text objects, as hexadecimal code points
	cat x/Doc_0/Pages/Page_*/Content.xml | grep "Font=\"$id\"" |
		sed -n 's/.*<ofd:TextCode[^>]*>\([^<]*\)<.*/\1/p' |
		sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' | tr -d '\n' |
		iconv -f UTF-8 -t UTF-32LE | od -An -tx4 -v --endian=little | tr -s ' ' '\n' | grep -v '^$' |
		sort -u >cps
	fc-query -f '%{charset}\n' "x/Doc_0/Res/$file" | head -n 1 | tr ' ' '\n' >ranges
	[ -s cps ] && [ -s ranges ] || fail "font $id: no characters or no charset"
	missing=$(awk 'function hex(s,  v, i) { v = 0; s = tolower(s)
			for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
			return v }
		NR == FNR { n = split($0, r, "-"); lo[NR] = hex(r[1]); hi[NR] = hex(n > 1 ? r[2] : r[1]); m = NR; next }
		{ c = hex($0); ok = 0
		  for (i = 1; i <= m; i++) if (c >= lo[i] && c <= hi[i]) { ok = 1; break }
		  if (!ok) print $0 }' ranges cps 2>&1 | head -5)
	[ -z "$missing" ] || fail "font $id ($file) lacks U+$missing"
done <used

# the same report, the same bytes; a draft's mark is there
"$nianbao" render "$example" --ofd again.ofd
cmp -s out.ofd again.ofd || fail "two OFD files of one report differ"
sed 's/^draft: false/draft: true/' "$example" >draft.yaml
"$nianbao" render draft.yaml --ofd draft.ofd
unzip -p draft.ofd Doc_0/Pages/Page_0/Content.xml | grep -q 'CTM=.*>草稿</ofd:TextCode>' ||
	fail "a draft's OFD has no 草稿 mark"
cp "$example" self.yaml
"$nianbao" render self.yaml --ofd self.yaml 2>err
[ $? -eq 2 ] && cmp -s self.yaml "$example" || fail "--ofd replaced the report"

[ "$failures" -eq 0 ] && echo "ofd: all passed"
[ "$failures" -eq 0 ]
