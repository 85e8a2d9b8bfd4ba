import type { Job } from 'bullmq';
import { type AssignmentJob, assignmentJobSchema } from '../../server/queues/jobs';
import { autoAssignTeam } from '../../server/services/autoAssign';
import type { WorkerContext } from './context';

/** One auto-assignment pass over a team's queue (safe to run in any number of processes at once). */
export function createAssignmentProcessor(ctx: WorkerContext) {
  return async (job: Job<AssignmentJob>) => {
    const { teamId } = assignmentJobSchema.parse(job.data);
    try {
      const assigned = await autoAssignTeam(ctx.db, teamId);
      if (assigned > 0) ctx.logger.debug({ assigned }, 'auto-assigned');
      return { assigned };
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
        ctx.logger.error({ err: error }, 'auto-assignment failed for good');
      throw error;
    }
  };
}
