/* The deadline of a report: 《政府信息公开条例》第五十条 has it published
 * by 31 January of the year after the one it reports on.  Only dates:
 * the view says what they mean. */
#ifndef NIANBAO_DEADLINE_H
#define NIANBAO_DEADLINE_H

#include <time.h>

/* Days from the date y-m-d to 31 January of year + 1: 0 on that day,
 * negative once it has passed. */
long deadline_days_left(int year, int y, int m, int d);

/* Today's date into *y, *m, *d: the date of SOURCE_DATE_EPOCH (UTC) when
 * it is set to a number of seconds, so that tests see one day; else the
 * local date of now. */
void deadline_today(int *y, int *m, int *d);

#endif
