import type { Knex } from 'knex';
import type { Platform } from '../../common/types';
import type { InboundItem, PlatformUser } from '../channels/adapter';
import { inboundItemSchema } from '../channels/inboundItemSchema';
import type { ChannelAccountRow } from '../db/repositories/channelAccounts';
import { upsertContacts } from '../db/repositories/contacts';
import { lockInboundItems, markInboundItemsProcessed } from '../db/repositories/inboundItems';
import { listRoutingRules } from '../db/repositories/routingRules';
import { loadSlaConfig } from './conversationSla';
import {
  contactKey,
  type IngestBatchContext,
  type IngestOutcome,
  ingestStoredItem,
} from './ingestInboundItem';
import { ingestPublicGroup, isPlainPublicItem, type PublicGroupItem } from './ingestPublicGroup';
import { refreshConversationsMetrics } from './metrics/refreshConversationMetrics';
import { calendarProviderFrom } from './metrics/teamCalendars';

/**
 * Ingests stored platform items in one transaction: the items are locked (in id order), settings read
 * once, the authors upserted in one statement, each item turned into conversation + message, metrics
 * recomputed once per conversation at the end, and the items marked processed. Idempotent like a single
 * ingest: an item already processed (by another job) is skipped, a message already stored is a
 * duplicate. Throws if any item fails, leaving every item of the batch unprocessed (the caller then
 * ingests them one by one, so one bad item does not hold back the others).
 */
export async function ingestInboundBatch(db: Knex, ids: string[]): Promise<Map<string, IngestOutcome>> {
  const wanted = [...new Set(ids)];
  return db.transaction(async (trx) => {
    const outcomes = new Map<string, IngestOutcome>();
    const rows = new Map((await lockInboundItems(trx, wanted)).map((r) => [String(r.id), r]));
    const pending: Array<{ id: string; accountId: string; item: InboundItem }> = [];
    for (const id of wanted) {
      const row = rows.get(id);
      if (!row) outcomes.set(id, { kind: 'missing' });
      else if (row.processed_at) outcomes.set(id, { kind: 'already_processed' });
      else pending.push({ id, accountId: row.channel_account_id, item: inboundItemSchema.parse(row.item) });
    }
    if (pending.length === 0) return outcomes;

    const accounts = new Map(
      (
        (await trx('channel_accounts')
          .whereIn('id', [...new Set(pending.map((p) => p.accountId))])
          .select('id', 'platform')) as Array<Pick<ChannelAccountRow, 'id' | 'platform'>>
      ).map((a) => [a.id, a]),
    );
    const ctx = await loadBatchContext(trx);
    await upsertAuthors(trx, ctx, pending, accounts);

    // Runs of plain public items of distinct threads go set-based (ingestPublicGroup); anything else,
    // or a thread seen again, ends the run and goes item by item, so the order of effects is kept.
    const processed: string[] = [];
    let run: PublicGroupItem[] = [];
    const threads = new Set<string>();
    const flush = async () => {
      if (run.length === 0) return;
      for (const [id, outcome] of await ingestPublicGroup(trx, run, ctx)) outcomes.set(id, outcome);
      processed.push(...run.map((g) => g.id));
      run = [];
      threads.clear();
    };
    for (const p of pending) {
      const account = accounts.get(p.accountId);
      if (!account) {
        outcomes.set(p.id, { kind: 'missing' });
        continue;
      }
      if (isPlainPublicItem(p.item)) {
        const thread = `${account.id}\u0000${p.item.threadKey}`;
        if (threads.has(thread)) await flush();
        threads.add(thread);
        run.push({ id: p.id, account, item: p.item });
        continue;
      }
      await flush();
      outcomes.set(p.id, await ingestStoredItem(trx, account, p.item, ctx));
      processed.push(p.id);
    }
    await flush();
    // Last, in a stable order: the metric rollup rows every ingest of the day shares are locked from here
    // to the commit only, and concurrent batches take them in the same order.
    await refreshConversationsMetrics(trx, [...ctx.metricsDue].sort(), { calendars: ctx.calendars });
    await markInboundItemsProcessed(trx, processed);
    return outcomes;
  });
}

/** One item on its own: a batch of one. */
export async function ingestInboundItem(db: Knex, inboundItemId: string): Promise<IngestOutcome> {
  return (await ingestInboundBatch(db, [inboundItemId])).get(inboundItemId) ?? { kind: 'missing' };
}

async function loadBatchContext(trx: Knex.Transaction): Promise<IngestBatchContext> {
  const sla = await loadSlaConfig(trx);
  return {
    sla,
    calendars: calendarProviderFrom(sla.calendars),
    routingRules: await listRoutingRules(trx),
    contacts: new Map(),
    metricsDue: new Set(),
  };
}

/** The customers' profiles of the batch, per platform, in one statement each. */
async function upsertAuthors(
  trx: Knex.Transaction,
  ctx: IngestBatchContext,
  pending: Array<{ accountId: string; item: InboundItem }>,
  accounts: Map<string, Pick<ChannelAccountRow, 'id' | 'platform'>>,
): Promise<void> {
  const byPlatform = new Map<Platform, PlatformUser[]>();
  for (const p of pending) {
    const platform = accounts.get(p.accountId)?.platform;
    if (!platform || p.item.action || p.item.fromAccount) continue;
    const users = byPlatform.get(platform) ?? [];
    users.push(p.item.author);
    byPlatform.set(platform, users);
  }
  for (const [platform, users] of byPlatform) {
    for (const [userId, contactId] of await upsertContacts(trx, platform, users)) {
      ctx.contacts.set(contactKey(platform, userId), contactId);
    }
  }
}
