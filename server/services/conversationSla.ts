import type { Knex } from 'knex';
import { getSlaInputs, listWaitingConversationIds, writeSlaFields } from '../db/repositories/conversationSla';
import { listSlaPolicies, loadCalendars } from '../db/repositories/slaSettings';
import { notifyEvent } from '../realtime/bus';
import { computeSlaFields, type InboundSignal, type SlaConfig, slaFieldsDiffer } from './slaDue';

export async function loadSlaConfig(db: Knex | Knex.Transaction): Promise<SlaConfig> {
  const [policies, calendars] = await Promise.all([listSlaPolicies(db as Knex), loadCalendars(db)]);
  return { policies, calendars };
}

/**
 * Recomputes the conversation's due time inside the caller's transaction (the caller holds the row's
 * lock and bumps its version). Called by every service that changes an input: ingest (with the inbound
 * that arrived), reply sent, priority, team and status changes.
 */
export async function refreshConversationSla(
  trx: Knex.Transaction,
  conversationId: string,
  opts: { inbound?: { at: Date | string; reopened: boolean }; config?: SlaConfig; now?: Date } = {},
): Promise<boolean> {
  const row = await getSlaInputs(trx, conversationId);
  if (!row) return false;
  const config = opts.config ?? (await loadSlaConfig(trx));
  const inbound: InboundSignal | undefined = opts.inbound
    ? { at: new Date(opts.inbound.at), reopened: opts.inbound.reopened }
    : undefined;
  const next = computeSlaFields(row, config, opts.now ?? new Date(), inbound);
  if (!slaFieldsDiffer(row, next)) return false;
  await writeSlaFields(trx, conversationId, next, false);
  return true;
}

/**
 * After a policy or calendar change: every waiting conversation gets its due time from the new rules,
 * in batches (one transaction each), announced so open inboxes show it. Returns how many changed.
 */
export async function recomputeWaitingSla(db: Knex, batchSize = 200): Promise<number> {
  const config = await loadSlaConfig(db);
  const now = new Date();
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await listWaitingConversationIds(db, after, batchSize);
    if (ids.length === 0) return changed;
    after = ids[ids.length - 1] ?? null;
    changed += await db.transaction(async (trx) => {
      let n = 0;
      for (const id of ids) {
        await trx('conversations').where({ id }).forNoKeyUpdate().first('id');
        const row = await getSlaInputs(trx, id);
        if (!row) continue;
        const next = computeSlaFields(row, config, now);
        if (!slaFieldsDiffer(row, next)) continue;
        const version = await writeSlaFields(trx, id, next, true);
        await notifyEvent(trx, { type: 'conversation.updated', conversationId: id, version: version ?? 0 });
        n++;
      }
      return n;
    });
  }
}
