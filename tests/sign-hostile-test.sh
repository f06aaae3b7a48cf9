#!/bin/sh
# End-to-end tests of nianbao sign on hand-made hostile PDFs: a hybrid-
# reference file whose table and /XRefStm disagree on the page is signed
# to what poppler shows; a form that repeats a reference to one large
# field ten thousand times is refused with a reason, not read for minutes;
# usage rights, a certification, an empty signature field and a lone
# signature widget are refused with the reason.
#   sign-hostile-test.sh NIANBAO MAKE_HOSTILE_PDF KEYS_DIR
set -u
absolute() {
	case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac
}
NIANBAO=$(absolute "$1")
MAKE_PDF=$(absolute "$2")
K=$(absolute "$3")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-sign-hostile.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
checks=0
unset NIANBAO_KEY_PASSWORD

. "$(dirname "$0")/check-lib.sh"

cd "$WORK" || exit 1

# --- hybrid reference: the table wins, as in poppler and qpdf ----------------
"$MAKE_PDF" hybrid hybrid.pdf || fail "make_hostile_pdf hybrid"
pdftotext hybrid.pdf hybrid.txt
contains hybrid.txt "Shown by the table"
qpdf --show-object=3 hybrid.pdf >page.txt 2>&1
contains page.txt "/Contents 4 0 R"
expect_status 0 "$NIANBAO" sign hybrid.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o hybrid-signed.pdf
pdftotext hybrid-signed.pdf hybrid-signed.txt
same hybrid-signed.txt hybrid.txt
checks=$((checks + 1))
pdfsig hybrid-signed.pdf >pdfsig.txt 2>&1
grep -q "Signature is Valid" pdfsig.txt || fail "hybrid-signed.pdf is not validly signed"
qpdf --show-object=3 hybrid-signed.pdf >page.txt 2>&1
contains page.txt "/Contents 4 0 R"

# --- one large field referred to 10,000 times -------------------------------
"$MAKE_PDF" repeated repeated.pdf 10000 2097152 || fail "make_hostile_pdf repeated"
expect_status 2 "$NIANBAO" sign repeated.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o repeated-signed.pdf
contains "$WORK/err" "反复引用"
checks=$((checks + 1))
[ ! -e repeated-signed.pdf ] || fail "repeated-signed.pdf was written"
# a few references to a small field are an ordinary form and sign
"$MAKE_PDF" repeated few.pdf 3 100 || fail "make_hostile_pdf repeated"
expect_status 0 "$NIANBAO" sign few.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o few-signed.pdf

# --- signatures of others, in every form they take, are refused with why -----
for kind in ur3 docmdp emptysig sigwidget; do
	"$MAKE_PDF" $kind $kind.pdf || fail "make_hostile_pdf $kind"
	checks=$((checks + 1))
	qpdf --check $kind.pdf >/dev/null 2>&1 || fail "$kind.pdf is not a sound PDF"
	expect_status 2 "$NIANBAO" sign $kind.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o $kind-signed.pdf
	case $kind in
	ur3) contains "$WORK/err" "使用权限签名（/Perms /UR3" ;;
	docmdp) contains "$WORK/err" "认证签名（/Perms /DocMDP）" ;;
	emptysig) contains "$WORK/err" "还没有签名的签名域" ;;
	sigwidget) contains "$WORK/err" "页面上有签名的注释" ;;
	esac
	checks=$((checks + 1))
	[ ! -e $kind-signed.pdf ] || fail "$kind-signed.pdf was written"
done

# --- the fields are read once: a field named Signature1 behind a large field
# referred to 8 times (a second reading would run out of the reader's
# budget and miss it) is seen, and the new field takes Signature2
"$MAKE_PDF" reused reused.pdf || fail "make_hostile_pdf reused"
expect_status 0 "$NIANBAO" sign reused.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o reused-signed.pdf
pdfsig reused-signed.pdf >pdfsig.txt 2>&1
contains pdfsig.txt "Signature Field Name: Signature2"
contains pdfsig.txt "Signature is Valid"

echo "sign-hostile-test: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
