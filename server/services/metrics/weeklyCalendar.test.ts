import { weeklyCalendar } from './weeklyCalendar';

const weekdays = [['09:00', '17:00']] as const;
const berlin = weeklyCalendar({
  timeZone: 'Europe/Berlin',
  week: { 1: weekdays, 2: weekdays, 3: weekdays, 4: weekdays, 5: weekdays },
  holidays: ['2026-12-24'],
});
const hours = (a: string, b: string) => berlin.businessMsBetween(new Date(a), new Date(b)) / 3_600_000;

describe('weeklyCalendar', () => {
  it('counts opening hours in the zone across the end of DST (2026-10-25)', () => {
    // Friday 16:00 CEST to Monday 10:00 CET: one hour on Friday, one on Monday.
    expect(hours('2026-10-23T14:00:00Z', '2026-10-26T09:00:00Z')).toBe(2);
    // Monday 09:00 CET is 08:00 UTC (it was 07:00 UTC the Monday before).
    expect(hours('2026-10-26T07:30:00Z', '2026-10-26T08:30:00Z')).toBe(0.5);
    expect(hours('2026-10-19T07:00:00Z', '2026-10-19T08:00:00Z')).toBe(1);
  });

  it('skips weekends and holidays and is 0 for empty or reversed intervals', () => {
    expect(hours('2026-12-23T08:00:00Z', '2026-12-25T16:00:00Z')).toBe(16);
    expect(hours('2026-10-24T08:00:00Z', '2026-10-25T16:00:00Z')).toBe(0);
    expect(hours('2026-10-26T10:00:00Z', '2026-10-26T09:00:00Z')).toBe(0);
  });

  it('handles a day that is open until midnight on the 25-hour day', () => {
    const allSunday = weeklyCalendar({ timeZone: 'Europe/Berlin', week: { 7: [['00:00', '24:00']] } });
    const ms = allSunday.businessMsBetween(
      new Date('2026-10-24T00:00:00Z'),
      new Date('2026-10-27T00:00:00Z'),
    );
    expect(ms / 3_600_000).toBe(25);
  });
});
