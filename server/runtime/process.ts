import { type Env, loadEnv } from '../env';
import { childLogger, createLogger, type Logger } from '../logger';
import { createShutdown, type Shutdown } from '../shutdown';

/** Which entry point runs: `npm start`, `npm run start:server` or `npm run start:worker`. */
export type ProcessRole = 'all-in-one' | 'server' | 'worker';

export interface ProcessRuntime {
  role: ProcessRole;
  env: Env;
  logger: Logger;
  log: Logger;
  shutdown: Shutdown;
}

/** Reads the configuration, builds the root logger and the ordered shutdown, and handles SIGINT/SIGTERM. */
export function startProcess(role: ProcessRole): ProcessRuntime {
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL, role === 'all-in-one' ? {} : { role });
  const shutdown = createShutdown(logger, env.SHUTDOWN_TIMEOUT_MS);
  shutdown.onSignals();
  return { role, env, logger, log: childLogger(logger, 'main'), shutdown };
}

/** Runs the start-up; on failure logs it, stops what was already started, and exits 1. */
export async function runGuarded(rt: ProcessRuntime, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    rt.log.fatal({ err: error }, 'start-up failed');
    await rt.shutdown.run('start-up failed');
    process.exit(1);
  }
}

/**
 * The split entry points share one PostgreSQL between processes, so they never start an embedded
 * one: DATABASE_URL is required.
 */
export function requireDatabaseUrl(env: Env, role: ProcessRole): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  throw new Error(
    `DATABASE_URL is required for npm run start:${role}: web servers and workers share one PostgreSQL ` +
      '(the embedded PostgreSQL is only for the all-in-one npm start)',
  );
}

/** Prints a plain message when start-up fails before the logger exists (bad configuration), and exits 1. */
export function exitOnFatal(error: unknown): never {
  console.error(`Caredesk could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
