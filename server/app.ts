import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import type { LoginThrottlePolicy } from './auth/loginThrottle';
import type { Oidc } from './auth/oidc';
import { guardRoutes } from './auth/routePermissions';
import type { SessionStore } from './auth/sessionStore';
import { sessionStoreOf } from './auth/sessions';
import type { AdapterProvider } from './channels/adapterProvider';
import { NotFoundError } from './errors';
import type { Logger } from './logger';
import { requireCsrfHeader, requirePasswordChanged, requireUser } from './middleware/auth';
import { autoAssignAfterChange } from './middleware/autoAssignTrigger';
import { refusePreflight } from './middleware/cors';
import { errorHandler } from './middleware/errors';
import { requestLogging, requestMetrics } from './observability/httpObservability';
import { metricsHandler } from './observability/metricsEndpoint';
import { queueDashboard } from './observability/queueDashboard';
import type { QueueSet } from './queues/backend';
import type { OutboundEnqueuer } from './queues/producers';
import { attachmentFilesRouter, attachmentsRouter } from './routes/attachments/attachments';
import { auditRouter } from './routes/audit/audit';
import { authRouter } from './routes/auth/auth';
import { oidcRouter } from './routes/auth/oidc';
import { cannedResponsesRouter } from './routes/cannedResponses/cannedResponses';
import { channelAccountsRouter } from './routes/channelAccounts/channelAccounts';
import type { ChannelConnectionConfig } from './routes/channelAccounts/connection';
import { contactsRouter } from './routes/contacts/contacts';
import { conversationsRouter } from './routes/conversations/conversations';
import { dashboardRouter } from './routes/dashboard/dashboard';
import { healthRouter } from './routes/health';
import { invitesRouter } from './routes/invites/invites';
import { meRouter } from './routes/me/me';
import { passwordRouter } from './routes/me/password';
import { messagesRouter } from './routes/messages/messages';
import { notificationsRouter } from './routes/notifications/notifications';
import { passwordResetsRouter } from './routes/passwordResets/passwordResets';
import { presenceRouter } from './routes/presence/presence';
import { reportsRouter } from './routes/reports/reports';
import { routingRouter } from './routes/routing/routing';
import { routingRulesRouter } from './routes/routingRules/routingRules';
import { savedFiltersRouter } from './routes/savedFilters/savedFilters';
import { searchRouter } from './routes/search/search';
import { slaRouter } from './routes/sla/sla';
import { teamsRouter } from './routes/teams/teams';
import { usersRouter } from './routes/users/users';
import { type FacebookWebhookConfig, facebookWebhookRouter } from './routes/webhooks/facebook';
import { DEFAULT_SPIKE, type SpikeConfig } from './services/teamDashboard';

export interface AppDeps {
  db: Knex;
  queues: OutboundEnqueuer;
  adapters: AdapterProvider;
  pingQueue: () => Promise<void>;
  logger: Logger;
  sessionTtlMs: number;
  secureCookies: boolean;
  /** Facebook webhook endpoint; mounted only when an app secret and verify token are configured. */
  facebookWebhook?: FacebookWebhookConfig | undefined;
  /** Outage detector on the lead dashboard (SPIKE_FACTOR, SPIKE_MIN_INBOUND); defaults 3 and 10. */
  spike?: SpikeConfig | undefined;
  /** Connecting channel accounts (admins): secrets, platform endpoints, X OAuth client. */
  channelConnection?: ChannelConnectionConfig | undefined;
  /** Built client (vite output); served with an SPA fallback when present. */
  clientDir: string | null;
  /** Idle timeout of a session (SESSION_IDLE_MINUTES); 30 minutes when unset. */
  sessionIdleMs?: number | undefined;
  /** Login rate limiting and lockout; the defaults in `DEFAULT_LOGIN_THROTTLE` when unset. */
  loginThrottle?: LoginThrottlePolicy | undefined;
  /** OpenID Connect sign-in; null or unset when OIDC_* is not configured. */
  oidc?: Oidc | null | undefined;
  /** Where sessions live: Redis when REDIS_URL is set (main.ts), else PostgreSQL. */
  sessionStore?: SessionStore | undefined;
  /** METRICS_TOKEN: when set, /metrics requires it as a Bearer token. */
  metricsToken?: string | undefined;
  /** The queues shown on the admins' dashboard at /admin/queues (bull-board); not mounted when unset. */
  queueDashboard?: Pick<QueueSet, 'queue' | 'kind'> | undefined;
  /** True once shutdown has begun: /readyz answers 503 so load balancers stop sending traffic. */
  isShuttingDown?: (() => boolean) | undefined;
}

/** The HTTP application; no listening, so tests can drive it with supertest. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'https:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
        },
      },
    }),
  );
  app.use(requestLogging(deps.logger, app));
  app.use(requestMetrics(app));
  app.use(
    healthRouter({
      db: deps.db,
      pingQueue: deps.pingQueue,
      ...(deps.isShuttingDown ? { isShuttingDown: deps.isShuttingDown } : {}),
    }),
  );
  app.get('/metrics', metricsHandler(deps.metricsToken));
  if (deps.queueDashboard) {
    const board = queueDashboard({ ...deps, queues: deps.queueDashboard });
    app.use('/admin/queues', board.guard, board.app);
  }
  if (deps.facebookWebhook) {
    app.use('/webhooks/facebook', facebookWebhookRouter({ ...deps, config: deps.facebookWebhook }));
  }

  const api = express.Router();
  api.use(refusePreflight);
  api.use(express.json({ limit: '100kb' }));
  api.use(requireCsrfHeader);
  api.use('/auth/oidc', oidcRouter({ ...deps, oidc: deps.oidc ?? null }));
  api.use('/auth', authRouter(deps));
  api.use('/invites', invitesRouter(deps));
  api.use(requireUser(deps.db, deps.sessionIdleMs, sessionStoreOf(deps)));
  api.use(requirePasswordChanged);
  // Every signed-in route needs the permission listed in ROUTE_PERMISSIONS (deny by default).
  api.use(guardRoutes);
  api.use('/me/password', passwordRouter(deps));
  api.use('/me', meRouter(deps));
  api.use('/users', passwordResetsRouter(deps));
  api.use('/conversations', autoAssignAfterChange(deps), conversationsRouter(deps));
  api.use('/messages', messagesRouter(deps));
  api.use('/channel-accounts', channelAccountsRouter(deps));
  api.use('/users', usersRouter(deps));
  api.use('/presence', presenceRouter(deps));
  api.use('/teams', teamsRouter(deps));
  api.use('/dashboard', dashboardRouter({ db: deps.db, spike: deps.spike ?? DEFAULT_SPIKE }));
  api.use('/saved-filters', savedFiltersRouter(deps));
  api.use('/contacts', contactsRouter(deps));
  api.use('/notifications', notificationsRouter(deps));
  api.use('/canned-responses', cannedResponsesRouter(deps));
  api.use('/attachments', attachmentsRouter(deps));
  api.use('/search', searchRouter(deps));
  api.use('/sla', slaRouter(deps));
  api.use('/routing-rules', routingRulesRouter(deps));
  api.use('/routing', routingRouter(deps));
  api.use('/reports', reportsRouter(deps));
  api.use('/audit', auditRouter(deps));
  api.use((req, _res, next) => next(new NotFoundError(`Route ${req.method} ${req.path}`)));
  app.use('/api', api);
  app.use('/media', attachmentFilesRouter(deps));

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) {
    const clientDir = deps.clientDir;
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }
  app.use(errorHandler(deps.logger));
  return app;
}
