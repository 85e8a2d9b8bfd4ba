import type { Job } from 'bullmq';
import { recordInboundFailure } from '../../server/db/repositories/inboundItems';
import { observeIngestLag } from '../../server/observability/ingestLag';
import { type IngestJob, ingestJobSchema } from '../../server/queues/jobs';
import { ingestInboundItem } from '../../server/services/ingestInboundItem';
import { requestAutoAssign } from '../../server/services/requestAutoAssign';
import type { WorkerContext } from './context';

/** Normalises one stored item into the conversation model; failures are kept on the item row. */
export function createIngestProcessor(ctx: WorkerContext) {
  return async (job: Job<IngestJob>) => {
    const { inboundItemId } = ingestJobSchema.parse(job.data);
    try {
      const outcome = await ingestInboundItem(ctx.db, inboundItemId);
      // After commit: a new (routed) or reopened conversation may be waiting for an agent.
      if (outcome.kind === 'ingested') {
        observeIngestLag(outcome.platform, outcome.platformCreatedAt);
        await requestAutoAssign(ctx, { conversationIds: [outcome.conversationId] }).catch((err: unknown) =>
          ctx.logger.warn({ err, conversationId: outcome.conversationId }, 'auto-assign trigger failed'),
        );
      }
      return outcome;
    } catch (error) {
      await recordInboundFailure(
        ctx.db,
        inboundItemId,
        error instanceof Error ? error.message : String(error),
      );
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      // Log a failure once, on the last attempt; earlier ones are retried quietly.
      if (last) ctx.logger.error({ err: error }, 'ingest failed for good');
      throw error;
    }
  };
}
