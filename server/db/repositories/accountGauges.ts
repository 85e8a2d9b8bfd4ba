import type { Knex } from 'knex';
import type { Platform } from '../../../common/types';
import type { RateLimitSnapshot } from '../../channels/adapter';
import type { AccountHealth, ChannelAccountStatus } from './channelAccounts';

export interface AccountGauges {
  platform: Platform;
  handle: string;
  status: ChannelAccountStatus;
  rateLimits: RateLimitSnapshot[];
  /** Epoch ms of the last successful poll; null before the first. */
  lastSuccessAt: number | null;
}

/** What /metrics exports per channel account: the stored rate-limit headers and poll health. */
export async function listAccountGauges(db: Knex): Promise<AccountGauges[]> {
  const rows = await db('channel_accounts').whereNot('status', 'disabled').select<
    Array<{
      platform: Platform;
      handle: string;
      status: ChannelAccountStatus;
      rate_limit: Record<string, RateLimitSnapshot> | null;
      health: AccountHealth | null;
    }>
  >('platform', 'handle', 'status', 'rate_limit', 'health');
  return rows.map((r) => {
    const last = r.health?.lastSuccessAt ? Date.parse(r.health.lastSuccessAt) : Number.NaN;
    return {
      platform: r.platform,
      handle: r.handle,
      status: r.status,
      rateLimits: Object.values(r.rate_limit ?? {}),
      lastSuccessAt: Number.isFinite(last) ? last : null,
    };
  });
}
