import type { Job } from 'bullmq';
import { recordInboundFailure } from '../../server/db/repositories/inboundItems';
import { observeIngestLag } from '../../server/observability/ingestLag';
import { type IngestJob, ingestJobSchema } from '../../server/queues/jobs';
import { ingestInboundBatch, ingestInboundItem } from '../../server/services/ingestInboundBatch';
import type { IngestOutcome } from '../../server/services/ingestInboundItem';
import { requestAutoAssign } from '../../server/services/requestAutoAssign';
import type { WorkerContext } from './context';

/**
 * Normalises a batch of stored items into the conversation model in one transaction. If the batch
 * fails, its items are ingested one by one, so a bad item fails alone (kept on its row, retried with
 * the job) and the others go through.
 */
export function createIngestProcessor(ctx: WorkerContext) {
  return async (job: Job<IngestJob>) => {
    const data = ingestJobSchema.parse(job.data);
    const ids = 'inboundItemIds' in data ? data.inboundItemIds : [data.inboundItemId];
    let outcomes: Map<string, IngestOutcome>;
    try {
      outcomes = await ingestInboundBatch(ctx.db, ids);
    } catch (error) {
      if (ids.length === 1) {
        await failed(ctx, job, ids[0]!, error);
        throw error;
      }
      ctx.logger.warn({ err: error, jobId: job.id, items: ids.length }, 'ingest batch failed; one by one');
      outcomes = new Map();
      let firstError: unknown = null;
      for (const id of ids) {
        try {
          outcomes.set(id, await ingestInboundItem(ctx.db, id));
        } catch (itemError) {
          await failed(ctx, job, id, itemError);
          firstError ??= itemError;
        }
      }
      // After the others committed: the job retries, and skips what is already processed.
      if (firstError) {
        await assignAfterCommit(ctx, job, outcomes);
        throw firstError;
      }
    }
    await assignAfterCommit(ctx, job, outcomes);
    return ids.length === 1 ? outcomes.get(ids[0]!) : summarise(outcomes);
  };
}

/** After commit: new (routed) or reopened conversations may be waiting for an agent. */
async function assignAfterCommit(ctx: WorkerContext, job: Job, outcomes: Map<string, IngestOutcome>) {
  for (const o of outcomes.values()) {
    if (o.kind === 'ingested') observeIngestLag(o.platform, o.platformCreatedAt);
  }
  const conversationIds = [
    ...new Set([...outcomes.values()].flatMap((o) => (o.kind === 'ingested' ? [o.conversationId] : []))),
  ];
  if (conversationIds.length === 0) return;
  await requestAutoAssign(ctx, { conversationIds }).catch((err: unknown) =>
    ctx.logger.warn({ err, jobId: job.id, conversationIds }, 'auto-assign trigger failed'),
  );
}

async function failed(ctx: WorkerContext, job: Job, inboundItemId: string, error: unknown) {
  await recordInboundFailure(ctx.db, inboundItemId, error instanceof Error ? error.message : String(error));
  const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  // Log a failure once, on the last attempt; earlier ones are retried quietly.
  if (last) ctx.logger.error({ err: error, jobId: job.id, inboundItemId }, 'ingest failed for good');
}

function summarise(outcomes: Map<string, IngestOutcome>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes.values()) counts[o.kind] = (counts[o.kind] ?? 0) + 1;
  return counts;
}
