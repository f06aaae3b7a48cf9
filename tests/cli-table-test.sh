#!/bin/sh
# The command table, seen from outside: `nianbao --help`, each command's
# --help, the parser and the generated man page must agree on which
# commands there are and which options each takes.
#   cli-table-test.sh NIANBAO MAN_PAGE DATA_DIR
set -u
NIANBAO=$1
MAN=$2
DATA=$3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-table.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0
checks=0

. "$(dirname "$0")/check-lib.sh"

cd "$DATA" || exit 1

# the commands nianbao --help lists, and those of the man page's synopsis
expect_status 0 "$NIANBAO" --help
sed -n 's/^  nianbao \([a-z]*\) .*/\1/p' "$WORK/out" | sort >"$WORK/help-commands"
# the synopsis in plain text: roff's font changes and \- taken out
sed -n '/^\.SH 用法/,/^\.SH /p' "$MAN" | sed 's/\\f[BIR]//g; s/\\-/-/g' >"$WORK/synopsis"
sed -n 's/^\.B nianbao \([a-z]*\)$/\1/p' "$WORK/synopsis" | sort >"$WORK/man-commands"
checks=$((checks + 1))
[ -s "$WORK/help-commands" ] || fail "nianbao --help lists no command"
same "$WORK/man-commands" "$WORK/help-commands"
contains "$WORK/man-commands" "^edit$" # the man page once lacked it

# option_names FILE: the options named in FILE, one a line, sorted
option_names() {
	grep -o -- '--\?[a-z][a-z-]*' "$1" | grep '^-' | sort -u
}

for cmd in $(cat "$WORK/help-commands"); do
	expect_status 0 "$NIANBAO" "$cmd" --help
	cp "$WORK/out" "$WORK/help-$cmd"
	contains "$WORK/help-$cmd" "^用法：nianbao $cmd "
	# the options --help describes, one a line: "-o, --output 文件  ..."
	grep '^  -' "$WORK/help-$cmd" | sed 's/^  //; s/  .*//' >"$WORK/specs-$cmd"
	option_names "$WORK/specs-$cmd" >"$WORK/described-$cmd"
	# ... are those of its usage line (by the first name: -o for
	# "-o, --output") and of its line in the man page
	sed 's/^\(-[^ ,]*\).*/\1/' "$WORK/specs-$cmd" | sort >"$WORK/first-names-$cmd"
	head -1 "$WORK/help-$cmd" >"$WORK/usage-$cmd"
	option_names "$WORK/usage-$cmd" >"$WORK/usage-names-$cmd"
	same "$WORK/usage-names-$cmd" "$WORK/first-names-$cmd"
	sed -n "/^\.B nianbao $cmd\$/{n;p}" "$WORK/synopsis" >"$WORK/man-$cmd"
	checks=$((checks + 1))
	[ -s "$WORK/man-$cmd" ] || fail "the man page has no synopsis of $cmd"
	option_names "$WORK/man-$cmd" >"$WORK/man-names-$cmd"
	same "$WORK/man-names-$cmd" "$WORK/usage-names-$cmd"
	# ... and every one is accepted, with a value when --help shows one and
	# without when it shows none (a value where none belongs is refused
	# as --force=x).  No operand is given, so nothing runs.
	while read -r spec; do
		value=$(echo "$spec" | awk '$NF !~ /^-/ { print $NF }')
		value=${value%%|*} # the first of choices such as text|json
		for name in $(echo "$spec" | grep -o -- '--\?[a-z][a-z-]*' | grep '^-'); do
			case $name in
			--*) set -- "$name${value:+=$value}" ;;
			*) set -- "$name" ${value:+"$value"} ;;
			esac
			"$NIANBAO" "$cmd" "$@" >"$WORK/out" 2>"$WORK/err"
			checks=$((checks + 1))
			! grep -q "未知的选项\|后面要写一个值\|只能是" "$WORK/err" ||
				fail "$cmd does not take $* as its --help says: $(head -1 "$WORK/err")"
		done
	done <"$WORK/specs-$cmd"
	# an option --help does not describe is refused
	expect_status 2 "$NIANBAO" "$cmd" --no-such-option
	contains "$WORK/err" "未知的选项 --no-such-option"
done

# what the table declares besides the options themselves
expect_status 2 "$NIANBAO" render example-2024.yaml --seal seal.png
contains "$WORK/err" "^nianbao render: --seal 只能和 --pdf 一起用$"
contains "$WORK/err" "^用法：nianbao render 文件 \[--text 输出.txt\] \[--pdf 输出.pdf \[--seal 印章.png\]\] \[--html 输出.html\] \[--docx 输出.docx\] \[--ofd 输出.ofd\] \[--force\] \[--final\]$"
expect_status 2 "$NIANBAO" check --format xml example-2024.yaml
contains "$WORK/err" "^nianbao check: --format 只能是 text 或 json（写的是“xml”）$"
expect_status 2 "$NIANBAO" new --year 2024
contains "$WORK/err" "^nianbao new: 要写明 --organ 和 --year$"
expect_status 2 "$NIANBAO" new --organ 某镇 --year 2024 surplus
contains "$WORK/err" "^nianbao new: 多余的参数“surplus”$"
expect_status 2 "$NIANBAO" draft
contains "$WORK/err" "^nianbao draft: 要写出上年的报告文件$"
expect_status 2 "$NIANBAO" import a.txt b.txt
contains "$WORK/err" "^nianbao import: 只能写一个报告文件$"
expect_status 2 "$NIANBAO" render example-2024.yaml --text
contains "$WORK/err" "^nianbao render: 选项 --text 后面要写一个值$"
# long options by a unique prefix and with =, as getopt_long reads them
expect_status 0 "$NIANBAO" check --forma=json example-2024.yaml
contains "$WORK/out" '"valid": true'
expect_status 2 "$NIANBAO" new --fo x --organ 某镇 --year 2024 # --force or --form
contains "$WORK/err" "未知的选项 --fo"
# commands by a unique prefix; help of one command
expect_status 0 "$NIANBAO" ren --help
contains "$WORK/out" "^用法：nianbao render "
expect_status 0 "$NIANBAO" help draft
contains "$WORK/out" "^用法：nianbao draft "

# the man page's rules are those of check --list-rules, in the same order
expect_status 0 "$NIANBAO" check --list-rules
awk '{ print $1 }' "$WORK/out" >"$WORK/listed-rules"
sed -n '/^\.SH 规则/,/^\.SH /{/^\.TP/{n;s/^\.B //p}}' "$MAN" >"$WORK/man-rules"
same "$WORK/man-rules" "$WORK/listed-rules"
contains "$MAN" "^（警告，需要 \\\\-\\\\-previous）一、五的文字一半以上与上年相同"

echo "cli-table-test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
