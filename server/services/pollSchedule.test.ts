import {
  type AccountUsage,
  parseAccountSettings,
  parseAccountUsage,
  type StreamState,
} from '../channels/accountSettings';
import type { StreamSpec } from '../channels/adapter';
import { xStreamSpecs } from '../channels/twitter/streams';
import {
  afterFailure,
  afterSuccess,
  budgetCheck,
  currentUsage,
  initialState,
  nextPollAt,
  rateLimitSpacing,
} from './pollSchedule';

const at = (iso: string) => Date.parse(iso);

const mentions: StreamSpec = {
  key: 'mentions',
  endpoint: 'GET /2/users/:id/mentions',
  bucket: 'mentions',
  minIntervalMs: 5_000,
  maxIntervalMs: 120_000,
};

const stateWith = (intervalMs: number, failures = 0): StreamState => ({
  intervalMs,
  nextPollAt: 0,
  failures,
  lastError: null,
});

/** Runs `afterSuccess` once per entry of `items`, feeding each result into the next poll. */
function intervals(
  start: StreamState,
  spec: StreamSpec,
  items: number[],
  o: { slow?: boolean; minSpacingMs?: number } = {},
) {
  let state = start;
  let now = at('2026-01-15T10:00:00Z');
  const out: number[] = [];
  for (const n of items) {
    state = afterSuccess(state, spec, {
      items: n,
      slow: o.slow ?? false,
      minSpacingMs: o.minSpacingMs ?? 0,
      now,
    });
    expect(state.nextPollAt).toBe(now + state.intervalMs);
    now = state.nextPollAt;
    out.push(state.intervalMs);
  }
  return out;
}

describe('currentUsage: the read counters start again each calendar month (UTC)', () => {
  const january = parseAccountUsage({
    month: '2026-01',
    reads: { mentions: 41_000, dms: 900 },
    streams: { mentions: stateWith(5_000) },
  });

  it('keeps the counts within the month, up to its last millisecond', () => {
    expect(currentUsage(january, at('2026-01-31T23:59:59.999Z'))).toBe(january);
  });

  it('resets the reads at the first instant of the next month but keeps each stream schedule', () => {
    const february = currentUsage(january, at('2026-02-01T00:00:00.000Z'));
    expect(february.month).toBe('2026-02');
    expect(february.reads).toEqual({});
    expect(february.streams).toEqual(january.streams);
  });

  it('rolls over from December into January of the next year', () => {
    const december: AccountUsage = { ...january, month: '2025-12' };
    expect(currentUsage(december, at('2026-01-01T00:00:00Z'))).toMatchObject({ month: '2026-01', reads: {} });
  });

  it('starts counting for an account that has never been polled', () => {
    expect(currentUsage(parseAccountUsage(null), at('2026-03-10T08:00:00Z'))).toMatchObject({
      month: '2026-03',
      reads: {},
    });
  });
});

describe('rateLimitSpacing: never more calls than the platform window allows', () => {
  const now = at('2026-01-15T10:00:00Z');
  const snapshot = (remaining: number, resetInMs: number) => ({
    endpoint: mentions.endpoint,
    limit: 300,
    remaining,
    resetAt: now + resetInMs,
  });

  it('waits for the reset when no call is left in the window', () => {
    expect(rateLimitSpacing(snapshot(0, 420_000), now)).toEqual({
      waitUntil: now + 420_000,
      minSpacingMs: 0,
    });
  });

  it('spreads the remaining calls over the rest of the window', () => {
    expect(rateLimitSpacing(snapshot(10, 600_000), now)).toEqual({ waitUntil: null, minSpacingMs: 60_000 });
    // Rounded up: three calls in one second must be at least 334 ms apart, not 333.
    expect(rateLimitSpacing(snapshot(3, 1_000), now).minSpacingMs).toBe(334);
  });

  it('does not hold back once the window has reset, or when the platform sent no headers', () => {
    expect(rateLimitSpacing(snapshot(0, 0), now)).toEqual({ waitUntil: null, minSpacingMs: 0 });
    expect(rateLimitSpacing(snapshot(0, -5_000), now)).toEqual({ waitUntil: null, minSpacingMs: 0 });
    expect(rateLimitSpacing(undefined, now)).toEqual({ waitUntil: null, minSpacingMs: 0 });
  });
});

