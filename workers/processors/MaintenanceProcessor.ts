import type { Job } from 'bullmq';
import { deleteStalePresence } from '../../server/db/repositories/presence';
import { type MaintenanceJob, maintenanceJobSchema } from '../../server/queues/jobs';
import { recordSlaBreaches } from '../../server/services/recordSlaBreaches';
import { sweepAssignments } from '../../server/services/sweepAssignments';
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
    // Tabs whose server died never said goodbye; readers already ignore them, this keeps the table small.
    await deleteStalePresence(ctx.db);
    // Due times that passed while the customer waits: one sla.breached event each, pushed live.
    const slaBreaches = await recordSlaBreaches(ctx.db);
    if (slaBreaches > 0) ctx.logger.info({ slaBreaches }, 'recorded SLA breaches');
    const assignment = await sweepAssignments(ctx.db);
    if (assignment.assigned + assignment.returnedTeams > 0) {
      ctx.logger.info({ ...assignment }, 'sweeper assigned backlog');
    }
    if (result.inboundRequeued + result.outboundRequeued > 0) {
      ctx.logger.info({ ...result }, 'sweeper re-enqueued lost work');
    }
    return result;
  };
}
