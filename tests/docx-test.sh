#!/bin/sh
# nianbao render --docx, through the real program.
#   docx-test.sh package NIANBAO DATA      the parts, well-formed XML, styles, fonts,
#                                          merged cells, every number, escaping
#   docx-test.sh libreoffice NIANBAO DATA  LibreOffice opens it and writes it back as
#                                          text, which import reads to the same values
#                                          (skipped, 77, without soffice)
#   docx-test.sh import NIANBAO DATA       import of the .docx itself gives the same
#                                          values (skipped, 77, while import does not
#                                          read Word documents)
set -u
mode=$1 nianbao=$2 data=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
. "$(dirname "$0")/check-lib.sh"
cd "$work" || exit 1
example=$data/example-2024.yaml
"$nianbao" render "$example" --docx out.docx || fail "render --docx exits $?"

. "$here/report-values.sh"

case $mode in
package)
	unzip -Z1 out.docx | sort >parts
	printf '%s\n' '[Content_Types].xml' _rels/.rels docProps/core.xml word/_rels/document.xml.rels \
		word/document.xml word/styles.xml | sort >want-parts
	cmp -s parts want-parts || fail "the parts: $(diff want-parts parts)"
	while read -r part; do
		unzip -p out.docx "$(echo "$part" | sed 's/\[/\\[/g; s/\]/\\]/g')" >part.xml
		xmllint --noout part.xml 2>err || fail "$part is not well-formed: $(head -2 err)"
	done <parts
	unzip -p out.docx word/document.xml >doc.xml
	unzip -p out.docx word/styles.xml >styles.xml
	# headings in Word's own styles: Title once, Heading 1 for the six headings
	grep -q '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>' styles.xml ||
		fail "no Title style"
	grep -q '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>' \
		styles.xml || fail "no heading 1 style"
	[ "$(grep -o '<w:pStyle w:val="Heading1"/>' doc.xml | wc -l)" -eq 6 ] ||
		fail "not six Heading 1 paragraphs"
	for h in 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 \
		四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 六、其他需要报告的事项; do
		grep -q "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">$h</w:t>" \
			doc.xml || fail "heading $h"
	done
	grep -q '<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">示例县人民政府2024年政府信息公开工作年度报告</w:t>' \
		doc.xml || fail "title"
	# fonts named as fonts/roles.conf names the PDF's
	for role in title heading body table; do
		font=$(sed -n "s/^$role *= *\([^|]*[^| ]\) *|.*/\1/p" "$data/../../fonts/roles.conf")
		[ -n "$font" ] || fail "roles.conf has no $role"
		grep -q "w:eastAsia=\"$font\"" styles.xml || fail "styles lack the $role font $font"
	done
	# tables: six, merged cells as the printed form has them, header rows repeated
	[ "$(grep -o '<w:tbl>' doc.xml | wc -l)" -eq 6 ] || fail "not six tables"
	grep -q '<w:gridSpan w:val="6"/>' doc.xml || fail "申请人情况 does not span 6 columns"
	grep -q '<w:gridSpan w:val="10"/>' doc.xml || fail "行政诉讼 does not span 10 columns"
	[ "$(grep -o '<w:vMerge w:val="restart"/>' doc.xml | wc -l)" -ge 8 ] || fail "too few vMerge starts"
	grep -q '<w:vMerge/>' doc.xml || fail "no vMerge continuation"
	grep -q '<w:tblHeader/>' doc.xml || fail "header rows are not repeated"
	for label in 信息内容 本年制发件数 申请人情况 法人或其他组织 '3.危及“三安全一稳定”' \
		四、结转下年度继续办理 行政复议 未经复议直接起诉 复议后起诉 尚未审结; do
		grep -q ">$label</w:t>" doc.xml || fail "no cell $label"
	done
	# every number, in the order of the form
	numbers_of "$example" >want
	sed 's/<w:pStyle w:val="TableNumber"\/><\/w:pPr><w:r><w:t xml:space="preserve">/\nNUM/g' doc.xml |
		sed -n 's/^NUM\([^<]*\)<.*/\1/p' >got
	cmp -s want got || fail "the document's numbers differ: $(diff want got | head -5)"
	grep -q 'w:jc w:val="right"/></w:pPr><w:rPr>' styles.xml || fail "numbers not right-aligned"
	grep -q '<w:pgSz w:w="11906" w:h="16838"/>' doc.xml || fail "not A4"
	"$nianbao" render "$example" --docx again.docx
	cmp -s out.docx again.docx || fail "two documents of one report differ"

	# texts are escaped by the XML writer
	sed -e 's/^organ: .*/organ: "<b>局\&\\"'"'"'"/' \
		-e 's/^  overview: |$/  overview: |\n    <w:p>破坏<\/w:t> \& ]]>/' "$example" >hostile.yaml
	"$nianbao" render hostile.yaml --docx hostile.docx 2>err || fail "hostile: $(cat err)"
	unzip -p hostile.docx word/document.xml >h.xml
	xmllint --noout h.xml || fail "a hostile text breaks the document"
	grep -q '&lt;w:p&gt;破坏&lt;/w:t&gt; &amp; ]]&gt;' h.xml || fail "the narrative is not escaped"
	unzip -p hostile.docx docProps/core.xml | grep -q '<dc:creator>&lt;b&gt;局&amp;' ||
		fail "the organ in core.xml"

	# a draft says so; refusals
	sed 's/^draft: false/draft: true/' "$example" >draft.yaml
	"$nianbao" render draft.yaml --docx draft.docx
	unzip -p draft.docx word/document.xml | grep -q '>【草稿】</w:t>' || fail "a draft lacks 【草稿】"
	cp "$example" self.yaml
	"$nianbao" render self.yaml --docx self.yaml 2>err
	[ $? -eq 2 ] && cmp -s self.yaml "$example" || fail "--docx replaced the report"
	"$nianbao" render "$example" --docx same.out --html same.out 2>err
	[ $? -eq 2 ] || fail "--docx and --html into one file is not refused"
	;;

