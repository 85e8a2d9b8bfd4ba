import type { Knex } from 'knex';
import { listAccountGauges } from '../db/repositories/accountGauges';
import type { QueueSet } from '../queues/backend';
import { QUEUES } from '../queues/jobs';
import {
  addScrapeSource,
  channelPollLag,
  channelRateLimitLimit,
  channelRateLimitRemaining,
  queueJobs,
  queueOldestWaitingAge,
  socketClients,
} from './metrics';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

/**
 * Queue depths and the age of the oldest waiting job, read from the queues at scrape time. Uses only
 * the Queue API, so it reads the same on the Redis and the PostgreSQL backend.
 */
export function collectQueueMetrics(
  queues: Pick<QueueSet, 'queue'>,
  now: () => number = Date.now,
): () => void {
  return addScrapeSource('queues', {
    async collect() {
      // One query at a time: on the PostgreSQL backend each queue has its own pool, and a scrape
      // must not open a burst of connections on a server that has few to spare.
      const rows = [];
      for (const name of Object.values(QUEUES)) {
        const queue = queues.queue(name);
        const counts = await queue.getJobCounts(...STATES);
        const oldest = await queue.getJobs(['waiting'], 0, 0, true);
        rows.push({ name, counts, oldest: oldest[0] });
      }
      queueJobs.reset();
      queueOldestWaitingAge.reset();
      for (const { name, counts, oldest } of rows) {
        for (const state of STATES) queueJobs.set({ queue: name, state }, counts[state] ?? 0);
        const age = oldest ? Math.max(0, (now() - oldest.timestamp) / 1000) : 0;
        queueOldestWaitingAge.set({ queue: name }, age);
      }
    },
  });
}

/**
 * Remaining rate budget (the headers the poller stores for the channel-health view) and poll lag per
 * account, from PostgreSQL: the same numbers whichever process polled.
 */
export function collectAccountMetrics(db: Knex, now: () => number = Date.now): () => void {
  return addScrapeSource('accounts', {
    async collect() {
      const accounts = await listAccountGauges(db);
      channelRateLimitRemaining.reset();
      channelRateLimitLimit.reset();
      channelPollLag.reset();
      for (const a of accounts) {
        const account = a.handle;
        for (const rl of a.rateLimits) {
          const labels = { platform: a.platform, account, endpoint: rl.endpoint };
          // A window that has reset since the last call is whole again.
          channelRateLimitRemaining.set(labels, rl.resetAt <= now() ? rl.limit : rl.remaining);
          channelRateLimitLimit.set(labels, rl.limit);
        }
        if (a.lastSuccessAt !== null) {
          channelPollLag.set(
            { platform: a.platform, account, status: a.status },
            Math.max(0, (now() - a.lastSuccessAt) / 1000),
          );
        }
      }
    },
  });
}

/** Connected socket.io clients of this process. */
export function collectSocketMetrics(connectedClients: () => number): () => void {
  return addScrapeSource('sockets', {
    async collect() {
      socketClients.set(connectedClients());
    },
  });
}
