#!/bin/sh
# End-to-end tests of nianbao sign and --print: the real binary signs PDFs
# that libharu writes (and qpdf rewrites with a cross-reference stream),
# pdfsig verifies them, qpdf checks them, a changed byte breaks them, every
# refusal leaves no output, and a fake lp records what printing hands it.
#   sign-test.sh NIANBAO MAKE_TEST_PDF KEYS_DIR
set -u
absolute() {
	case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac
}
NIANBAO=$(absolute "$1")
MAKE_PDF=$(absolute "$2")
KEYS=$(absolute "$3")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-sign.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
checks=0
PASSWORD=$(cat "$KEYS/password.txt")
unset NIANBAO_KEY_PASSWORD

. "$(dirname "$0")/check-lib.sh"

lacks() {
	checks=$((checks + 1))
	! grep -q -- "$2" "$1" || fail "$1 has \"$2\""
}

absent() {
	checks=$((checks + 1))
	[ ! -e "$1" ] || fail "$1 was written"
}

# valid PDF: pdfsig finds one valid signature over the whole file, qpdf
# finds nothing wrong.
valid() {
	checks=$((checks + 1))
	pdfsig "$1" >"$WORK/pdfsig" 2>&1
	grep -q "Signature is Valid" "$WORK/pdfsig" || { fail "pdfsig: $1 is not validly signed"; cat "$WORK/pdfsig" >&2; }
	contains "$WORK/pdfsig" "Total document signed"
	contains "$WORK/pdfsig" "adbe.pkcs7.detached"
	contains "$WORK/pdfsig" "SHA-256"
	checks=$((checks + 1))
	qpdf --check "$1" >"$WORK/qpdf" 2>&1 || { fail "qpdf --check $1 failed"; cat "$WORK/qpdf" >&2; }
	contains "$WORK/qpdf" "No syntax or stream encoding errors"
	lacks "$WORK/qpdf" "WARNING"
}

# flipped PDF OFFSET: a copy with one byte changed is no longer valid.
flipped() {
	cp "$1" "$WORK/flipped.pdf"
	byte=$(dd if="$1" bs=1 skip="$2" count=1 2>/dev/null)
	if [ "$byte" = "X" ]; then new=Y; else new=X; fi
	printf '%s' "$new" | dd of="$WORK/flipped.pdf" bs=1 seek="$2" conv=notrunc 2>/dev/null
	pdfsig "$WORK/flipped.pdf" >"$WORK/pdfsig" 2>&1
	lacks "$WORK/pdfsig" "Signature is Valid"
}

size() {
	wc -c <"$1" | tr -d ' '
}

cd "$WORK" || exit 1
K=$KEYS

# --- the inputs -------------------------------------------------------------
"$MAKE_PDF" pages pages.pdf || fail "make_test_pdf pages"
"$MAKE_PDF" annots annots.pdf || fail "make_test_pdf annots"
qpdf --object-streams=generate pages.pdf pages-xs.pdf || fail "qpdf pages"
qpdf --object-streams=generate annots.pdf annots-xs.pdf || fail "qpdf annots"
# the rewritten ones keep the catalog and pages in object streams
qpdf --show-xref pages-xs.pdf >xref.txt
contains xref.txt "compressed"

# --- signing each kind of input -------------------------------------------
for name in pages annots pages-xs annots-xs; do
	expect_status 0 "$NIANBAO" sign "$name.pdf" --key "$K/key.pem" --cert "$K/cert.pem" -o "$name-signed.pdf"
	contains "$WORK/out" "函谷关镇人民政府"
	valid "$name-signed.pdf"
	contains "$WORK/pdfsig" "Signer Certificate Common Name: 函谷关镇人民政府"
	# the input's bytes are kept as they are, the signature follows them
	checks=$((checks + 1))
	cmp -s -n "$(size "$name.pdf")" "$name.pdf" "$name-signed.pdf" || fail "$name-signed.pdf does not start with $name.pdf"
	# a byte of the input (inside the binary comment of line 2), and one of
	# the update (in its last %%EOF)
	flipped "$name-signed.pdf" 11
	flipped "$name-signed.pdf" $(($(size "$name-signed.pdf") - 2))
	# and a reader sees the same pages as before
	pdftoppm -r 20 -png "$name.pdf" before >/dev/null 2>&1
	pdftoppm -r 20 -png "$name-signed.pdf" after >/dev/null 2>&1
	for page in before-*.png; do
		checks=$((checks + 1))
		cmp -s "$page" "after-${page#before-}" || fail "$name-signed.pdf: $page looks different"
	done
	rm -f before-*.png after-*.png
