import type { Knex } from 'knex';
import type { Platform } from '../../../common/types';
import type { InboundItem, IngestGap, RateLimitSnapshot, StreamCursor } from '../../channels/adapter';
import { DB_SESSION_OWNER } from '../knex';

export type ChannelAccountStatus = 'active' | 'paused' | 'needs_reauth' | 'disabled';

export interface ChannelAccountRow {
  id: string;
  platform: Platform;
  handle: string;
  display_name: string;
  external_user_id: string;
  credentials_encrypted: string | null;
  /** Per stream key (mentions, own, dms, search:<q>): the adapter-owned cursor. */
  poll_cursor: Record<string, StreamCursor> | null;
  status: ChannelAccountStatus;
  settings: unknown;
  usage: unknown;
  health: AccountHealth;
  rate_limit: Record<string, RateLimitSnapshot>;
  team_id: string | null;
}

export interface AccountHealth {
  lastPollAt?: string;
  lastSuccessAt?: string;
  lastError?: string | null;
  lastErrorAt?: string;
  /** Earliest next poll over all streams (epoch ms), for the health view. */
  nextPollAt?: number;
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
 * Stores fetched items and the stream's new cursor in one transaction: the cursor only moves when
 * the items are durably queued in `inbound_items`. `cursor` null keeps the old one (incomplete read).
 * Returns the ids of the newly stored items (items already stored are skipped, so an overlapping
 * read is harmless).
 */
export async function storeFetchedItems(
  trx: Knex.Transaction,
  accountId: string,
  stream: string,
  items: InboundItem[],
  cursor: StreamCursor | null,
): Promise<string[]> {
  let ids: string[] = [];
  if (items.length > 0) {
    const rows = await trx('inbound_items')
      .insert(
        items.map((item) => ({
          channel_account_id: accountId,
          external_id: item.dedupeKey ?? item.externalId,
          item,
        })),
      )
      .onConflict(['channel_account_id', 'external_id'])
      .ignore()
      .returning('id');
    ids = rows.map((r: { id: number | string }) => String(r.id));
  }
  if (cursor) {
    await trx('channel_accounts')
      .where({ id: accountId })
      .update({
        poll_cursor: trx.raw("coalesce(poll_cursor, '{}'::jsonb) || jsonb_build_object(?::text, ?::jsonb)", [
          stream,
          JSON.stringify(cursor),
        ]),
        updated_at: trx.fn.now(),
      });
  }
  return ids;
}

export async function recordIngestGap(
  trx: Knex.Transaction,
  accountId: string,
  stream: string,
  gap: IngestGap,
) {
  await trx('ingest_gaps').insert({
    channel_account_id: accountId,
    stream,
    newer_than_id: gap.newerThanId,
    older_than_id: gap.olderThanId,
    note: gap.note,
  });
}

export interface IngestGapRow {
  id: string;
  channel_account_id: string;
  stream: string;
  newer_than_id: string | null;
  older_than_id: string;
  note: string;
  detected_at: Date;
}

export async function listIngestGaps(db: Knex, accountIds: string[], sinceDays = 7): Promise<IngestGapRow[]> {
  return db('ingest_gaps')
    .whereIn('channel_account_id', accountIds)
    .andWhere('detected_at', '>', db.raw(`now() - (? * interval '1 day')`, [sinceDays]))
    .orderBy('detected_at', 'desc');
}

/**
 * Takes the account's poll lease for `ms` (one poller per account across processes and
 * overlapping scheduler runs). Returns false when another poller holds it. A lease whose holder has no
 * PostgreSQL session left (its process was killed or crashed) is taken over at once: waiting for it to
 * time out would stop the account's polling for minutes after every worker crash. So is one of this
 * process's own that no running poll holds (`ownLeaseIsStale`).
 */
export async function acquirePollLease(
  db: Knex,
  accountId: string,
  now: number,
  ms: number,
  opts: { owner?: string; ownLeaseIsStale?: boolean } = {},
): Promise<boolean> {
  const owner = opts.owner ?? DB_SESSION_OWNER;
  const rows = await db('channel_accounts')
    .where({ id: accountId })
    .andWhere((q) =>
      q
        .whereRaw("coalesce((usage->>'leaseUntil')::bigint, 0) < ?", [now])
        .orWhereRaw(
          "usage->>'leaseOwner' is not null and usage->>'leaseOwner' <> ? and not exists " +
            "(select 1 from pg_stat_activity a where a.application_name = usage->>'leaseOwner')",
          [owner],
        )
        // Our own lease, but no poll of this account runs here: the poll that took it could not
        // release it (PostgreSQL went away before its `finally` ran).
        .orWhereRaw("? and usage->>'leaseOwner' = ?", [opts.ownLeaseIsStale === true, owner]),
    )
    .update({
      usage: db.raw("usage || jsonb_build_object('leaseUntil', ?::bigint, 'leaseOwner', ?::text)", [
        now + ms,
        owner,
      ]),
    })
    .returning('id');
  return rows.length > 0;
}

/** Saves the poller's usage (reads, stream schedules) and releases the lease. */
export async function savePollUsage(
  db: Knex,
  accountId: string,
  usage: Record<string, unknown>,
): Promise<void> {
  await db('channel_accounts')
    .where({ id: accountId })
    .update({ usage: JSON.stringify({ ...usage, leaseUntil: 0, leaseOwner: null }) });
}

export async function updateAccountSettings(db: Knex, accountId: string, settings: unknown): Promise<void> {
  await db('channel_accounts')
    .where({ id: accountId })
    .update({ settings: JSON.stringify(settings), updated_at: db.fn.now() });
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
