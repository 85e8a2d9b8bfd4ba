import { instantOfWallTime, wallTimeIn } from './zonedTime';

describe('zoned wall time', () => {
  it('reads the clock in a zone', () => {
    expect(wallTimeIn(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toMatchObject({
      year: 2026,
      month: 10,
      day: 25,
      hour: 2,
      minute: 30,
      weekday: 0,
    });
  });

  it('finds the instant of a wall time on both sides of a DST change', () => {
    expect(instantOfWallTime(2026, 3, 28, 9, 'Europe/Berlin').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(instantOfWallTime(2026, 3, 30, 9, 'Europe/Berlin').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(instantOfWallTime(2026, 10, 26, 9, 'America/New_York').toISOString()).toBe(
      '2026-10-26T13:00:00.000Z',
    );
  });

  it('rolls day overflow into the next month', () => {
    expect(instantOfWallTime(2026, 1, 32, 9, 'UTC').toISOString()).toBe('2026-02-01T09:00:00.000Z');
  });
});
