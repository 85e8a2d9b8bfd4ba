import type { XEndpoint } from './x/endpoints';
import type { RateLimitRule } from './x/rateLimits';

export interface SimulatorOptions {
  /** The account the bearer tokens act for: the brand whose mentions the inbox reads. */
  brand?: { id?: string; username: string; name: string };
  /** Bearer tokens the X API accepts; every token acts as the brand. */
  bearerTokens?: string[];
  /** Clock in epoch milliseconds; tests pass a fake one to move rate-limit windows. */
  now?: () => number;
  /** Per-endpoint overrides of the rate limits (limit per window, window length). */
  rateLimits?: Partial<Record<XEndpoint, Partial<RateLimitRule>>>;
  /** How far back an identical brand post makes a new one a duplicate (UNCONFIRMED: X does not publish it). */
  duplicateWindowMs?: number;
  /** How long a `timeout` fault holds a request before dropping the connection. */
  timeoutFaultMs?: number;
}

export interface ResolvedOptions {
  brand: { id: string; username: string; name: string };
  bearerTokens: string[];
  now: () => number;
  rateLimits: Partial<Record<XEndpoint, Partial<RateLimitRule>>>;
  duplicateWindowMs: number;
  timeoutFaultMs: number;
}

export const DEFAULT_BRAND = {
  id: '1600000000000000001',
  username: 'telekom_hilft_demo',
  name: 'Demo Hilft',
};
export const DEFAULT_BEARER_TOKEN = 'sim-x-token';

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  return {
    brand: {
      id: options.brand?.id ?? DEFAULT_BRAND.id,
      username: options.brand?.username ?? DEFAULT_BRAND.username,
      name: options.brand?.name ?? DEFAULT_BRAND.name,
    },
    bearerTokens: options.bearerTokens ?? [DEFAULT_BEARER_TOKEN],
    now: options.now ?? Date.now,
    rateLimits: options.rateLimits ?? {},
    duplicateWindowMs: options.duplicateWindowMs ?? 24 * 60 * 60 * 1000,
    timeoutFaultMs: options.timeoutFaultMs ?? 60_000,
  };
}
