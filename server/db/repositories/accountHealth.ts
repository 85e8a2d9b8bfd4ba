import type { Knex } from 'knex';
import type { ChannelAccountHealthDto } from '../../../common/types';
import { parseAccountSettings, parseAccountUsage } from '../../channels/accountSettings';
import { listChannelAccounts, listIngestGaps } from './channelAccounts';

const iso = (ms: number | undefined | null) => (ms ? new Date(ms).toISOString() : null);

/** Every channel account with what a lead needs to trust it: polling, errors, limits, budget, gaps. */
export async function listAccountHealth(db: Knex): Promise<ChannelAccountHealthDto[]> {
  const accounts = await listChannelAccounts(db);
  const gaps = await listIngestGaps(
    db,
    accounts.map((a) => a.id),
  );
  return accounts.map((a) => {
    const settings = parseAccountSettings(a.settings);
    const usage = parseAccountUsage(a.usage);
    const month = new Date().toISOString().slice(0, 7);
    const streams = Object.entries(usage.streams).map(([key, s]) => ({
      key,
      nextPollAt: iso(s.nextPollAt),
      intervalMs: s.intervalMs,
      lastError: s.lastError,
    }));
    return {
      id: a.id,
      platform: a.platform,
      handle: a.handle,
      displayName: a.display_name,
      status: a.status,
      lastPollAt: a.health.lastPollAt ?? null,
      lastSuccessAt: a.health.lastSuccessAt ?? null,
      lastError: a.health.lastError ?? null,
      lastErrorAt: a.health.lastErrorAt ?? null,
      nextPollAt: a.status === 'active' ? iso(a.health.nextPollAt) : null,
      streams,
      rateLimits: Object.values(a.rate_limit ?? {}).map((r) => ({
        endpoint: r.endpoint,
        limit: r.limit,
        remaining: r.remaining,
        resetAt: new Date(r.resetAt).toISOString(),
      })),
      budget: {
        month,
        monthlyReads: settings.monthlyReadBudget,
        readsUsed: usage.month === month ? Object.values(usage.reads).reduce((n, v) => n + v, 0) : 0,
        postsPer24h: settings.postsPer24h,
      },
      searchQueries: settings.searchQueries,
      gaps: gaps
        .filter((g) => g.channel_account_id === a.id)
        .map((g) => ({
          id: String(g.id),
          stream: g.stream,
          newerThanId: g.newer_than_id,
          olderThanId: g.older_than_id,
          detectedAt: new Date(g.detected_at).toISOString(),
          note: g.note,
        })),
    };
  });
}
