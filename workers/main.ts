import { startMetricsServer } from '../server/observability/metricsEndpoint';
import { channelConfig } from '../server/runtime/channels';
import { coreFromEnv } from '../server/runtime/coreFromEnv';
import { loadSecretBox } from '../server/runtime/encryptionKey';
import { exitOnFatal, requireDatabaseUrl, runGuarded, startProcess } from '../server/runtime/process';
import { waitForSchema } from '../server/runtime/schema';
import { startWorkersFromEnv } from '../server/runtime/workersFromEnv';

/**
 * `npm run start:worker`: the workers only (polling, ingest, outbound, assignment, maintenance
 * sweeper); no HTTP server, no simulator. Any number may run against one PostgreSQL (DATABASE_URL,
 * required) and one Redis (REDIS_URL; without it, BullMQ's PostgreSQL backend). It waits for the
 * web servers to migrate, and on SIGTERM lets its active jobs finish (SHUTDOWN_TIMEOUT_MS).
 */
async function main() {
  const rt = startProcess('worker');
  const { env, log } = rt;
  const databaseUrl = requireDatabaseUrl(env, 'worker');
  await runGuarded(rt, async () => {
    const secretBox = loadSecretBox(env, rt.logger);
    // Platform endpoints and secrets from the environment; never the demo simulator.
    const channels = channelConfig(env, null, '');
    const core = coreFromEnv(rt, { databaseUrl, secretBox, channels, simulatorUrl: null });
    await waitForSchema(core.db, log);
    const workers = await startWorkersFromEnv(rt, core);
    // Job durations and failures of this process; queue depths come from the web servers' /metrics.
    const metrics = await startMetricsServer({
      port: env.WORKER_METRICS_PORT,
      host: env.HOST,
      token: env.METRICS_TOKEN,
    });
    rt.shutdown.defer('metrics server', () => metrics.close());
    log.info(
      { backend: core.queues.kind, processors: workers.workers.length, metrics: metrics.url },
      'workers ready',
    );
  });
}

main().catch(exitOnFatal);