describe('budgetCheck: each stream spends its share of the monthly read budget, paced over the month', () => {
  // 150 000 reads a month, 60 % for mentions: 90 000.
  const settings = parseAccountSettings({});
  const usage = (reads: Record<string, number>) => parseAccountUsage({ month: '2026-01', reads });
  const check = (used: number, iso: string) =>
    budgetCheck(mentions, settings, usage({ mentions: used }), at(iso));

  it("gives the stream its share of the account's budget", () => {
    expect(check(0, '2026-01-01T00:00:00Z')).toEqual({ allowed: true, slow: false, share: 90_000, used: 0 });
  });

  it('at the start of a month allows a small head start (2 %) before slowing down', () => {
    expect(check(1_800, '2026-01-01T00:00:00Z')).toMatchObject({ allowed: true, slow: false });
    expect(check(1_801, '2026-01-01T00:00:00Z')).toMatchObject({ allowed: true, slow: true });
  });

  it('in the middle of a month slows down only when ahead of the pace', () => {
    // 15.5 of 31 days gone: half the share plus the head start, 46 800 reads.
    expect(check(46_800, '2026-01-16T12:00:00Z')).toMatchObject({ allowed: true, slow: false });
    expect(check(46_801, '2026-01-16T12:00:00Z')).toMatchObject({ allowed: true, slow: true });
  });

  it('paces by the length of the current month (28 days in February 2026)', () => {
    // 14 of 28 days gone on 15 February: half-way, 46 800 reads allowed at this pace.
    const february = parseAccountUsage({ month: '2026-02', reads: { mentions: 44_000 } });
    expect(budgetCheck(mentions, settings, february, at('2026-02-15T00:00:00Z'))).toMatchObject({
      slow: false,
    });
    // 14 of 31 days gone on 15 January: the same reads are ahead of the pace (about 42 445).
    expect(check(44_000, '2026-01-15T00:00:00Z')).toMatchObject({ slow: true });
    expect(check(42_000, '2026-01-15T00:00:00Z')).toMatchObject({ slow: false });
  });

  it('at the end of a month lets the stream use all of its share, and no more', () => {
    expect(check(89_999, '2026-01-31T23:00:00Z')).toEqual({
      allowed: true,
      slow: false,
      share: 90_000,
      used: 89_999,
    });
    expect(check(90_000, '2026-01-31T23:00:00Z')).toMatchObject({ allowed: false });
  });

  it('refuses to read once the share is used up, whatever the day', () => {
    expect(check(90_000, '2026-01-10T00:00:00Z')).toMatchObject({ allowed: false, slow: true });
    expect(check(95_000, '2026-01-31T23:59:59Z')).toMatchObject({ allowed: false });
  });

  it('counts only reads of its own bucket', () => {
    const busyElsewhere = usage({ search: 30_000, dms: 15_000, own: 15_000 });
    expect(budgetCheck(mentions, settings, busyElsewhere, at('2026-01-02T00:00:00Z'))).toMatchObject({
      allowed: true,
      slow: false,
      used: 0,
    });
    const search = { ...mentions, key: 'search:acme', bucket: 'search' as const };
    expect(budgetCheck(search, settings, busyElsewhere, at('2026-01-02T00:00:00Z'))).toMatchObject({
      allowed: false,
      share: 30_000,
      used: 30_000,
    });
  });

  it('never allows a stream whose share is zero', () => {
    const noDms = parseAccountSettings({ budgetSplit: { mentions: 0.7, own: 0.1, dms: 0, search: 0.2 } });
    const dms = { ...mentions, key: 'dms', bucket: 'dms' as const };
    expect(budgetCheck(dms, noDms, usage({}), at('2026-01-15T00:00:00Z'))).toMatchObject({
      allowed: false,
      share: 0,
    });
  });
});

