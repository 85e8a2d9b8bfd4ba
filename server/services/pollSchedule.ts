import type { AccountSettings, AccountUsage, StreamState } from '../channels/accountSettings';
import type { RateLimitSnapshot, StreamSpec } from '../channels/adapter';

/** Pure scheduling rules of the poller: adaptive intervals, backoff, rate limits, read budget. */

export const monthKey = (now: number) => new Date(now).toISOString().slice(0, 7);

/** Usage with the read counters reset at the start of a new month (UTC). */
export function currentUsage(usage: AccountUsage, now: number): AccountUsage {
  const month = monthKey(now);
  return usage.month === month ? usage : { ...usage, month, reads: {} };
}

export function initialState(spec: StreamSpec): StreamState {
  return { intervalMs: spec.minIntervalMs, nextPollAt: 0, failures: 0, lastError: null };
}

/**
 * Never exceed the platform's window: with `remaining` calls left until `resetAt`, calls must be at
 * least (resetAt - now) / remaining apart; with none left, wait for the reset.
 */
export function rateLimitSpacing(
  rl: RateLimitSnapshot | undefined,
  now: number,
): { waitUntil: number | null; minSpacingMs: number } {
  if (!rl || rl.resetAt <= now) return { waitUntil: null, minSpacingMs: 0 };
  if (rl.remaining <= 0) return { waitUntil: rl.resetAt, minSpacingMs: 0 };
  return { waitUntil: null, minSpacingMs: Math.ceil((rl.resetAt - now) / rl.remaining) };
}

export interface BudgetCheck {
  allowed: boolean;
  /** Spending ahead of the month's pace: poll at the slowest interval. */
  slow: boolean;
  share: number;
  used: number;
}

/** A stream's share of the monthly read budget, paced evenly over the month. */
export function budgetCheck(
  spec: StreamSpec,
  settings: AccountSettings,
  usage: AccountUsage,
  now: number,
): BudgetCheck {
  const share = Math.floor(settings.monthlyReadBudget * settings.budgetSplit[spec.bucket]);
  const used = usage.reads[spec.bucket] ?? 0;
  const d = new Date(now);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const elapsed = (now - start) / (end - start);
  // A small head start so a new month does not begin at the slowest pace.
  const paced = share * Math.min(1, elapsed + 0.02);
  return { allowed: used < share, slow: used > paced, share, used };
}

/** Busy streams are read faster, quiet ones slower, within [min, max] and the rate-limit spacing. */
export function afterSuccess(
  state: StreamState,
  spec: StreamSpec,
  o: { items: number; slow: boolean; minSpacingMs: number; now: number },
): StreamState {
  let interval = o.items > 0 ? state.intervalMs / 2 : state.intervalMs * 1.5;
  interval = Math.min(spec.maxIntervalMs, Math.max(spec.minIntervalMs, interval));
  if (o.slow) interval = spec.maxIntervalMs;
  interval = Math.max(interval, o.minSpacingMs);
  return {
    intervalMs: Math.round(interval),
    nextPollAt: o.now + Math.round(interval),
    failures: 0,
    lastError: null,
  };
}

/** 5xx, timeouts, malformed bodies: exponential backoff with jitter, capped at the slowest interval. */
export function afterFailure(
  state: StreamState,
  spec: StreamSpec,
  message: string,
  now: number,
  random = Math.random,
): StreamState {
  const failures = state.failures + 1;
  const base = Math.min(spec.maxIntervalMs, spec.minIntervalMs * 2 ** failures);
  const delay = Math.min(spec.maxIntervalMs, Math.round(base * (0.5 + random())));
  return { ...state, failures, nextPollAt: now + delay, lastError: message };
}

export function nextPollAt(usage: AccountUsage): number | null {
  const times = Object.values(usage.streams).map((s) => s.nextPollAt);
  return times.length ? Math.min(...times) : null;
}
