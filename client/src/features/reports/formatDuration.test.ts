import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it('picks the unit a lead reads at a glance', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(45.4)).toBe('45 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(12_000)).toBe('3 h 20 min');
    expect(formatDuration(241_200)).toBe('2 d 19 h');
  });
});
