# Waiting for what a form in tmux shows, for the terminal tests.  The
# sourcing script defines screen (prints the pane), fail, and checks.

# wait_for TEXT: waits up to 5 s for TEXT to appear on the screen.
wait_for() {
	checks=$((checks + 1))
	i=0
	while [ $i -lt 50 ]; do
		screen | grep -qF -- "$1" && return 0
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
		screen | grep -qF -- "$1" || return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "screen still shows \"$1\":"
	screen | sed 's/^/  | /' >&2
	return 1
}
