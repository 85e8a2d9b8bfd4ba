import { DateTime } from 'luxon';

/**
 * Splits an inclusive range of local days into whole ISO weeks (Monday to Sunday, read from the weekly
 * rollup rows) and the remaining single days. 30 days are at most 4 weeks and 12 days, usually fewer.
 */
export function rangePeriods(from: string, to: string, useWeeks = true): { days: string[]; weeks: string[] } {
  const days: string[] = [];
  const weeks: string[] = [];
  let d = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  while (d <= end) {
    if (useWeeks && d.weekday === 1 && d.plus({ days: 6 }) <= end) {
      weeks.push(d.toISODate() ?? '');
      d = d.plus({ days: 7 });
    } else {
      days.push(d.toISODate() ?? '');
      d = d.plus({ days: 1 });
    }
  }
  return { days, weeks };
}
