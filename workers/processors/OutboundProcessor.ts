import { DelayedError, type Job } from 'bullmq';
import { type OutboundJob, outboundJobSchema } from '../../server/queues/jobs';
import { deliverReply } from '../../server/services/deliverReply';
import type { WorkerContext } from './context';

/** Delivers one outbox row; see deliverReply for the exactly-once state machine. */
export function createOutboundProcessor(ctx: WorkerContext) {
  return async (job: Job<OutboundJob>, token?: string) => {
    const { messageId } = outboundJobSchema.parse(job.data);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    // Bound to queue, job id and message id by instrumentProcessor.
    const logger = ctx.logger;
    const deps = {
      db: ctx.db,
      adapters: ctx.adapters,
      logger,
      ...(ctx.crashAt ? { crashAt: ctx.crashAt } : {}),
      ...(ctx.publicUrl ? { publicUrl: ctx.publicUrl } : {}),
    };
    const outcome = await deliverReply(deps, messageId, { finalAttempt });
    // Recorded as sent but the job not yet acknowledged: a retry must find `sent` and post nothing.
    if (outcome.kind === 'sent') ctx.crashAt?.('recorded', messageId);
    if (outcome.kind === 'retry_later') {
      // Rate limited: not posted, wait for the window without spending an attempt.
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    if (outcome.kind === 'retry_unknown') throw outcome.error;
    if (outcome.kind === 'sent')
      logger.info({ externalId: outcome.externalId, reconciled: outcome.reconciled }, 'reply sent');
    if (outcome.kind === 'failed') logger.warn({ reason: outcome.reason }, 'reply failed');
    return outcome;
  };
}
