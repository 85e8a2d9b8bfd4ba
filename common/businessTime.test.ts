import { ALWAYS_OPEN, addBusinessMinutes, type BusinessCalendar, type OpeningInterval } from './businessTime';

const weekdays = (start: string, end: string): OpeningInterval[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));
const berlin = (extra: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timeZone: 'Europe/Berlin',
  intervals: weekdays('08:00', '20:00'),
  holidays: [],
  ...extra,
});
const at = (iso: string) => new Date(iso);
const add = (start: string, minutes: number, calendar: BusinessCalendar) =>
  addBusinessMinutes(at(start), minutes, calendar).toISOString();

describe('addBusinessMinutes', () => {
  it('adds plain minutes on a 24/7 calendar', () => {
    expect(add('2026-11-21T09:00:00.000Z', 90, ALWAYS_OPEN)).toBe('2026-11-21T10:30:00.000Z');
    expect(add('2026-11-21T23:30:00.000Z', 60, ALWAYS_OPEN)).toBe('2026-11-22T00:30:00.000Z');
  });

  it('stays inside one interval when there is room (Berlin, winter: UTC+1)', () => {
    // Tuesday 10:00 Berlin = 09:00 UTC.
    expect(add('2026-11-17T09:00:00.000Z', 60, berlin())).toBe('2026-11-17T10:00:00.000Z');
  });

  it('ends exactly at closing time rather than at the next opening', () => {
    // Tuesday 19:00 Berlin + 60 min = 20:00 Berlin = 19:00 UTC.
    expect(add('2026-11-17T18:00:00.000Z', 60, berlin())).toBe('2026-11-17T19:00:00.000Z');
  });

  it('carries the rest over the overnight gap to the next morning', () => {
    // Tuesday 19:30 Berlin + 60 min: 30 min today, 30 min from Wednesday 08:00 → 08:30 Berlin.
    expect(add('2026-11-17T18:30:00.000Z', 60, berlin())).toBe('2026-11-18T07:30:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 19:45 Berlin + 60 min: 15 min Friday, 45 min Monday → Monday 08:45 Berlin.
    expect(add('2026-11-20T18:45:00.000Z', 60, berlin())).toBe('2026-11-23T07:45:00.000Z');
  });

  it('starts counting at the next opening when the customer writes outside hours', () => {
    // Saturday 11:00 Berlin → Monday 08:00 + 15 min.
    expect(add('2026-11-21T10:00:00.000Z', 15, berlin())).toBe('2026-11-23T07:15:00.000Z');
    // Tuesday 06:00 Berlin (before opening) → Tuesday 08:30.
    expect(add('2026-11-17T05:00:00.000Z', 30, berlin())).toBe('2026-11-17T07:30:00.000Z');
  });

  it('gives the moment the clock starts for zero minutes', () => {
    expect(add('2026-11-17T09:00:00.000Z', 0, berlin())).toBe('2026-11-17T09:00:00.000Z');
    expect(add('2026-11-21T10:00:00.000Z', 0, berlin())).toBe('2026-11-23T07:00:00.000Z');
    expect(add('2026-11-21T10:00:00.000Z', 0, ALWAYS_OPEN)).toBe('2026-11-21T10:00:00.000Z');
  });

  it('skips holidays in the calendar’s own time zone', () => {
    // Thursday 24 Dec 19:00 Berlin + 120 min; 25 and 26 Dec closed (26th is a Saturday anyway) →
    // 60 min on the 24th, then Monday 28 Dec 08:00 + 60 → 09:00 Berlin.
    const cal = berlin({ holidays: ['2026-12-25'] });
    expect(add('2026-12-24T18:00:00.000Z', 120, cal)).toBe('2026-12-28T08:00:00.000Z');
    // The same without the holiday ends on Friday the 25th at 09:00 Berlin.
    expect(add('2026-12-24T18:00:00.000Z', 120, berlin())).toBe('2026-12-25T08:00:00.000Z');
  });

  it('honours the gap between two intervals of one day (lunch break)', () => {
    const cal = berlin({
      intervals: [
        { weekday: 2, start: '08:00', end: '12:00' },
        { weekday: 2, start: '13:00', end: '17:00' },
      ],
    });
    // Tuesday 11:30 Berlin + 60 min: 30 before lunch, 30 after → 13:30 Berlin.
    expect(add('2026-11-17T10:30:00.000Z', 60, cal)).toBe('2026-11-17T12:30:00.000Z');
  });

  it('counts an interval that runs to midnight straight into the next day’s early interval', () => {
    const cal = berlin({
      intervals: [
        { weekday: 2, start: '22:00', end: '24:00' },
        { weekday: 3, start: '00:00', end: '06:00' },
      ],
    });
    // Tuesday 23:00 Berlin + 120 min → Wednesday 01:00 Berlin.
    expect(add('2026-11-17T22:00:00.000Z', 120, cal)).toBe('2026-11-18T00:00:00.000Z');
  });

  it('counts real time across the spring-forward night (Berlin, 29 March 2026)', () => {
    // 24/7 in Berlin: Sunday 01:30 CET (00:30 UTC) + 60 min = 03:30 CEST (01:30 UTC): the clock jumps.
    const cal: BusinessCalendar = { ...ALWAYS_OPEN, timeZone: 'Europe/Berlin' };
    expect(add('2026-03-29T00:30:00.000Z', 60, cal)).toBe('2026-03-29T01:30:00.000Z');
    // Opening hours follow local time: Friday 19:30 CET + 60 → Monday 08:30 CEST (06:30 UTC).
    expect(add('2026-03-27T18:30:00.000Z', 60, berlin())).toBe('2026-03-30T06:30:00.000Z');
  });

  it('opens at local time on the day of the change and counts the short day as 23 hours', () => {
    const sunday: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      intervals: [{ weekday: 7, start: '00:00', end: '24:00' }],
      holidays: [],
    };
    // Sunday 29 March 2026 lasts 23 h in Berlin: 23 h of business time fill it exactly.
    expect(add('2026-03-28T23:00:00.000Z', 23 * 60, sunday)).toBe('2026-03-29T22:00:00.000Z');
    // Sunday 25 October 2026 lasts 25 h: 24 h of business time end at 23:00 local (22:00 UTC).
    expect(add('2026-10-24T22:00:00.000Z', 24 * 60, sunday)).toBe('2026-10-25T22:00:00.000Z');
  });

  it('counts real time across the fall-back night (Berlin, 25 October 2026)', () => {
    const cal: BusinessCalendar = { ...ALWAYS_OPEN, timeZone: 'Europe/Berlin' };
    // 02:30 CEST (00:30 UTC) + 60 min = 02:30 CET (01:30 UTC): the same wall-clock time, an hour later.
    expect(add('2026-10-25T00:30:00.000Z', 60, cal)).toBe('2026-10-25T01:30:00.000Z');
    // Friday 19:30 CEST (17:30 UTC) + 60 → Monday 08:30 CET (07:30 UTC).
    expect(add('2026-10-23T17:30:00.000Z', 60, berlin())).toBe('2026-10-26T07:30:00.000Z');
  });

  it('uses the calendar’s zone, not the machine’s: New York opens five/six hours after Berlin', () => {
    const ny: BusinessCalendar = {
      timeZone: 'America/New_York',
      intervals: weekdays('09:00', '17:00'),
      holidays: [],
    };
    // Monday 08:00 UTC = 03:00 New York → opens 09:00 EST (14:00 UTC) + 30.
    expect(add('2026-11-23T08:00:00.000Z', 30, ny)).toBe('2026-11-23T14:30:00.000Z');
  });

  it('spans several days for long targets', () => {
    // 24 h of business time at 12 h a day from Monday 08:00 Berlin → Tuesday 20:00 Berlin.
    expect(add('2026-11-23T07:00:00.000Z', 24 * 60, berlin())).toBe('2026-11-24T19:00:00.000Z');
  });

  it('refuses a calendar that never opens and negative minutes', () => {
    expect(() => addBusinessMinutes(at('2026-11-23T07:00:00Z'), 10, { ...berlin(), intervals: [] })).toThrow(
      RangeError,
    );
    expect(() => addBusinessMinutes(at('2026-11-23T07:00:00Z'), -1, berlin())).toThrow(RangeError);
  });
});
