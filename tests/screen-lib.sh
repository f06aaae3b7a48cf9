# Waiting for what a form in tmux shows, for the terminal tests.  The
# sourcing script defines screen (prints the pane), fail, and checks.

# gone WHY: the terminal itself has ended; every later wait would only time
# out, so the test stops here.
gone() {
	fail "the terminal is gone: $1"
	exit 1
}

# wait_for TEXT: waits up to 5 s for TEXT to appear on the screen.
wait_for() {
	checks=$((checks + 1))
	i=0
	while [ $i -lt 50 ]; do
		shown=$(screen 2>&1) || gone "$shown"
		printf '%s\n' "$shown" | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "screen never showed \"$1\"; it shows:"
	screen | sed 's/^/  | /' >&2
	return 1
}

# wait_gone TEXT: waits up to 5 s for TEXT to leave the screen.
wait_gone() {
	checks=$((checks + 1))
	i=0
	while [ $i -lt 50 ]; do
		shown=$(screen 2>&1) || gone "$shown"
		printf '%s\n' "$shown" | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "screen still shows \"$1\":"
	screen | sed 's/^/  | /' >&2
	return 1
}
