import type { Knex } from 'knex';
import type { Platform } from '../../../common/types';
import type { InboundItem, PollCursor, RateLimitSnapshot } from '../../channels/adapter';

export type ChannelAccountStatus = 'active' | 'paused' | 'needs_reauth' | 'disabled';

export interface ChannelAccountRow {
  id: string;
  platform: Platform;
  handle: string;
  display_name: string;
  external_user_id: string;
  credentials_encrypted: string | null;
  poll_cursor: PollCursor | null;
  status: ChannelAccountStatus;
  health: AccountHealth;
  rate_limit: Record<string, RateLimitSnapshot>;
  team_id: string | null;
}

export interface AccountHealth {
  lastPollAt?: string;
  lastSuccessAt?: string;
  lastError?: string | null;
  lastErrorAt?: string;
  /** Epoch ms before which the poller must not call the platform (rate limit). */
  pausedUntil?: number;
}

export async function upsertChannelAccount(
  db: Knex,
  input: {
    platform: Platform;
    externalUserId: string;
    handle: string;
    displayName: string;
    credentialsEncrypted: string;
  },
): Promise<ChannelAccountRow> {
  const [row] = await db('channel_accounts')
    .insert({
      platform: input.platform,
      external_user_id: input.externalUserId,
      handle: input.handle,
      display_name: input.displayName,
      credentials_encrypted: input.credentialsEncrypted,
      status: 'active',
    })
    .onConflict(['platform', 'external_user_id'])
    .merge({
      handle: input.handle,
      display_name: input.displayName,
      credentials_encrypted: input.credentialsEncrypted,
      status: 'active',
      updated_at: db.fn.now(),
    })
    .returning('*');
  return row as ChannelAccountRow;
}

export async function getChannelAccount(db: Knex, id: string): Promise<ChannelAccountRow | undefined> {
  return db('channel_accounts').where({ id }).first();
}

export async function listChannelAccounts(
  db: Knex,
  status?: ChannelAccountStatus,
): Promise<ChannelAccountRow[]> {
  const q = db('channel_accounts').orderBy('created_at');
  return status ? q.where({ status }) : q;
}

/**
 * Stores fetched items and the new cursor in one transaction: the cursor only moves when the items
 * are durably queued in `inbound_items`. Returns the ids of the newly stored items (duplicates of
 * items already stored are skipped, so an overlapping fetch is harmless).
 */
export async function storeFetchedItems(
  trx: Knex.Transaction,
  accountId: string,
  items: InboundItem[],
  cursor: PollCursor,
): Promise<string[]> {
  let ids: string[] = [];
  if (items.length > 0) {
    const rows = await trx('inbound_items')
      .insert(items.map((item) => ({ channel_account_id: accountId, external_id: item.externalId, item })))
      .onConflict(['channel_account_id', 'external_id'])
      .ignore()
      .returning('id');
    ids = rows.map((r: { id: number | string }) => String(r.id));
  }
  await trx('channel_accounts')
    .where({ id: accountId })
    .update({ poll_cursor: cursor, updated_at: trx.fn.now() });
  return ids;
}

/** Merges into the health JSON and rate-limit snapshots without clobbering concurrent fields. */
export async function updateAccountHealth(
  db: Knex,
  accountId: string,
  health: AccountHealth,
  rateLimits: RateLimitSnapshot[] = [],
  status?: ChannelAccountStatus,
): Promise<void> {
  const limits = Object.fromEntries(rateLimits.map((r) => [r.endpoint, r]));
  await db('channel_accounts')
    .where({ id: accountId })
    .update({
      health: db.raw('health || ?::jsonb', [JSON.stringify(health)]),
      rate_limit: db.raw('rate_limit || ?::jsonb', [JSON.stringify(limits)]),
      ...(status ? { status } : {}),
      updated_at: db.fn.now(),
    });
}