done
qpdf --json "annots-signed.pdf" >annots.json 2>/dev/null
contains annots.json "/Link"
contains annots.json "/Text"
contains annots.json "/Widget"

# an elliptic-curve key, and a certificate file with a chain
expect_status 0 "$NIANBAO" sign pages.pdf --key "$K/ec-key.pem" --cert "$K/ec-cert.pem" -o ec.pdf
valid ec.pdf
expect_status 0 "$NIANBAO" sign pages-xs.pdf --key "$K/key.pem" --cert "$K/chain.pem" -o chain.pdf
valid chain.pdf

# an encrypted key, its password from the environment or typed on a terminal
expect_status 0 env NIANBAO_KEY_PASSWORD="$PASSWORD" "$NIANBAO" sign pages.pdf --key "$K/encrypted-key.pem" \
	--cert "$K/cert.pem" -o env.pdf
valid env.pdf
checks=$((checks + 1))
# (NIANBAO_TEST_PROMPT_WAIT: seconds to reach the prompt, more under valgrind)
(sleep "${NIANBAO_TEST_PROMPT_WAIT:-1}"; printf '%s\n' "$PASSWORD") |
	script -qec "'$NIANBAO' sign pages.pdf --key '$K/encrypted-key.pem' --cert '$K/cert.pem' -o typed.pdf" \
		/dev/null >typed.out 2>&1 || fail "signing with a typed password failed"
contains typed.out "的口令"
lacks typed.out "$PASSWORD" # not echoed
valid typed.pdf
# Ctrl-C at the prompt: nothing is signed and the terminal echoes again
# (the shell ignores SIGINT so that it lives on to ask stty)
checks=$((checks + 1))
(sleep "${NIANBAO_TEST_PROMPT_WAIT:-1}"; printf '\003'; sleep 1) |
	script -qec "sh -c 'trap \"\" INT; \"$NIANBAO\" sign pages.pdf --key \"$K/encrypted-key.pem\" --cert \"$K/cert.pem\" -o cancelled.pdf; echo status=\$?; stty -a'" \
		/dev/null >cancelled.out 2>&1
contains cancelled.out "已取消"
contains cancelled.out "status=2"
tr ' ' '\n' <cancelled.out | tr -d '\r' >stty.out
contains stty.out "^echo$"
absent cancelled.pdf

# SOURCE_DATE_EPOCH fixes the signature's /M
expect_status 0 env SOURCE_DATE_EPOCH=1737331200 "$NIANBAO" sign pages.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o dated.pdf
contains dated.pdf "/M (D:20250120000000+00'00')"
valid dated.pdf
contains "$WORK/err" "从 .* 起才生效" # the certificate was made after 2025
contains "$WORK/pdfsig" "Signing Time: Jan 20 2025 00:00:00"
# and makes the output reproducible (an RSA signature has no randomness)
expect_status 0 env SOURCE_DATE_EPOCH=1737331200 "$NIANBAO" sign pages.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o dated-again.pdf
checks=$((checks + 1))
cmp -s dated.pdf dated-again.pdf || fail "the same SOURCE_DATE_EPOCH gave different bytes"
expect_status 0 env SOURCE_DATE_EPOCH=4102444800 "$NIANBAO" sign pages.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o late.pdf
contains "$WORK/err" "已于 .* 过期"
expect_status 0 "$NIANBAO" sign pages.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o now.pdf
empty "$WORK/err"
# a file is never signed in place: the unsigned input stays, --force or not
cp pages.pdf inplace.pdf
expect_status 2 "$NIANBAO" sign inplace.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o inplace.pdf --force
contains "$WORK/err" "就是输入文件"
same inplace.pdf pages.pdf

