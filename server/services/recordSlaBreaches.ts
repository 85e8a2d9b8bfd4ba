import type { Knex } from 'knex';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { claimSlaBreaches } from '../db/repositories/conversationSla';
import { notifyEvent } from '../realtime/bus';

/**
 * Records one `sla.breached` event per conversation whose due time passed while the customer still
 * waits, and pushes it live. Safe to run from several worker processes at once: the claim marks the row
 * in the same transaction as the event, and a claimed row no longer matches (see `claimSlaBreaches`).
 */
export async function recordSlaBreaches(db: Knex, opts: { limit?: number } = {}): Promise<number> {
  return db.transaction(async (trx) => {
    const claimed = await claimSlaBreaches(trx, opts.limit ?? 500);
    for (const c of claimed) {
      const dueAt = new Date(c.sla_due_at).toISOString();
      await recordConversationEvent(trx, {
        conversationId: c.id,
        type: 'sla.breached',
        actorKind: 'system',
        data: {
          target: c.sla_target,
          dueAt,
          startedAt: c.sla_started_at ? new Date(c.sla_started_at).toISOString() : null,
          policyId: c.sla_policy_id,
          priority: c.priority,
          minutes: c.target_minutes,
        },
      });
      await notifyEvent(trx, {
        type: 'sla.breached',
        conversationId: c.id,
        version: c.version,
        target: c.sla_target,
        dueAt,
      });
    }
    return claimed.length;
  });
}
