/* The terminal the form runs in.  Signal handlers only set a flag, which
 * the loops read (tui_term_stop_signal); curses is never called from one. */
#include "tui_term.h"

#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tui_keys.h"
#include "tui_style.h"
#include "tui_view.h"
#include "xalloc.h"

#define BRACKETED_PASTE_ON "\033[?2004h"
#define BRACKETED_PASTE_OFF "\033[?2004l"

/* How long to wait for a key before doing idle work (ms). */
#define IDLE_MS 1000

static volatile sig_atomic_t stop_signal;
static bool terminal_lost; /* the terminal went away: every read fails at once */
static bool curses_active;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

void tui_term_bracketed_paste(bool on)
{
	fputs(on ? BRACKETED_PASTE_ON : BRACKETED_PASTE_OFF, stdout);
	fflush(stdout);
}

void tui_term_restore(void)
{
	if (curses_active) {
		tui_term_bracketed_paste(false);
		endwin();
		curses_active = false;
	}
}

int tui_term_stop_signal(void)
{
	return (int)stop_signal;
}

bool tui_term_lost(void)
{
	return terminal_lost;
}

/* get_wch, noting a terminal that went away without a SIGHUP: it answers
 * at once, forever, instead of waiting for the timeout. */
int tui_term_read_key(wint_t *ch)
{
	static unsigned fast_errors;
	struct timespec before, after;
	clock_gettime(CLOCK_MONOTONIC, &before);
	int kind = get_wch(ch);
	if (kind != ERR) {
		fast_errors = 0;
		return kind;
	}
	clock_gettime(CLOCK_MONOTONIC, &after);
	long ms = (after.tv_sec - before.tv_sec) * 1000 +
		  (after.tv_nsec - before.tv_nsec) / 1000000;
	fast_errors = ms < IDLE_MS / 2 ? fast_errors + 1 : 0;
	if (fast_errors > 100)
		terminal_lost = true;
	return ERR;
}

bool tui_term_input_pending(void)
{
	struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&in, 1, 0) > 0 && (in.revents & POLLIN);
}

bool tui_term_utf8_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	/* over SSH the locale is often unset: Chinese needs UTF-8 anyway */
	return setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

void tui_term_start(struct tui *t)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	set_escdelay(25);
	initscr();
	curses_active = true;
	xalloc_set_fatal_hook(tui_term_restore);
	raw(); /* Ctrl-S and Ctrl-Q reach the form, not the terminal */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	tui_keys_define_sequences();
	define_key("\033[200~", TUI_TERM_PASTE_BEGIN);
	define_key("\033[201~", TUI_TERM_PASTE_END);
	tui_term_bracketed_paste(true);
	timeout(IDLE_MS);
	tui_style_start(t);
	getmaxyx(stdscr, t->rows, t->cols);
}