# --- refusals: a clear message, status 2, no output --------------------------
# refused MESSAGE ARGS...: nianbao sign ARGS -o r1.pdf
# exits 2, says MESSAGE, and writes nothing.
refused() {
	message=$1
	shift
	expect_status 2 "$NIANBAO" sign "$@" -o r1.pdf
	contains "$WORK/err" "$message"
	absent r1.pdf
}
GOOD="--key $K/key.pem --cert $K/cert.pem"
mkdir adir
printf 'organ: 函谷关镇人民政府\n' >report.yaml
head -c 700 pages.pdf >truncated.pdf
refused "无法读取 missing.pdf：文件不存在" missing.pdf $GOOD
refused "不是普通文件" adir $GOOD
refused "缺少键“form”" report.yaml $GOOD
printf 'organ: 函谷关镇人民政府\n' >report.txt
refused "不是 PDF 文件" report.txt $GOOD
refused "truncated.pdf：文件末尾没有 startxref" truncated.pdf $GOOD
refused "不匹配" pages.pdf --key "$K/other-key.pem" --cert "$K/cert.pem"
refused "没有可用的私钥" pages.pdf --key "$K/cert.pem" --cert "$K/cert.pem"
refused "没有证书" pages.pdf --key "$K/key.pem" --cert "$K/key.pem"
refused "无法读取私钥文件" pages.pdf --key "$K/missing.pem" --cert "$K/cert.pem"
refused "已经签过名了" pages-signed.pdf $GOOD
refused "已经签过名了" annots-xs-signed.pdf $GOOD
expect_status 2 "$NIANBAO" sign pages.pdf $GOOD -o no/such/dir/out.pdf
contains "$WORK/err" "no/such/dir/out.pdf：目录不存在"
expect_status 2 env NIANBAO_KEY_PASSWORD=wrong "$NIANBAO" sign pages.pdf \
	--key "$K/encrypted-key.pem" --cert "$K/cert.pem" -o r1.pdf
contains "$WORK/err" "口令不对"
absent r1.pdf
# no terminal to ask on, no password in the environment
expect_status 2 setsid -w "$NIANBAO" sign pages.pdf --key "$K/encrypted-key.pem" \
	--cert "$K/cert.pem" -o r1.pdf </dev/null
contains "$WORK/err" "是加密的，需要口令"
contains "$WORK/err" "NIANBAO_KEY_PASSWORD"
absent r1.pdf
# an input that cannot be signed is refused before the password is asked for
expect_status 2 setsid -w "$NIANBAO" sign pages-signed.pdf --key "$K/encrypted-key.pem" \
	--cert "$K/cert.pem" -o r1.pdf </dev/null
contains "$WORK/err" "已经签过名了"
lacks "$WORK/err" "口令"
# the key and the certificate are never replaced, even with --force
cp "$K/key.pem" mykey.pem
expect_status 2 "$NIANBAO" sign pages.pdf --key mykey.pem --cert "$K/cert.pem" -o mykey.pem --force
contains "$WORK/err" "就是输入文件"
checks=$((checks + 1))
cmp -s "$K/key.pem" mykey.pem || fail "the key was replaced"
rm mykey.pem
ln -s "$K/cert.pem" cert-link.pem
expect_status 2 "$NIANBAO" sign pages.pdf $GOOD -o cert-link.pem --force
contains "$WORK/err" "就是输入文件"
# an existing output is kept without --force, replaced with it; a signed
# one is never replaced
cp pages-signed.pdf before.pdf
expect_status 2 "$NIANBAO" sign annots.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o pages-signed.pdf
contains "$WORK/err" "已经存在"
checks=$((checks + 1))
cmp -s before.pdf pages-signed.pdf || fail "pages-signed.pdf was changed without --force"
expect_status 2 "$NIANBAO" sign annots.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o pages-signed.pdf --force
contains "$WORK/err" "是签过名的 PDF"
contains "$WORK/err" "pages-signed-2.pdf"
same pages-signed.pdf before.pdf
cp pages.pdf unsigned-out.pdf
expect_status 0 "$NIANBAO" sign annots.pdf --key "$K/key.pem" --cert "$K/cert.pem" -o unsigned-out.pdf --force
valid unsigned-out.pdf
expect_status 2 "$NIANBAO" sign pages.pdf --cert "$K/cert.pem" -o r1.pdf
contains "$WORK/err" "要写明 --key、--cert 和 -o"
expect_status 0 "$NIANBAO" sign --help
contains "$WORK/out" "NIANBAO_KEY_PASSWORD"
# the key is not copied into any file
checks=$((checks + 1))
key_line=$(sed -n 2p "$K/key.pem")
! grep -rqF -- "$key_line" "$WORK" || fail "a line of the private key was written under $WORK"
checks=$((checks + 1))
! ls -a | grep -q 'tmp-' || fail "temporary files were left behind"

