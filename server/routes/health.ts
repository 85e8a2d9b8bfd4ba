import { Router } from 'express';
import type { Knex } from 'knex';

/**
 * Liveness and readiness. Ready means: not shutting down, and the database and the queue backend
 * both answer.
 */
export function healthRouter(deps: {
  db: Knex;
  pingQueue: () => Promise<void>;
  isShuttingDown?: () => boolean;
}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (deps.isShuttingDown?.()) {
      res.status(503).json({ status: 'shutting_down', checks: {} });
      return;
    }
    const timeout = <T>(p: Promise<T>) =>
      Promise.race([
        p,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
      ]);
    const [database, queue] = await Promise.allSettled([
      timeout(deps.db.raw('select 1')),
      timeout(deps.pingQueue()),
    ]);
    const checks = { database: database.status === 'fulfilled', queue: queue.status === 'fulfilled' };
    const ok = checks.database && checks.queue;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks });
  });
  return router;
}
