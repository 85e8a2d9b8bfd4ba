import type { Knex } from 'knex';
import { listStaleInboundItems } from '../db/repositories/inboundItems';
import { listStaleOutbox } from '../db/repositories/messages';
import type { QueueSet } from '../queues/backend';
import { enqueueIngest, enqueueOutbound, syncPollSchedulers } from '../queues/producers';

export interface SweepResult {
  inboundRequeued: number;
  outboundRequeued: number;
  activeAccounts: number;
}

/**
 * Heals anything the queue lost: PostgreSQL is the truth, the queue only a notification. Job ids
 * are deterministic, so re-enqueueing what is still queued is a no-op.
 */
export async function sweepOutbox(
  deps: { db: Knex; queues: QueueSet },
  opts: { staleAfterMs: number; stuckSendingMs: number; pollEveryMs: number },
): Promise<SweepResult> {
  const inbound = await listStaleInboundItems(deps.db, opts.staleAfterMs);
  await enqueueIngest(
    deps.queues,
    inbound.map((r) => String(r.id)),
  );
  const outbox = await listStaleOutbox(deps.db, opts.staleAfterMs, opts.stuckSendingMs);
  for (const row of outbox) await enqueueOutbound(deps.queues, row.id);
  const activeAccounts = await syncPollSchedulers(deps.db, deps.queues, opts.pollEveryMs);
  return { inboundRequeued: inbound.length, outboundRequeued: outbox.length, activeAccounts };
}
