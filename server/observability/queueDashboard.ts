import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type Express, type NextFunction, type Request, type Response, Router } from 'express';
import type { Knex } from 'knex';
import { guardRoutes } from '../auth/routePermissions';
import type { SessionStore } from '../auth/sessionStore';
import { sessionStoreOf } from '../auth/sessions';
import { ForbiddenError } from '../errors';
import { requirePasswordChanged, requireUser } from '../middleware/auth';
import type { QueueSet } from '../queues/backend';
import { QUEUES } from '../queues/jobs';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board renders with external scripts only (its config is a JSON `<script>` that is never run),
 * so script-src stays 'self'. Its loading placeholder and React components use inline styles:
 * 'unsafe-inline' for styles only, on these pages only. Google Fonts stay blocked (system fonts).
 */
export const QUEUE_DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF for the dashboard's actions (retry, clean, pause...): bull-board's UI cannot send our
 * X-Caredesk-Request header, but browsers send `Origin` on every non-GET request, so a write must
 * carry either that header or an Origin equal to this host. A cross-site form or fetch has neither.
 */
export function requireSameOriginWrite(req: Request, _res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method) || req.get('x-caredesk-request') === '1') return next();
  const origin = req.get('origin');
  let host: string | null = null;
  try {
    host = origin ? new URL(origin).host : null;
  } catch {
    host = null;
  }
  if (!host || host !== req.get('host')) {
    return next(new ForbiddenError('Queue dashboard actions must come from this site'));
  }
  next();
}

/**
 * The admins' queue dashboard: a guard (session, admin permission from ROUTE_PERMISSIONS, CSRF,
 * narrow CSP) and bull-board's own express app. The queues are attached on the first request, so a
 * web process that nobody opens the dashboard on creates no extra queue connections.
 */
export function queueDashboard(deps: {
  db: Knex;
  queues: Pick<QueueSet, 'queue' | 'kind'>;
  sessionIdleMs?: number | undefined;
  sessionStore?: SessionStore | undefined;
}): { guard: Router; app: Express } {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const board = createBullBoard({
    queues: [],
    // @bull-board/express 9.10.1 pins @bull-board/api 9.10.1 (types only): same shape, other copy.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Caredesk queues' } },
  });
  let attached = false;

  const guard = Router();
  guard.use(requireUser(deps.db, deps.sessionIdleMs, sessionStoreOf(deps)));
  guard.use(requirePasswordChanged);
  guard.use(guardRoutes);
  guard.use(requireSameOriginWrite);
  guard.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', QUEUE_DASHBOARD_CSP);
    res.setHeader('Cache-Control', 'no-store');
    if (!attached) {
      board.setQueues(Object.values(QUEUES).map((name) => new BullMQAdapter(deps.queues.queue(name))));
      attached = true;
    }
    next();
  });
  // bull-board's routes live in its own app, which the route table cannot see into; its queue list
  // is named here so the authorization matrix and the HTTP metric labels know the dashboard.
  guard.get('/api/queues', (_req, _res, next) => next());

  const app = serverAdapter.getRouter() as Express;
  app.disable('x-powered-by');
  return { guard, app };
}
