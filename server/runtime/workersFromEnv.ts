import { type RunningWorkers, startWorkers } from '../../workers/startWorkers';
import type { Core } from './core';
import type { ProcessRuntime } from './process';

/**
 * The workers (poll, ingest, outbound, assignment, maintenance sweeper) of `npm start` and
 * `npm run start:worker`. On shutdown they stop fetching jobs and wait for the active ones (BullMQ
 * `worker.close()`), before the queues and the database close; the process's force timer
 * (SHUTDOWN_TIMEOUT_MS) bounds that wait.
 */
export async function startWorkersFromEnv(rt: ProcessRuntime, core: Core): Promise<RunningWorkers> {
  const workers = await startWorkers({ ...core, pollEveryMs: rt.env.pollIntervalMs });
  rt.shutdown.defer('workers', () => workers.close());
  return workers;
}
