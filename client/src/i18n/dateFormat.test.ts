import {
  formatDeadline,
  formatFullTimestamp,
  formatMessageTime,
  getDisplayTimeZone,
  localizeTimestamps,
  setDisplayTimeZone,
} from './dateFormat';

describe('dateFormat', () => {
  const at = '2026-11-21T14:05:00.000Z';
  const sameDay = new Date('2026-11-21T18:00:00.000Z');

  it('shows a 24-hour clock in German and AM/PM in English for today', () => {
    expect(formatMessageTime(at, 'de', sameDay)).toMatch(/^\d{2}:05$/);
    expect(formatMessageTime(at, 'en', sameDay)).toMatch(/^\d{2}:05 (AM|PM)$/);
  });

  it('adds the date for older messages and is empty for a bad date', () => {
    expect(formatMessageTime(at, 'de', new Date('2026-12-01T12:00:00Z'))).toMatch(/2026/);
    expect(formatMessageTime('not a date', 'en')).toBe('');
    expect(formatFullTimestamp(at, 'de')).toMatch(/November 2026/);
  });

  it('shows a deadline with weekday, date and time', () => {
    expect(formatDeadline(at, 'de')).toMatch(/^Sa\., 21\. Nov\., \d{2}:05$/);
    expect(formatDeadline(at, 'en')).toMatch(/^Sat, Nov 21, \d{2}:05 (AM|PM)$/);
    expect(formatDeadline('not a date', 'en')).toBe('');
  });

  it('rewrites timestamps inside a server-written sentence and leaves the rest alone', () => {
    expect(
      localizeTimestamps(`The 24-hour window closed at ${at}; only human-written replies`, 'de'),
    ).toMatch(/^The 24-hour window closed at Sa\., 21\. Nov\., \d{2}:05; only human-written replies$/);
    expect(localizeTimestamps('Closed at 2026-13-45T99:99Z, order 2026-11-21', 'en')).toBe(
      'Closed at 2026-13-45T99:99Z, order 2026-11-21',
    );
  });
});

describe('the user’s time zone', () => {
  afterEach(() => setDisplayTimeZone(undefined));

  it('shows times in the zone from the profile, whatever the browser’s zone', () => {
    const iso = '2026-01-02T14:05:00.000Z';
    setDisplayTimeZone('Europe/Berlin');
    expect(formatFullTimestamp(iso, 'de')).toContain('15:05:00');
    setDisplayTimeZone('America/New_York');
    expect(formatFullTimestamp(iso, 'en')).toContain('9:05:00');
    expect(getDisplayTimeZone()).toBe('America/New_York');
  });

  it('decides "today" by the calendar in that zone', () => {
    setDisplayTimeZone('Asia/Tokyo');
    // 23:30 UTC on the 1st is already the 2nd in Tokyo, like "now" at 01:00 UTC on the 2nd.
    expect(formatMessageTime('2026-01-01T23:30:00Z', 'de', new Date('2026-01-02T01:00:00Z'))).toBe('08:30');
  });

  it('falls back to the browser’s zone for an unknown one', () => {
    setDisplayTimeZone('Mars/Olympus_Mons');
    expect(getDisplayTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
