import { isSnoozed, snoozeUntil } from './snoozeTimes';

// Local times: the presets follow the agent's clock, whatever zone the test runs in.
const wednesdayAfternoon = new Date(2026, 0, 7, 15, 30);

describe('snoozeUntil', () => {
  it('adds one or four hours', () => {
    expect(snoozeUntil('1h', wednesdayAfternoon).getTime() - wednesdayAfternoon.getTime()).toBe(3_600_000);
    expect(snoozeUntil('4h', wednesdayAfternoon).getTime() - wednesdayAfternoon.getTime()).toBe(
      4 * 3_600_000,
    );
  });

  it('comes back tomorrow at 9:00 local time', () => {
    expect(snoozeUntil('tomorrow', wednesdayAfternoon)).toEqual(new Date(2026, 0, 8, 9, 0));
  });

  it('comes back next Monday at 9:00, a week later when it is Monday already', () => {
    expect(snoozeUntil('monday', wednesdayAfternoon)).toEqual(new Date(2026, 0, 12, 9, 0));
    expect(snoozeUntil('monday', new Date(2026, 0, 11, 20, 0))).toEqual(new Date(2026, 0, 12, 9, 0));
    expect(snoozeUntil('monday', new Date(2026, 0, 12, 8, 0))).toEqual(new Date(2026, 0, 19, 9, 0));
  });

  it('keeps 9:00 on the clock across a daylight-saving change and a month end', () => {
    const beforeChange = new Date(2026, 2, 28, 18, 0);
    const tomorrow = snoozeUntil('tomorrow', beforeChange);
    expect([tomorrow.getDate(), tomorrow.getHours(), tomorrow.getMinutes()]).toEqual([29, 9, 0]);
    const monday = snoozeUntil('monday', beforeChange);
    expect([monday.getMonth(), monday.getDate(), monday.getHours()]).toEqual([2, 30, 9]);
    expect(snoozeUntil('tomorrow', new Date(2026, 0, 31, 12, 0))).toEqual(new Date(2026, 1, 1, 9, 0));
  });
});

describe('snoozeUntil in the user’s time zone (not the browser’s)', () => {
  it('means 9:00 in Berlin for a Berlin agent and 9:00 in New York for a New York one', () => {
    const now = new Date('2026-03-27T20:00:00Z'); // Friday; Berlin switches to summer time on Sunday 29th
    expect(snoozeUntil('tomorrow', now, 'Europe/Berlin').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(snoozeUntil('monday', now, 'Europe/Berlin').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(snoozeUntil('tomorrow', now, 'America/New_York').toISOString()).toBe('2026-03-28T13:00:00.000Z');
    // 23:30 in Berlin is already Saturday in Tokyo: "tomorrow" there is Sunday.
    expect(snoozeUntil('tomorrow', new Date('2026-03-27T22:30:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2026-03-29T00:00:00.000Z',
    );
  });
});

describe('isSnoozed', () => {
  const now = Date.parse('2026-01-07T12:00:00Z');
  it('is true only for a time still ahead', () => {
    expect(isSnoozed('2026-01-07T13:00:00Z', now)).toBe(true);
    expect(isSnoozed('2026-01-07T11:00:00Z', now)).toBe(false);
    expect(isSnoozed(null, now)).toBe(false);
    expect(isSnoozed('soon', now)).toBe(false);
  });
});
