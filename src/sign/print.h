/* Printing a finished PDF through CUPS: the file is handed to the `lp`
 * command found on PATH, with an argument vector and never through a
 * shell, so that no file or printer name is ever read as a command. */
#ifndef NIANBAO_PRINT_H
#define NIANBAO_PRINT_H

enum print_status {
	PRINT_OK,
	PRINT_NO_CUPS, /* no lp on PATH */
	PRINT_FAILED,  /* lp could not be started, or failed */
};

/* Prints the PDF at path on printer (NULL: the default printer) and waits
 * for lp to finish.  lp's own output goes to this process's stdout and
 * stderr.  On failure *cause is a Chinese sentence (the caller frees it)
 * that gives lp's exit status. */
enum print_status print_pdf(const char *path, const char *printer, char **cause);

#endif
