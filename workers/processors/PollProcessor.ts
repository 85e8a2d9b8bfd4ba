import type { Job } from 'bullmq';
import { type PollJob, pollJobSchema } from '../../server/queues/jobs';
import { pollAccount } from '../../server/services/pollAccount';
import type { WorkerContext } from './context';

/** Runs one poll of one channel account. Poll errors are recorded on the account, not retried. */
export function createPollProcessor(ctx: WorkerContext) {
  return async (job: Job<PollJob>) => {
    const { channelAccountId } = pollJobSchema.parse(job.data);
    // ctx.logger is already bound to this job (instrumentProcessor).
    return pollAccount(ctx, channelAccountId);
  };
}
