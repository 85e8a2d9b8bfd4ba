import { formatRelativeTime } from './relativeTime';

const now = Date.parse('2026-11-21T12:00:00Z');

describe('formatRelativeTime', () => {
  it('describes the past and the future in the largest fitting unit', () => {
    expect(formatRelativeTime('2026-11-21T11:59:30Z', now, 'en')).toBe('30 seconds ago');
    expect(formatRelativeTime('2026-11-21T12:00:10Z', now, 'en')).toBe('in 10 seconds');
    expect(formatRelativeTime('2026-11-21T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime('2026-11-21T14:00:00Z', now, 'en')).toBe('in 2 hours');
    expect(formatRelativeTime('2026-11-18T12:00:00Z', now, 'en')).toBe('3 days ago');
  });

  it('says "now" and "yesterday" where the language has a word for it', () => {
    expect(formatRelativeTime('2026-11-21T12:00:00Z', now, 'en')).toBe('now');
    expect(formatRelativeTime('2026-11-20T12:00:00Z', now, 'en')).toBe('yesterday');
  });

  it('follows the interface language', () => {
    expect(formatRelativeTime('2026-11-21T11:55:00Z', now, 'de')).toBe('vor 5 Minuten');
  });

  it('is empty for a bad date', () => {
    expect(formatRelativeTime('soon', now, 'en')).toBe('');
  });
});
