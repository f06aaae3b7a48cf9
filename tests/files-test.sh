#!/bin/sh
# What nianbao writes never destroys what it did not write: no command
# replaces its own input, however the path is spelled; nothing is written
# through a symbolic link planted at an output, recovery or lock path;
# render and F5 replace only nianbao's own earlier output of the same
# report, and never a signed PDF.  Run as root, every nianbao runs as the
# unprivileged user 65534 in a folder of its own, and the files planted
# links point to are writable by it, so that following a link would show.
#   files-test.sh NIANBAO DATA_DIR KEYS_DIR
set -u
absolute() {
	case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac
}
NIANBAO=$(absolute "$1")
DATA=$(absolute "$2")
KEYS=$(absolute "$3")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-files.XXXXXX")
SOCKET=
cleanup() {
	[ -z "$SOCKET" ] || tmux -S "$SOCKET" kill-server 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
failures=0
checks=0

. "$(dirname "$0")/check-lib.sh"
. "$(dirname "$0")/screen-lib.sh"

chmod 755 "$WORK"
W=$WORK/clerk   # where the clerk's nianbao works
V=$WORK/victims # files someone points links at
mkdir "$W" "$V"
chmod 777 "$V"
AS=
if [ "$(id -u)" -eq 0 ]; then
	AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chown 65534:65534 "$W"
	clerk_copies "$WORK/program"
fi
cp "$DATA/example-2024.yaml" "$W/r.yaml"
cp "$DATA/published/seed-001.txt" "$W/pub.txt"
cp "$DATA/pdf/seal.png" "$W/seal.png"
cp "$KEYS/key.pem" "$KEYS/cert.pem" "$W/"
[ -z "$AS" ] || chown 65534:65534 "$W"/*
cd "$W" || exit 1

nb() {
	# shellcheck disable=SC2086 # AS is words
	$AS "$NIANBAO" "$@"
}

# victim NAME: a file nianbao did not write, that anyone could write.
victim() {
	printf 'not written by nianbao\n' >"$V/$1"
	chmod 666 "$V/$1"
}

untouched() {
	checks=$((checks + 1))
	[ "$(cat "$V/$1")" = "not written by nianbao" ] || fail "$V/$1 was written through a link"
}

not_link() {
	checks=$((checks + 1))
	[ -f "$1" ] && [ ! -L "$1" ] || fail "$1 is not a plain file"
}

# --- no command replaces its input, --force or not ---------------------------
ln -s pub.txt pub-link.txt
ln pub.txt pub-hard.txt
for out in pub.txt ./pub.txt pub-link.txt pub-hard.txt "$W/pub.txt" "$W/../clerk/pub.txt"; do
	expect_status 2 nb import pub.txt -o "$out" --force
	contains "$WORK/err" "就是输入文件"
done
same pub.txt "$DATA/published/seed-001.txt"
ln r.yaml r-hard.yaml
ln -s r.yaml r-link.yaml
for out in ./r.yaml r-hard.yaml r-link.yaml; do
	expect_status 2 nb draft r.yaml -o "$out" --force
	contains "$WORK/err" "就是输入文件"
	expect_status 2 nb render r.yaml --text "$out" --force
	contains "$WORK/err" "就是输入文件"
	expect_status 2 nb render r.yaml --pdf "$out" --force
	contains "$WORK/err" "就是输入文件"
	expect_status 2 nb sign r.yaml --key key.pem --cert cert.pem -o "$out" --force
	contains "$WORK/err" "就是输入文件"
done
same r.yaml "$DATA/example-2024.yaml"
ln -s seal.png seal-link.png
expect_status 2 nb render r.yaml --pdf seal-link.png --seal seal.png --force
contains "$WORK/err" "就是输入文件 seal.png"
same seal.png "$DATA/pdf/seal.png"
expect_status 0 nb render r.yaml --pdf unsigned.pdf
cp unsigned.pdf unsigned.before
ln unsigned.pdf unsigned-hard.pdf
expect_status 2 nb sign unsigned.pdf --key key.pem --cert cert.pem -o unsigned-hard.pdf --force
contains "$WORK/err" "就是输入文件"
ln -s key.pem key-link.pem
expect_status 2 nb sign unsigned.pdf --key key.pem --cert cert.pem -o key-link.pem --force
same key.pem "$KEYS/key.pem"
same unsigned.pdf unsigned.before

# --- a planted link at an output is never written through ----------------
# without --force the link is refused as an existing file; with it, the
# link itself is replaced and the file it points to stays as it was
for cmd in "new --organ 函谷关镇人民政府 --year 2021" "import pub.txt" "draft r.yaml" \
	"sign unsigned.pdf --key key.pem --cert cert.pem"; do
	name=$(echo "$cmd" | cut -d' ' -f1)
	victim "$name.victim"
	ln -s "$V/$name.victim" "$name.out"
	# shellcheck disable=SC2086 # the command's words
	expect_status 2 nb $cmd -o "$name.out"
	contains "$WORK/err" "已经存在"
	untouched "$name.victim"
	checks=$((checks + 1))
	# shellcheck disable=SC2086
	nb $cmd -o "$name.out" --force >"$WORK/out" 2>"$WORK/err"
	[ $? -le 1 ] || fail "$cmd -o a link --force failed: $(cat "$WORK/err")"
	untouched "$name.victim"
	not_link "$name.out"
	# a dangling link: nothing is created where it points
	ln -s "$V/$name.nothing" "$name.dangling"
	# shellcheck disable=SC2086
	expect_status 2 nb $cmd -o "$name.dangling"
	checks=$((checks + 1))
	# shellcheck disable=SC2086
	nb $cmd -o "$name.dangling" --force >"$WORK/out" 2>"$WORK/err"
	[ ! -e "$V/$name.nothing" ] || fail "$cmd created the target of a dangling link"
	not_link "$name.dangling"
done
for kind in text pdf; do
	victim "render-$kind.victim"
	ln -s "$V/render-$kind.victim" "render.$kind"
	expect_status 2 nb render r.yaml "--$kind" "render.$kind"
	contains "$WORK/err" "不是 nianbao 由这份报告排出的文件"
	untouched "render-$kind.victim"
	expect_status 0 nb render r.yaml "--$kind" "render.$kind" --force
	untouched "render-$kind.victim"
	not_link "render.$kind"
done

# --- render replaces only its own output of the same report ----------------
expect_status 0 nb render r.yaml --text own.txt --pdf own.pdf
# the report edited since: a count, a narrative, the draft mark, the date
sed -e 's/licensing: 1532/licensing: 987654321/' -e 's/认真贯彻落实/切实贯彻落实/' \
	-e 's/^draft: false/draft: true/' -e 's/^issued_on: .*/issued_on: 2025-02-01/' \
	"$DATA/example-2024.yaml" >edited.yaml
[ -z "$AS" ] || chown 65534:65534 edited.yaml
expect_status 0 nb check edited.yaml
expect_status 0 nb render edited.yaml --text own.txt --pdf own.pdf
contains own.txt "987654321"
contains own.txt "切实贯彻落实"
# and a clerk's own touches to the text do not make it foreign
sed -i 's/切实贯彻落实/认真落实/' own.txt
expect_status 0 nb render r.yaml --text own.txt --pdf own.pdf
same own.txt "$DATA/../golden/example-2024.txt"
# another report's outputs, another year's, an office's published text
cp "$DATA/seed-000.yaml" other.yaml
expect_status 0 nb render other.yaml --text other.txt --pdf other.pdf
cp other.txt other.before
cp other.pdf other-pdf.before
expect_status 2 nb render r.yaml --text other.txt
contains "$WORK/err" "other.txt 已经存在，但不是 nianbao 由这份报告排出的文件"
contains "$WORK/err" "确要替换请加 --force"
expect_status 2 nb render r.yaml --pdf other.pdf
same other.txt other.before
same other.pdf other-pdf.before
sed 's/^year: 2024/year: 2023/' "$DATA/example-2024.yaml" >last-year.yaml
[ -z "$AS" ] || chown 65534:65534 last-year.yaml
expect_status 2 nb render last-year.yaml --pdf own.pdf
expect_status 2 nb render last-year.yaml --text own.txt
for n in 0 1 2 3 4; do
	# the published text of the very report the transcription is of
	cp "$DATA/published/seed-00$n.txt" "published-$n.txt"
	cp "$DATA/seed-00$n.yaml" "published-$n.yaml"
	[ -z "$AS" ] || chown 65534:65534 "published-$n.txt" "published-$n.yaml"
	expect_status 2 nb render "published-$n.yaml" --text "published-$n.txt"
	contains "$WORK/err" "published-$n.txt"
	same "published-$n.txt" "$DATA/published/seed-00$n.txt"
done
# nianbao's own text with its columns split by tabs, as offices publish
# tables, is someone else's
sed 's/   */	/g' own.txt >tabbed.txt
[ -z "$AS" ] || chown 65534:65534 tabbed.txt
cp tabbed.txt tabbed.before
expect_status 2 nb render r.yaml --text tabbed.txt
same tabbed.txt tabbed.before
# one refused output: neither is written
expect_status 2 nb render r.yaml --text fresh.txt --pdf other.pdf
checks=$((checks + 1))
[ ! -e fresh.txt ] || fail "render wrote fresh.txt although other.pdf was refused"
expect_status 0 nb render r.yaml --text other.txt --pdf other.pdf --force
# a signed PDF is never replaced, by render or sign, --force or not
expect_status 0 nb sign r.yaml --key key.pem --cert cert.pem -o signed.pdf
cp signed.pdf signed.before
for force in "" --force; do
	# shellcheck disable=SC2086
	expect_status 2 nb render r.yaml --pdf signed.pdf $force
	contains "$WORK/err" "signed.pdf 是签过名的 PDF，nianbao 从不替换签过名的文件"
	contains "$WORK/err" "例如 signed-2.pdf"
	# shellcheck disable=SC2086
	expect_status 2 nb sign unsigned.pdf --key key.pem --cert cert.pem -o signed.pdf $force
done
same signed.pdf signed.before

# --- the form: recovery and lock files, F5 ----------------------------------
# start ARGS...: the form in a fresh tmux, as the clerk's user
start() {
	[ -z "$SOCKET" ] || tmux -S "$SOCKET" kill-server 2>/dev/null
	SOCKET="$W/tmux.$$.sock"
	# shellcheck disable=SC2086
	SHELL=/bin/sh $AS tmux -S "$SOCKET" -f /dev/null new-session -d -s form -x 100 -y 30 \
		"LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color $NIANBAO $*; printf \"\\r\\n[exit %s]\\r\\n\" \$?; sleep 600"
}
keys() {
	# shellcheck disable=SC2086
	$AS tmux -S "$SOCKET" send-keys -t form "$@"
}
screen() {
	# shellcheck disable=SC2086
	$AS tmux -S "$SOCKET" capture-pane -t form -p
}

# a link planted at the recovery path: never followed, and the recovery
# file of a 0600 report is 0600 too
cp "$DATA/example-2024.yaml" 报告.yaml
[ -z "$AS" ] || chown 65534:65534 报告.yaml
chmod 600 报告.yaml
victim recovery.victim
ln -s "$V/recovery.victim" .报告.yaml.recovery
start edit 报告.yaml
wait_for "示例县人民政府2024年政府信息公开工作年度报告"
keys Enter
$AS tmux -S "$SOCKET" send-keys -t form -l "补记"
wait_for "未保存"
checks=$((checks + 1))
i=0
while [ -L .报告.yaml.recovery ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
untouched recovery.victim
not_link .报告.yaml.recovery
checks=$((checks + 1))
[ "$(stat -c %a .报告.yaml.recovery)" = 600 ] ||
	fail "the recovery copy of a 0600 report is $(stat -c %a .报告.yaml.recovery)"
grep -q "补记" .报告.yaml.recovery || fail "the recovery file lacks what was typed"

# F5 keeps a foreign 报告.txt and a signed 报告.pdf, and writes neither file
keys Escape
cp pub.txt 报告.txt
cp signed.pdf 报告.pdf
keys F5
wait_for "没有生成：报告.txt 已经存在，但不是 nianbao 由这份报告排出的文件"
same 报告.txt pub.txt
same 报告.pdf signed.pdf
rm 报告.txt
keys F5
wait_for "没有生成：报告.pdf 是签过名的 PDF"
checks=$((checks + 1))
[ ! -e 报告.txt ] || fail "F5 wrote 报告.txt although 报告.pdf was kept"
same 报告.pdf signed.pdf
rm 报告.pdf
keys F5
wait_for "已生成 报告.txt 和 报告.pdf"
# its own outputs it replaces, after another change
keys Enter
$AS tmux -S "$SOCKET" send-keys -t form -l "再记"
wait_for "再记"
keys Escape
keys F5
wait_for "已生成 报告.txt 和 报告.pdf"
contains 报告.txt "再记"
$AS tmux -S "$SOCKET" kill-server
SOCKET=

# a link planted at the lock path: the form refuses, nothing is created
cp "$DATA/example-2024.yaml" locked.yaml
[ -z "$AS" ] || chown 65534:65534 locked.yaml
ln -s "$V/lock.nothing" .locked.yaml.lock
start edit locked.yaml
wait_for "[exit 2]"
wait_for "是一个符号链接"
checks=$((checks + 1))
[ ! -e "$V/lock.nothing" ] || fail "the lock was created through a planted link"

echo "files-test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
