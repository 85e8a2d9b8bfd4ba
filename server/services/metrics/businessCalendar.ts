/**
 * What the business-hours variants of the metrics need from a calendar: how much open time lies between
 * two instants. The team calendars of the SLA screen (time zone, weekly hours, holidays) plug in behind
 * this interface: see `teamCalendars.ts`.
 */
export interface BusinessCalendar {
  /** Milliseconds of business time in [a, b); 0 when b <= a. */
  businessMsBetween(a: Date, b: Date): number;
}

/** The calendar of a team (null: conversations without a team). */
export type CalendarProvider = (teamId: string | null) => BusinessCalendar | Promise<BusinessCalendar>;

/** Open around the clock: business time equals wall-clock time. */
export const ALWAYS_OPEN: BusinessCalendar = {
  businessMsBetween: (a, b) => Math.max(0, b.getTime() - a.getTime()),
};
