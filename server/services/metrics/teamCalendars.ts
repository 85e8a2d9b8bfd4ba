import type { Knex } from 'knex';
import type { BusinessCalendar as TeamHours } from '../../../common/businessTime';
import { loadCalendars } from '../../db/repositories/slaSettings';
import { calendarFor } from '../slaDue';
import type { BusinessCalendar, CalendarProvider } from './businessCalendar';
import type { DayHours } from './weeklyCalendar';
import { weeklyCalendar } from './weeklyCalendar';

/** The SLA screen's opening hours (per team, or the default) as the metrics' business-time calendar. */
export function toMetricsCalendar(hours: TeamHours): BusinessCalendar {
  const week: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Array<readonly [string, string]>>> = {};
  for (const interval of hours.intervals) {
    const day = week[interval.weekday] ?? [];
    day.push([interval.start, interval.end] as const);
    week[interval.weekday] = day;
  }
  return weeklyCalendar({
    timeZone: hours.timeZone,
    week: week as Record<number, DayHours>,
    holidays: hours.holidays,
  });
}

/**
 * Business-hours metrics use the same calendars as the SLA due times: the team's own hours and holidays,
 * else the default calendar, else 24/7. Loaded once per call (a refresh or a backfill batch).
 */
export async function teamCalendarProvider(db: Knex | Knex.Transaction): Promise<CalendarProvider> {
  return calendarProviderFrom(await loadCalendars(db));
}

/** The same provider over calendars already loaded (ingest loads them once per batch for SLA and metrics). */
export function calendarProviderFrom(calendars: Map<string, TeamHours>): CalendarProvider {
  const cache = new Map<string, BusinessCalendar>();
  return (teamId) => {
    const key = teamId ?? '';
    let calendar = cache.get(key);
    if (!calendar) {
      calendar = toMetricsCalendar(calendarFor({ policies: [], calendars }, teamId));
      cache.set(key, calendar);
    }
    return calendar;
  };
}
