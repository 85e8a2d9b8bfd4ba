import type { Knex } from 'knex';
import { listChannelAccounts } from '../db/repositories/channelAccounts';
import type { QueueSet } from './backend';
import { INGEST_BATCH_SIZE, jobId, QUEUES } from './jobs';

export type OutboundEnqueuer = Pick<QueueSet, 'add' | 'retry'>;

/** Outbound jobs are keyed by message id: enqueueing twice (commit hook + sweeper) is harmless. */
export async function enqueueOutbound(queues: OutboundEnqueuer, messageId: string): Promise<void> {
  await queues.add(
    QUEUES.outbound,
    { messageId },
    {
      jobId: jobId('out', messageId),
      attempts: queues.retry.outboundAttempts,
      backoff: { type: 'exponential', delay: queues.retry.outboundBackoffMs, jitter: 0.5 },
      removeOnFail: true,
    },
  );
}

/**
 * One job per batch of up to INGEST_BATCH_SIZE items (a poll page), ingested in one transaction. The job
 * id names the batch's first item and size, so the commit hook and the sweeper enqueueing the same
 * batch is a no-op; overlapping batches are harmless (each item is locked and ingested once).
 */
export async function enqueueIngest(queues: OutboundEnqueuer, inboundItemIds: string[]): Promise<void> {
  for (let i = 0; i < inboundItemIds.length; i += INGEST_BATCH_SIZE) {
    const batch = inboundItemIds.slice(i, i + INGEST_BATCH_SIZE);
    await queues.add(
      QUEUES.ingest,
      { inboundItemIds: batch },
      {
        jobId: batch.length === 1 ? jobId('in', batch[0]!) : jobId('in', batch[0]!, `${batch.length}`),
        attempts: 8,
        backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
        removeOnFail: true,
      },
    );
  }
}

/**
 * One repeating poll job per active account, re-declared at start and by every sweep, so a flushed
 * Redis gets its schedulers back within one sweep; paused or unauthorised accounts lose theirs.
 */
export async function syncPollSchedulers(db: Knex, queues: QueueSet, everyMs: number): Promise<number> {
  const poll = queues.queue(QUEUES.poll);
  const accounts = await listChannelAccounts(db);
  let active = 0;
  for (const account of accounts) {
    const schedulerId = jobId('poll', account.id);
    if (account.status === 'active') {
      active++;
      await poll.upsertJobScheduler(
        schedulerId,
        { every: everyMs },
        { name: QUEUES.poll, data: { channelAccountId: account.id }, opts: { removeOnFail: true } },
      );
    } else {
      await poll.removeJobScheduler(schedulerId);
    }
  }
  return active;
}
