/**
 * An outbound-only worker process for the kill -9 reply test: the real OutboundProcessor with the real
 * adapters against the simulator, configured from the environment. With CRASH_STEP set it kills itself
 * with SIGKILL the first time a delivery reaches that step, so nothing in the process gets to clean up.
 * Run with tsx; prints "ready" once its worker runs.
 */

import { createLogger } from '../../../server/logger';
import { QUEUES } from '../../../server/queues/jobs';
import { createCore } from '../../../server/runtime/core';
import { createSecretBox } from '../../../server/security/secretBox';
import type { DeliveryStep } from '../../../server/services/deliverReply';
import { createOutboundProcessor } from '../../../workers/processors/OutboundProcessor';

async function main(): Promise<void> {
  const { OUT_DATABASE_URL, OUT_QUEUE_PREFIX, OUT_KEY_HEX, OUT_SIM_URL, OUT_FB_APP_SECRET, CRASH_STEP } =
    process.env;
  if (!OUT_DATABASE_URL || !OUT_QUEUE_PREFIX || !OUT_KEY_HEX || !OUT_SIM_URL)
    throw new Error('OUT_DATABASE_URL, OUT_QUEUE_PREFIX, OUT_KEY_HEX and OUT_SIM_URL are required');
  const core = createCore({
    env: { REDIS_URL: undefined, QUEUE_PREFIX: OUT_QUEUE_PREFIX },
    logger: createLogger(process.env.OUT_LOG_LEVEL ?? 'warn', { worker: process.pid }),
    databaseUrl: OUT_DATABASE_URL,
    secretBox: createSecretBox([Buffer.from(OUT_KEY_HEX, 'hex')]),
    xApiBaseUrl: OUT_SIM_URL,
    requestTimeoutMs: 2000,
    facebook: { graphBaseUrl: OUT_SIM_URL, graphVersion: 'v25.0', appSecret: OUT_FB_APP_SECRET },
  });
  const crashAt = CRASH_STEP
    ? (step: DeliveryStep) => {
        if (step === CRASH_STEP) process.kill(process.pid, 'SIGKILL');
      }
    : undefined;
  const worker = core.queues.worker(
    QUEUES.outbound,
    createOutboundProcessor({ ...core, pollEveryMs: 60_000, ...(crashAt ? { crashAt } : {}) }),
    { concurrency: 4 },
  );
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    void (async () => {
      await worker.close();
      await core.queues.close();
      await core.db.destroy();
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
