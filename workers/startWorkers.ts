import type { Worker } from 'bullmq';
import { jobId, QUEUES } from '../server/queues/jobs';
import { sweepOutbox } from '../server/services/sweepOutbox';
import { instrumentProcessor } from './instrumentProcessor';
import { createAssignmentProcessor } from './processors/AssignmentProcessor';
import type { WorkerContext } from './processors/context';
import { createIngestProcessor } from './processors/IngestProcessor';
import {
  createMaintenanceProcessor,
  SWEEP_STALE_AFTER_MS,
  SWEEP_STUCK_SENDING_MS,
} from './processors/MaintenanceProcessor';
import { createOutboundProcessor } from './processors/OutboundProcessor';
import { createPollProcessor } from './processors/PollProcessor';

export interface WorkerOptions {
  sweepEveryMs?: number;
  concurrency?: { poll?: number; ingest?: number; outbound?: number };
}

export interface RunningWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

/**
 * Starts every processor. At start it sweeps once: jobs lost with Redis (or never enqueued because
 * a process died after commit) are re-enqueued from PostgreSQL before new work arrives.
 */
export async function startWorkers(ctx: WorkerContext, opts: WorkerOptions = {}): Promise<RunningWorkers> {
  const log = ctx.logger.child({ category: 'workers' });
  const run = <T>(queue: string, factory: Parameters<typeof instrumentProcessor<T>>[2]) =>
    instrumentProcessor(queue, ctx, factory);
  const workers: Worker[] = [
    ctx.queues.worker(QUEUES.poll, run(QUEUES.poll, createPollProcessor), {
      concurrency: opts.concurrency?.poll ?? 4,
    }),
    ctx.queues.worker(QUEUES.ingest, run(QUEUES.ingest, createIngestProcessor), {
      concurrency: opts.concurrency?.ingest ?? 8,
    }),
    ctx.queues.worker(QUEUES.outbound, run(QUEUES.outbound, createOutboundProcessor), {
      concurrency: opts.concurrency?.outbound ?? 4,
    }),
    ctx.queues.worker(QUEUES.maintenance, run(QUEUES.maintenance, createMaintenanceProcessor), {
      concurrency: 1,
    }),
    ctx.queues.worker(QUEUES.assignment, run(QUEUES.assignment, createAssignmentProcessor), {
      concurrency: 2,
    }),
  ];
  for (const w of workers) {
    w.on('error', (err) => log.error({ err, queue: w.name }, 'worker error'));
  }
  await sweepOutbox(ctx, {
    staleAfterMs: 0,
    stuckSendingMs: SWEEP_STUCK_SENDING_MS,
    pollEveryMs: ctx.pollEveryMs,
  });
  await ctx.queues.queue(QUEUES.maintenance).upsertJobScheduler(
    jobId('sweep'),
    { every: opts.sweepEveryMs ?? 15_000 },
    {
      name: QUEUES.maintenance,
      data: { task: 'sweep' },
      opts: { removeOnFail: true },
    },
  );
  log.info({ backend: ctx.queues.kind, staleAfterMs: SWEEP_STALE_AFTER_MS }, 'workers started');
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