libreoffice)
	command -v soffice >/dev/null 2>&1 || {
		echo "no soffice (LibreOffice): skipped"
		exit 77
	}
	timeout 300 soffice --headless --norestore -env:UserInstallation=file://"$work"/profile \
		--convert-to "txt:Text (encoded):UTF8" --outdir lo out.docx >lo.log 2>&1 ||
		fail "LibreOffice failed: $(tail -3 lo.log)"
	[ -s lo/out.txt ] || fail "LibreOffice wrote no text"
	for h in 示例县人民政府2024年政府信息公开工作年度报告 一、总体情况 六、其他需要报告的事项 \
		'（二）部分公开（区分处理的，只计这一情形，不计其他情形）' 复议后起诉 示例县人民政府; do
		grep -q "$h" lo/out.txt || fail "LibreOffice's text lacks $h"
	done
	"$nianbao" import lo/out.txt -o back.yaml 2>err
	[ $? -le 1 ] || fail "import of LibreOffice's text fails: $(head -3 err)"
	same_values "$example" back.yaml "import of LibreOffice's text of the .docx"
	;;

import)
	"$nianbao" import out.docx -o back.yaml 2>err
	if [ $? -eq 2 ]; then
		if "$nianbao" import --help 2>&1 | grep -qi docx; then
			fail "import reads .docx but refuses render --docx's: $(head -3 err)"
		else
			echo "import does not read .docx yet: skipped"
			exit 77
		fi
	fi
	same_values "$example" back.yaml "import of the .docx"
	;;
*)
	echo "docx-test.sh: unknown mode $mode" >&2
	exit 2
	;;
esac
[ "$failures" -eq 0 ] && echo "docx $mode: all passed"
[ "$failures" -eq 0 ]
