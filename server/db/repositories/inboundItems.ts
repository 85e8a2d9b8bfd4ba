import type { Knex } from 'knex';
import type { InboundItem } from '../../channels/adapter';

export interface InboundItemRow {
  id: string;
  channel_account_id: string;
  external_id: string;
  item: InboundItem;
  processed_at: Date | null;
  attempts: number;
}

/** Locks a batch of items in id order (so concurrent batches serialise without deadlocking). */
export async function lockInboundItems(trx: Knex.Transaction, ids: string[]): Promise<InboundItemRow[]> {
  if (ids.length === 0) return [];
  return trx('inbound_items').whereIn('id', ids).orderBy('id').forUpdate().select('*');
}

export async function markInboundItemsProcessed(trx: Knex.Transaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx('inbound_items').whereIn('id', ids).update({ processed_at: trx.fn.now(), last_error: null });
}

export async function recordInboundFailure(db: Knex, id: string, error: string): Promise<void> {
  await db('inbound_items')
    .where({ id })
    .update({ attempts: db.raw('attempts + 1'), last_error: error.slice(0, 2000) });
}

/** Items stored but not yet ingested for longer than `olderThanMs` (their job was lost). */
export async function listStaleInboundItems(
  db: Knex,
  olderThanMs: number,
  limit = 1000,
): Promise<InboundItemRow[]> {
  return (
    db('inbound_items')
      .whereNull('processed_at')
      // A poison item stops being retried after 20 attempts; its last_error says why.
      .where('attempts', '<', 20)
      .where('fetched_at', '<', db.raw(`now() - (? * interval '1 millisecond')`, [olderThanMs]))
      .orderBy('fetched_at')
      .limit(limit)
  );
}
