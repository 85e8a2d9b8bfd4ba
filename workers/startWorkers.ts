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
  const sweepEveryMs = opts.sweepEveryMs ?? 15_000;
  const declareSweeper = () =>
    ctx.queues.queue(QUEUES.maintenance).upsertJobScheduler(
      jobId('sweep'),
      { every: sweepEveryMs },
      {
        name: QUEUES.maintenance,
        data: { task: 'sweep' },
        opts: { removeOnFail: true },
      },
    );
  await declareSweeper();
  // The sweeper re-declares the poll schedulers, but its own scheduler lives in the queue too: a
  // flushed or replaced Redis would lose it for good. Re-declaring it is idempotent and cheap.
  const keeper = setInterval(
    () => {
      declareSweeper().catch((err: unknown) =>
        log.warn({ err }, 'could not re-declare the sweep scheduler; retrying'),
      );
    },
    Math.max(sweepEveryMs, 1000),
  );
  keeper.unref();
  log.info({ backend: ctx.queues.kind, staleAfterMs: SWEEP_STALE_AFTER_MS }, 'workers started');
  return {
    workers,
    async close() {
      clearInterval(keeper);
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
