import { DelayedError, type Job, type Processor } from 'bullmq';
import { jobDuration, jobFailures } from '../server/observability/metrics';
import type { WorkerContext } from './processors/context';

/** The ids a job payload carries (`messageId`, `channelAccountId`, ...), for the job's log bindings. */
export function payloadIds(data: unknown): Record<string, string> {
  const ids: Record<string, string> = {};
  if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (/Id$/.test(key) && (typeof value === 'string' || typeof value === 'number'))
        ids[key] = String(value);
    }
  }
  return ids;
}

/**
 * Wraps a processor factory: each job runs with a child logger bound to its queue, job id and the
 * entity ids of its payload, and its duration and failures are recorded per queue. A rate-limit
 * delay (DelayedError) is an outcome of its own, not a failure.
 */
export function instrumentProcessor<T>(
  queue: string,
  ctx: WorkerContext,
  factory: (ctx: WorkerContext) => (job: Job<T>, token?: string) => Promise<unknown>,
): Processor<T> {
  return async (job, token) => {
    const logger = ctx.logger.child({ category: 'job', queue, jobId: job.id, ...payloadIds(job.data) });
    const end = jobDuration.startTimer({ queue });
    try {
      const result = await factory({ ...ctx, logger })(job, token);
      end({ outcome: 'completed' });
      return result;
    } catch (error) {
      if (error instanceof DelayedError) {
        end({ outcome: 'delayed' });
      } else {
        end({ outcome: 'failed' });
        const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        jobFailures.inc({ queue, final: String(final) });
      }
      throw error;
    }
  };
}
