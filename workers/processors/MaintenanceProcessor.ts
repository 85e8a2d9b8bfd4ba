import type { Job } from 'bullmq';
import { type MaintenanceJob, maintenanceJobSchema } from '../../server/queues/jobs';
import { sweepOutbox } from '../../server/services/sweepOutbox';
import type { WorkerContext } from './context';

export const SWEEP_STALE_AFTER_MS = 30_000;
export const SWEEP_STUCK_SENDING_MS = 120_000;

/** Periodic self-healing: re-enqueue what the queue lost, re-declare poll schedulers. */
export function createMaintenanceProcessor(ctx: WorkerContext) {
  return async (job: Job<MaintenanceJob>) => {
    maintenanceJobSchema.parse(job.data);
    const result = await sweepOutbox(ctx, {
      staleAfterMs: SWEEP_STALE_AFTER_MS,
      stuckSendingMs: SWEEP_STUCK_SENDING_MS,
      pollEveryMs: ctx.pollEveryMs,
    });
    if (result.inboundRequeued + result.outboundRequeued > 0) {
      ctx.logger.info({ ...result, jobId: job.id }, 'sweeper re-enqueued lost work');
    }
    return result;
  };
}
