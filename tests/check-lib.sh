# Helpers of the end-to-end tests, sourced by the tests/*-test.sh scripts.  The
# sourcing script sets failures and checks, and WORK (a scratch directory)
# before it calls those that write there.

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}

# expect_status WANT COMMAND...: runs COMMAND (stdout to $WORK/out, stderr
# to $WORK/err) and checks its exit status.
expect_status() {
	want=$1
	shift
	checks=$((checks + 1))
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "$* exited $got, expected $want"
		sed 's/^/  stderr: /' "$WORK/err" >&2
	fi
}

# same FILE GOLDEN: FILE's bytes equal GOLDEN's.
same() {
	checks=$((checks + 1))
	if ! cmp -s "$1" "$2"; then
		fail "$1 differs from $2"
		diff "$2" "$1" | head -20 >&2
	fi
}

contains() {
	checks=$((checks + 1))
	grep -q -- "$2" "$1" || fail "$1 lacks \"$2\""
}

empty() {
	checks=$((checks + 1))
	[ ! -s "$1" ] || { fail "$1 is not empty:"; head -5 "$1" >&2; }
}

# clerk_copies DIR: the program, its modules and the font roles copied into DIR, and
# NIANBAO and NIANBAO_FONTS_DIR pointed at the copies, so that an
# unprivileged clerk can run them wherever the build is (a clone may sit in
# a folder only root may enter).
clerk_copies() {
	mkdir -p "$1"
	cp "$NIANBAO" "$1/nianbao"
	for module in "$(dirname "$NIANBAO")"/nianbao-*.so; do
		[ ! -e "$module" ] || cp "$module" "$1/"
	done
	cp -R "$(dirname "$0")/../fonts" "$1/fonts"
	chmod -R a+rX "$1"
	NIANBAO=$1/nianbao
	NIANBAO_FONTS_DIR=$1/fonts
	export NIANBAO_FONTS_DIR
}
