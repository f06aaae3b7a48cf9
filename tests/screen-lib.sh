# Waiting for what a form in tmux shows, for the terminal tests.  The
# sourcing script defines screen (prints the pane), fail, and checks.

# terminal_gone WHY: the terminal itself has ended; every later wait would
# only time out, so the test stops here.
terminal_gone() {
	fail "the terminal is gone: $1"
	exit 1
}

# wait_screen shown|gone TEXT: waits up to 5 s until TEXT is on the screen
# (shown) or off it (gone).
wait_screen() {
	checks=$((checks + 1))
	i=0
	while [ $i -lt 50 ]; do
		shown=$(screen 2>&1) || terminal_gone "$shown"
		if printf '%s\n' "$shown" | grep -qF -- "$2"; then
			[ "$1" = shown ] && return 0
		else
			[ "$1" = gone ] && return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	if [ "$1" = shown ]; then
		fail "screen never showed \"$2\"; it shows:"
	else
		fail "screen still shows \"$2\":"
	fi
	screen | sed 's/^/  | /' >&2
	return 1
}

wait_for() { wait_screen shown "$1"; }
wait_gone() { wait_screen gone "$1"; }
