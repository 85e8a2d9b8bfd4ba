import { DateTime } from 'luxon';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening interval on a weekday, in local wall-clock time ("08:00"–"20:00"; "24:00" = midnight). */
export interface OpeningInterval {
  weekday: Weekday;
  start: string;
  end: string;
}

/** When a team works: its time zone, weekly opening hours, and closed dates (local "YYYY-MM-DD"). */
export interface BusinessCalendar {
  timeZone: string;
  intervals: OpeningInterval[];
  holidays: string[];
}

/** Open around the clock, every day, no holidays: the default when nothing is configured. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday: weekday as Weekday,
    start: '00:00',
    end: '24:00',
  })),
  holidays: [],
};

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after local midnight of "HH:MM" ("24:00" is 1440); NaN when malformed. */
export function minutesOfDay(value: string): number {
  if (!TIME.test(value)) return Number.NaN;
  const [h, m] = value.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Whether a calendar has at least one valid, non-empty interval and a zone luxon knows. */
export function isUsableCalendar(calendar: BusinessCalendar): boolean {
  if (!DateTime.local().setZone(calendar.timeZone).isValid) return false;
  return calendar.intervals.some((i) => minutesOfDay(i.start) < minutesOfDay(i.end));
}

/** Each weekday's intervals sorted and merged, as [startMinute, endMinute) pairs. */
function weeklyPlan(intervals: OpeningInterval[]): Map<number, Array<[number, number]>> {
  const plan = new Map<number, Array<[number, number]>>();
  for (const weekday of WEEKDAYS) {
    const spans = intervals
      .filter((i) => i.weekday === weekday)
      .map((i) => [minutesOfDay(i.start), minutesOfDay(i.end)] as [number, number])
      .filter(([s, e]) => s < e)
      .sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const span of spans) {
      const last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push([...span]);
    }
    plan.set(weekday, merged);
  }
  return plan;
}

/** The instant a local wall-clock minute of a day stands for; a time skipped by DST moves forward. */
function instantAt(day: DateTime, minute: number): number {
  if (minute >= 1440) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day
    .set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 })
    .toMillis();
}

/** How far ahead we look for opening hours before giving up (ten years). */
const MAX_DAYS = 3660;

/**
 * The moment `minutes` of business time have passed since `start`, counting only the calendar's opening
 * hours in its time zone (real elapsed time: a DST change inside an interval is an hour more or less),
 * skipping holidays and the gaps between intervals. A start outside hours counts from the next opening;
 * zero minutes gives that moment (when the clock starts). Ending exactly at closing time gives the closing
 * time, not the next opening. Throws when the calendar never opens.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  const zoned = DateTime.fromJSDate(start, { zone: calendar.timeZone });
  if (!zoned.isValid) throw new RangeError(`unknown time zone ${calendar.timeZone}`);
  const plan = weeklyPlan(calendar.intervals);
  const holidays = new Set(calendar.holidays);
  const from = start.getTime();
  let remaining = Math.round(minutes * 60_000);
  let day = zoned.startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 }).startOf('day')) {
    if (holidays.has(day.toISODate() ?? '')) continue;
    for (const [s, e] of plan.get(day.weekday) ?? []) {
      const open = Math.max(instantAt(day, s), from);
      const close = instantAt(day, e);
      if (open >= close) continue;
      if (remaining === 0) return new Date(open);
      if (remaining <= close - open) return new Date(open + remaining);
      remaining -= close - open;
    }
  }
  throw new RangeError('the calendar has no opening hours in the next ten years');
}
