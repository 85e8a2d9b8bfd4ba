import { durationParts, elapsedMs, formatDuration, isAwaitingReply, waitingLevel } from './waitingTime';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('elapsedMs', () => {
  it('measures from the ISO timestamp to now', () => {
    expect(elapsedMs('2026-01-01T10:00:00Z', Date.parse('2026-01-01T10:05:00Z'))).toBe(5 * MIN);
  });

  it('never goes negative when the browser clock is behind the server', () => {
    expect(elapsedMs('2026-01-01T10:00:10Z', Date.parse('2026-01-01T10:00:00Z'))).toBe(0);
  });
});

describe('durationParts', () => {
  it('uses seconds, then minutes, then two units for hours and days', () => {
    expect(durationParts(45_000)).toEqual([{ value: 45, unit: 'second' }]);
    expect(durationParts(12 * MIN + 59_000)).toEqual([{ value: 12, unit: 'minute' }]);
    expect(durationParts(2 * HOUR + 5 * MIN)).toEqual([
      { value: 2, unit: 'hour' },
      { value: 5, unit: 'minute' },
    ]);
    expect(durationParts(3 * HOUR)).toEqual([{ value: 3, unit: 'hour' }]);
    expect(durationParts(3 * 24 * HOUR + 4 * HOUR + 30 * MIN)).toEqual([
      { value: 3, unit: 'day' },
      { value: 4, unit: 'hour' },
    ]);
  });
});

describe('formatDuration', () => {
  it('formats compactly in English', () => {
    expect(formatDuration(45_000, 'en')).toBe('45s');
    expect(formatDuration(2 * HOUR + 5 * MIN, 'en')).toBe('2h 5m');
  });

  it('follows the language for German', () => {
    expect(formatDuration(5 * MIN, 'de')).toBe('5 Min.');
  });

  it('spells units out a little more for use in a sentence', () => {
    expect(formatDuration(21 * HOUR + 13 * MIN, 'en', 'short')).toBe('21 hr 13 min');
    expect(formatDuration(21 * HOUR + 13 * MIN, 'de', 'short')).toBe('21 Std. 13 Min.');
  });
});

describe('isAwaitingReply', () => {
  const base = { status: 'open' as const, lastInboundAt: '2026-01-01T10:00:00Z', lastOutboundAt: null };

  it('is true when the customer wrote last', () => {
    expect(isAwaitingReply(base)).toBe(true);
    expect(isAwaitingReply({ ...base, lastOutboundAt: '2026-01-01T09:00:00Z' })).toBe(true);
  });

  it('is false once answered, when resolved or without inbound messages', () => {
    expect(isAwaitingReply({ ...base, lastOutboundAt: '2026-01-01T10:01:00Z' })).toBe(false);
    expect(isAwaitingReply({ ...base, status: 'resolved' })).toBe(false);
    expect(isAwaitingReply({ ...base, lastInboundAt: null })).toBe(false);
  });
});

describe('waitingLevel', () => {
  it('escalates after 15 minutes and after an hour', () => {
    expect(waitingLevel(14 * MIN)).toBe('ok');
    expect(waitingLevel(15 * MIN)).toBe('warn');
    expect(waitingLevel(HOUR)).toBe('late');
  });
});
