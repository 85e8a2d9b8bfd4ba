import type { ChannelAccountHealthDto } from '../../../../common/types';

/** A healthy X account for unit tests; override what the test is about. */
export function makeAccount(overrides: Partial<ChannelAccountHealthDto> = {}): ChannelAccountHealthDto {
  return {
    id: 'acc1',
    platform: 'x',
    handle: 'acme_help',
    displayName: 'ACME Support',
    status: 'active',
    lastPollAt: '2026-11-21T11:59:50Z',
    lastSuccessAt: '2026-11-21T11:59:50Z',
    lastError: null,
    lastErrorAt: null,
    nextPollAt: '2026-11-21T12:00:20Z',
    streams: [
      { key: 'mentions', nextPollAt: '2026-11-21T12:00:20Z', intervalMs: 30_000, lastError: null },
      { key: 'search:acme lang:de', nextPollAt: null, intervalMs: 300_000, lastError: 'HTTP 503' },
    ],
    rateLimits: [
      { endpoint: 'GET /2/users/:id/mentions', limit: 450, remaining: 12, resetAt: '2026-11-21T12:10:00Z' },
    ],
    budget: { month: '2026-11', monthlyReads: 10_000, readsUsed: 2500, postsPer24h: 100 },
    searchQueries: ['acme lang:de'],
    gaps: [],
    ...overrides,
  };
}