# --- a report file is rendered, signed and printed in one step --------------
EXAMPLE="$(cd "$(dirname "$0")" && pwd)/data/example-2024.yaml"
mkdir -p onestep
expect_status 0 "$NIANBAO" sign "$EXAMPLE" $GOOD -o onestep/report.pdf
valid onestep/report.pdf
checks=$((checks + 1))
pdftotext onestep/report.pdf onestep/report.txt 2>/dev/null
grep -q "示例县人民政府" onestep/report.txt || fail "the signed report's text does not come back"
cp "$(dirname "$EXAMPLE")/broken/requests-balance.yaml" onestep/broken.yaml
expect_status 1 "$NIANBAO" sign onestep/broken.yaml $GOOD -o onestep/broken.pdf
contains "$WORK/err" "[requests.balance]"
contains "$WORK/err" "还不是定稿" # only a final report is signed (final-test.sh)
absent onestep/broken.pdf
expect_status 2 "$NIANBAO" sign pages.pdf $GOOD --seal seal.png -o onestep/sealed.pdf
contains "$WORK/err" "--seal 只能用于报告文件"
absent onestep/sealed.pdf

# --- printing through a fake lp ---------------------------------------------
mkdir bin nolp
cat >bin/lp <<'EOF'
#!/bin/sh
for arg in "$@"; do printf '%s\n' "$arg"; done >"$LP_LOG"
[ -f "$1" ] || [ -f "$3" ] || exit 9 # the signed file is there before lp runs
exit "${FAKE_LP_STATUS:-0}"
EOF
chmod +x bin/lp
odd="$WORK/年报 a b;\$(touch pwned)'\"&|*.pdf"
expect_status 0 env PATH="$WORK/bin:$PATH" LP_LOG="$WORK/lp.log" "$NIANBAO" sign pages.pdf --key "$K/key.pem" \
	--cert "$K/cert.pem" -o "$odd" --print
printf '%s\n' "$odd" >want.log
checks=$((checks + 1))
cmp -s want.log lp.log || { fail "lp was not given the file name as it is"; cat lp.log >&2; }
absent pwned
valid "$odd"
expect_status 0 env PATH="$WORK/bin:$PATH" LP_LOG="$WORK/lp.log" "$NIANBAO" sign pages.pdf --key "$K/key.pem" \
	--cert "$K/cert.pem" -o -dash.pdf --printer "办公室 打印机"
printf '%s\n' -d "办公室 打印机" ./-dash.pdf >want.log
checks=$((checks + 1))
cmp -s want.log lp.log || { fail "lp -d was not given as expected"; cat lp.log >&2; }
expect_status 2 env PATH="$WORK/bin:$PATH" LP_LOG="$WORK/lp.log" FAKE_LP_STATUS=3 "$NIANBAO" sign pages.pdf \
	--key "$K/key.pem" --cert "$K/cert.pem" -o failed.pdf --print
contains "$WORK/err" "退出状态 3"
contains "$WORK/err" "已写出，但没有打印"
valid failed.pdf
expect_status 2 env PATH="$WORK/nolp" "$NIANBAO" sign pages.pdf --key "$K/key.pem" --cert "$K/cert.pem" \
	-o nocups.pdf --print
contains "$WORK/err" "没有安装 CUPS"
valid nocups.pdf
# where posix_spawnp cannot report a failed exec (as under valgrind), the
# child exits 127: that too is a missing lp, not a failed print job
expect_status 2 env PATH="$WORK/bin:$PATH" LP_LOG="$WORK/lp.log" FAKE_LP_STATUS=127 "$NIANBAO" sign pages.pdf \
	--key "$K/key.pem" --cert "$K/cert.pem" -o spawn127.pdf --print
contains "$WORK/err" "没有安装 CUPS"
valid spawn127.pdf

echo "sign-test: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
