import type { Logger } from './logger';

export interface Shutdown {
  /**
   * Registers how to stop a resource right after starting it. Steps run in reverse order
   * (last started, first stopped), so a signal during start-up still stops what was started.
   */
  defer(name: string, step: () => Promise<unknown> | unknown): void;
  run(reason: string): Promise<void>;
  /** Runs the steps on SIGINT/SIGTERM, then exits. */
  onSignals(): void;
}

/**
 * Ordered graceful shutdown: stop taking work, drain HTTP and sockets, let active jobs finish,
 * close queues and the database. `worker.close()` never times out by itself, so a force timer
 * ends the process if a step hangs.
 */
export function createShutdown(logger: Logger, timeoutMs: number): Shutdown {
  const steps: Array<{ name: string; step: () => Promise<unknown> | unknown }> = [];
  let running: Promise<void> | null = null;
  const shutdown: Shutdown = {
    defer(name, step) {
      steps.unshift({ name, step });
    },
    run(reason) {
      running ??= (async () => {
        logger.info({ reason }, 'shutting down');
        const force = setTimeout(() => {
          logger.error({ timeoutMs }, 'shutdown took too long; exiting');
          process.exit(1);
        }, timeoutMs);
        force.unref();
        for (const { name, step } of steps) {
          try {
            await step();
            logger.debug({ step: name }, 'shutdown step done');
          } catch (error) {
            logger.error({ err: error, step: name }, 'shutdown step failed');
          }
        }
        clearTimeout(force);
        logger.info('stopped');
      })();
      return running;
    },
    onSignals() {
      let firstAt = 0;
      const handler = (signal: NodeJS.Signals) => {
        if (running) {
          // A Ctrl-C reaches the whole process group, and tsx relays it once more: only a signal
          // well after the first one means "stop now".
          if (Date.now() - firstAt < 2000) return;
          logger.warn({ signal }, 'second signal; exiting now');
          process.exit(1);
        }
        firstAt = Date.now();
        void shutdown.run(signal).then(() => process.exit(0));
      };
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
    },
  };
  return shutdown;
}
