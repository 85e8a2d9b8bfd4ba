import type { BusinessCalendar as TeamHours } from '../../../common/businessTime';
import { toMetricsCalendar } from './teamCalendars';

const weekdays = [1, 2, 3, 4, 5] as const;
const berlinOffice: TeamHours = {
  timeZone: 'Europe/Berlin',
  intervals: weekdays.map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  holidays: ['2026-10-26'],
};

describe('toMetricsCalendar', () => {
  it('counts the SLA screen’s opening hours and holidays as business time, across the DST change', () => {
    const calendar = toMetricsCalendar(berlinOffice);
    // Fri 23 Oct 16:00 Berlin (14:00Z) → Tue 27 Oct 10:00 Berlin (09:00Z, after the switch to UTC+1):
    // 1 h on Friday, Monday 26th is a holiday, 1 h on Tuesday.
    expect(
      calendar.businessMsBetween(new Date('2026-10-23T14:00:00Z'), new Date('2026-10-27T09:00:00Z')),
    ).toBe(2 * 3_600_000);
  });

  it('is wall-clock time for the 24/7 default', () => {
    const always: TeamHours = {
      timeZone: 'UTC',
      intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday: weekday as 1,
        start: '00:00',
        end: '24:00',
      })),
      holidays: [],
    };
    const a = new Date('2026-10-24T22:00:00Z');
    const b = new Date('2026-10-25T05:00:00Z');
    expect(toMetricsCalendar(always).businessMsBetween(a, b)).toBe(b.getTime() - a.getTime());
  });
});
