import { rangePeriods } from './rangePeriods';

describe('rangePeriods', () => {
  it('covers every day exactly once with whole Monday weeks and single edge days', () => {
    // Thursday 2026-10-01 to Friday 2026-10-30.
    const { days, weeks } = rangePeriods('2026-10-01', '2026-10-30');
    expect(weeks).toEqual(['2026-10-05', '2026-10-12', '2026-10-19']);
    expect(days).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
    ]);
    expect(days.length + 7 * weeks.length).toBe(30);
  });

  it('uses days only when asked (grouping by day)', () => {
    expect(rangePeriods('2026-10-19', '2026-10-26', false)).toEqual({
      days: [
        '2026-10-19',
        '2026-10-20',
        '2026-10-21',
        '2026-10-22',
        '2026-10-23',
        '2026-10-24',
        '2026-10-25',
        '2026-10-26',
      ],
      weeks: [],
    });
  });
});
