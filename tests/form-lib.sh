# Helpers of the tests that drive the form in tmux as a clerk would,
# sourced after check-lib.sh by plain-answer-test.sh and
# form-safety-test.sh.  The sourcing script sets WORK, NIANBAO, failures
# and checks, and AS_CLERK: empty, or the command that runs the clerk's
# processes as an unprivileged user.
AS_CLERK=${AS_CLERK:-}
SOCKET=
starts=0

# form_start COLS ROWS ENV ARGS...: runs nianbao ARGS, in WORK with HOME
# WORK/home, neither $EDITOR nor $VISUAL, and the variables ENV, in a fresh
# tmux window (a server per window: a new one never races the old one's
# shutdown).  SHELL is set: without it tmux starts the user's login shell,
# and 65534's is nologin.
form_start() {
	cols=$1
	rows=$2
	env=$3
	shift 3
	form_stop
	starts=$((starts + 1))
	SOCKET="$WORK/tmux.$starts.sock"
	(cd "$WORK" && SHELL=/bin/sh $AS_CLERK tmux -S "$SOCKET" -f /dev/null new-session -d -s form \
		-x "$cols" -y "$rows" \
		"cd $WORK && env -u EDITOR -u VISUAL HOME=$WORK/home $env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color $NIANBAO $*; printf \"\\r\\n[exit %s]\\r\\n\" \$?; sleep 600")
}

form_stop() {
	[ -z "$SOCKET" ] || $AS_CLERK tmux -S "$SOCKET" kill-server 2>/dev/null
}

keys() {
	$AS_CLERK tmux -S "$SOCKET" send-keys -t form "$@"
}

# type_text TEXT: sends TEXT literally, as an input method commits it.
type_text() {
	$AS_CLERK tmux -S "$SOCKET" send-keys -t form -l "$1"
}

# screen: what the window shows, wrapped lines joined.
screen() {
	$AS_CLERK tmux -S "$SOCKET" capture-pane -t form -p -J
}

. "$(dirname "$0")/screen-lib.sh"

# pid_of_form: the nianbao process of the window.
pid_of_form() {
	$AS_CLERK tmux -S "$SOCKET" list-panes -t form -F '#{pane_pid}' | head -1 |
		xargs -I{} pgrep -P {} -x nianbao
}