describe('afterSuccess: busy streams are read more often, quiet ones less', () => {
  it('starts a new stream at its fastest interval, due at once', () => {
    expect(initialState(mentions)).toEqual({
      intervalMs: 5_000,
      nextPollAt: 0,
      failures: 0,
      lastError: null,
    });
  });

  it('halves the interval while items keep coming, down to the minimum', () => {
    expect(intervals(stateWith(120_000), mentions, [3, 1, 7, 2, 5, 9])).toEqual([
      60_000, 30_000, 15_000, 7_500, 5_000, 5_000,
    ]);
  });

  it('grows the interval by half while nothing comes, up to the maximum', () => {
    const seq = intervals(stateWith(5_000), mentions, Array(10).fill(0));
    expect(seq.slice(0, 3)).toEqual([7_500, 11_250, 16_875]);
    expect(seq.every((ms, i) => i === 0 || ms >= seq[i - 1]!)).toBe(true);
    expect(seq.indexOf(120_000)).toBe(7);
    expect(seq.slice(7)).toEqual([120_000, 120_000, 120_000]);
  });

  it('goes back to fast polling as soon as a quiet stream gets items again', () => {
    expect(intervals(stateWith(120_000), mentions, [0, 4, 4])).toEqual([120_000, 60_000, 30_000]);
  });

  it('polls at the slowest interval while the stream spends ahead of its budget, however busy', () => {
    expect(intervals(stateWith(5_000), mentions, [50, 50], { slow: true })).toEqual([120_000, 120_000]);
  });

  it('never polls closer together than the rate-limit spacing', () => {
    expect(intervals(stateWith(20_000), mentions, [5, 5], { minSpacingMs: 12_000 })).toEqual([
      12_000, 12_000,
    ]);
    // The platform's window wins over the configured maximum.
    expect(intervals(stateWith(120_000), mentions, [0], { minSpacingMs: 300_000 })).toEqual([300_000]);
  });

  it('keeps the DM stream at one read a minute or slower (15 reads per 15 minutes on X)', () => {
    const dms = xStreamSpecs(parseAccountSettings({})).find((s) => s.key === 'dms')!;
    expect(intervals(initialState(dms), dms, [10, 10, 10])).toEqual([60_000, 60_000, 60_000]);
    expect(intervals(initialState(dms), dms, Array(12).fill(0)).at(-1)).toBe(300_000);
  });

  it('clears the failure count and the error after a successful read', () => {
    const failing = { ...stateWith(5_000, 4), lastError: 'X answered 500' };
    const now = at('2026-01-15T10:00:00Z');
    expect(afterSuccess(failing, mentions, { items: 0, slow: false, minSpacingMs: 0, now })).toEqual({
      intervalMs: 7_500,
      nextPollAt: now + 7_500,
      failures: 0,
      lastError: null,
    });
  });
});

describe('afterFailure: exponential backoff with jitter, capped', () => {
  const now = at('2026-01-15T10:00:00Z');
  const noJitter = () => 0.5;

  /** Delays of consecutive failures, each fed into the next. */
  function delays(count: number, random: () => number) {
    let state = stateWith(5_000);
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      state = afterFailure(state, mentions, 'X answered 500', now, random);
      out.push(state.nextPollAt - now);
    }
    return { state, out };
  }

  it('doubles the wait with every failure in a row', () => {
    expect(delays(4, noJitter).out).toEqual([10_000, 20_000, 40_000, 80_000]);
  });

  it('stops growing at the slowest interval', () => {
    expect(delays(8, noJitter).out.slice(4)).toEqual([120_000, 120_000, 120_000, 120_000]);
  });

  it('keeps the jittered wait within half to one and a half times the backoff', () => {
    expect(delays(2, () => 0).out).toEqual([5_000, 10_000]);
    for (const r of [0, 0.1, 0.37, 0.5, 0.81, 0.999]) {
      const [, second] = delays(2, () => r).out;
      expect(second).toBeGreaterThanOrEqual(10_000);
      expect(second).toBeLessThan(30_000);
    }
    // At the cap the jitter still spreads the retries of many failing accounts around the slowest interval.
    for (const r of [0, 0.5, 0.999]) {
      const capped = delays(7, () => r).out.at(-1)!;
      expect(capped).toBeGreaterThanOrEqual(60_000);
      expect(capped).toBeLessThan(180_000);
    }
    expect(delays(7, () => 0).out.at(-1)).toBe(60_000);
  });

  it('records the error and the failure count but keeps the adaptive interval', () => {
    const { state } = delays(3, noJitter);
    expect(state).toMatchObject({ failures: 3, lastError: 'X answered 500', intervalMs: 5_000 });
  });
});

describe('nextPollAt: when the account is next due', () => {
  it('is the earliest of its streams', () => {
    const usage = parseAccountUsage({
      streams: {
        mentions: { ...stateWith(5_000), nextPollAt: 3_000 },
        dms: { ...stateWith(60_000), nextPollAt: 1_000 },
        'search:acme': { ...stateWith(15_000), nextPollAt: 2_000 },
      },
    });
    expect(nextPollAt(usage)).toBe(1_000);
  });

  it('is unknown before any stream has been scheduled', () => {
    expect(nextPollAt(parseAccountUsage({}))).toBeNull();
  });
});
