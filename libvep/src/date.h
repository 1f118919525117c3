/*
** date.h -- calendar dates: the checks of assessment dates, and the small
** date library that scripts use (there is no clock in a script: the host
** passes every "today" it needs).
**
** Dates are proleptic Gregorian days from 0001-01-01 to 9999-12-31, written
** in the strict ISO 8601 form YYYY-MM-DD.  Internally a date is a day
** number (days since 0001-01-01, which is day 0).
*/
#ifndef VEP_DATE_H
#define VEP_DATE_H

#include <stdint.h>
#include "lua.h"

#define VEP_DATE_MIN 0L         /* 0001-01-01 */
#define VEP_DATE_MAX 3652058L   /* 9999-12-31 */

/* Whether `s` is a real calendar date written YYYY-MM-DD. */
int vep__date_valid(const char *s);

/* Parses YYYY-MM-DD into a day number; returns 0 on success, -1 when `s`
** is not a real date in that form. */
int vep__date_parse(const char *s, long *out_day);

/* Writes day number `day` (VEP_DATE_MIN..VEP_DATE_MAX) as YYYY-MM-DD. */
void vep__date_format(long day, char out[11]);

/* The year, month and day of a day number. */
void vep__date_civil(long day, int *y, int *m, int *d);

/* The day number of year y, month m, day d (checked by the caller). */
long vep__date_from_civil(int y, int m, int d);

/* Days in month m of year y. */
int vep__date_month_days(int y, int m);

/* Adds `months` to a date; a day past the end of the target month becomes
** its last day (2024-01-31 + 1 month = 2024-02-29).  Returns 0, or -1 when
** the result falls outside 0001..9999. */
int vep__date_add_months(long day, long months, long *out_day);

/* Whole months from a to b (negative when b is earlier): the largest n
** with a + n months <= b (for b >= a), using the same end-of-month rule. */
long vep__date_months_between(long a, long b);

/* Pushes the scripts' `date` library table on the stack. */
void vep__date_push_lib(lua_State *L);

#endif
