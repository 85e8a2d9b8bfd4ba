import { DateTime } from 'luxon';
import type { BusinessCalendar } from './businessCalendar';

/** Opening hours of one weekday as `HH:MM` pairs in the calendar's zone; `24:00` ends at midnight. */
export type DayHours = ReadonlyArray<readonly [string, string]>;

export interface WeeklyCalendarSpec {
  /** IANA zone, e.g. `Europe/Berlin`: opening hours are wall-clock times there, across DST changes. */
  timeZone: string;
  /** ISO weekday (1 = Monday … 7 = Sunday) to its opening hours; missing days are closed. */
  week: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, DayHours>>;
  /** Closed days as ISO dates (`2026-12-24`) in the calendar's zone. */
  holidays?: readonly string[];
}

const MAX_DAYS = 3700;

const at = (day: DateTime, minutes: number) =>
  day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();

function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`Invalid time ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60) throw new Error(`Invalid time ${hhmm}`);
  return minutes;
}

/**
 * A week of opening hours in one time zone, with holidays. Each local day's intervals are turned into
 * instants by luxon in that zone, so a day of 23 or 25 hours (DST) counts exactly the hours it has.
 */
export function weeklyCalendar(spec: WeeklyCalendarSpec): BusinessCalendar {
  const holidays = new Set(spec.holidays ?? []);
  const week = new Map<number, Array<[number, number]>>();
  for (const [day, hours] of Object.entries(spec.week)) {
    week.set(
      Number(day),
      (hours ?? []).map(([from, to]) => [minutesOf(from), minutesOf(to)]),
    );
  }
  if (!DateTime.local().setZone(spec.timeZone).isValid) throw new Error(`Unknown time zone ${spec.timeZone}`);

  return {
    businessMsBetween(a, b) {
      const start = a.getTime();
      const end = b.getTime();
      if (end <= start) return 0;
      let day = DateTime.fromMillis(start, { zone: spec.timeZone }).startOf('day');
      let total = 0;
      for (let i = 0; i < MAX_DAYS && day.toMillis() < end; i++) {
        const date = day.toISODate() ?? '';
        if (!holidays.has(date)) {
          for (const [from, to] of week.get(day.weekday) ?? []) {
            // set(), not plus(): plus({ minutes }) adds exact time and drifts by an hour on DST days.
            const open = at(day, from);
            const close = to >= 24 * 60 ? day.plus({ days: 1 }).startOf('day').toMillis() : at(day, to);
            total += Math.max(0, Math.min(close, end) - Math.max(open, start));
          }
        }
        day = day.plus({ days: 1 }).startOf('day');
      }
      return total;
    },
  };
}
