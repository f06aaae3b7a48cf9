/* Days to a report's deadline; see deadline.h. */
#include "deadline.h"

#include <stdlib.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil), so that no time zone or mktime is involved. */
static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long deadline_days_left(int year, int y, int m, int d)
{
	return days_from_civil((long)year + 1, 1, 31) - days_from_civil(y, m, d);
}

void deadline_today(int *y, int *m, int *d)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL;
	long long seconds = epoch && *epoch ? strtoll(epoch, &end, 10) : -1;
	struct tm tm;
	if (end && *end == '\0' && seconds >= 0) {
		time_t t = (time_t)seconds;
		gmtime_r(&t, &tm);
	} else {
		time_t t = time(NULL);
		localtime_r(&t, &tm);
	}
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}
