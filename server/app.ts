import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import type { AdapterProvider } from './channels/adapterProvider';
import { NotFoundError } from './errors';
import type { Logger } from './logger';
import { requireCsrfHeader, requireUser } from './middleware/auth';
import { errorHandler } from './middleware/errors';
import type { OutboundEnqueuer } from './queues/producers';
import { authRouter, meHandler } from './routes/auth/auth';
import { channelAccountsRouter } from './routes/channelAccounts/channelAccounts';
import { conversationsRouter } from './routes/conversations/conversations';
import { healthRouter } from './routes/health';
import { messagesRouter } from './routes/messages/messages';
import { usersRouter } from './routes/users/users';
import { type FacebookWebhookConfig, facebookWebhookRouter } from './routes/webhooks/facebook';

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
  /** Built client (vite output); served with an SPA fallback when present. */
  clientDir: string | null;
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
  app.use(healthRouter({ db: deps.db, pingQueue: deps.pingQueue }));
  if (deps.facebookWebhook) {
    app.use('/webhooks/facebook', facebookWebhookRouter({ ...deps, config: deps.facebookWebhook }));
  }

  const api = express.Router();
  api.use(express.json({ limit: '100kb' }));
  api.use(requireCsrfHeader);
  api.use('/auth', authRouter(deps));
  api.use(requireUser(deps.db));
  api.get('/me', meHandler);
  api.use('/conversations', conversationsRouter(deps));
  api.use('/messages', messagesRouter(deps));
  api.use('/channel-accounts', channelAccountsRouter(deps));
  api.use('/users', usersRouter(deps));
  api.use((req, _res, next) => next(new NotFoundError(`Route ${req.method} ${req.path}`)));
  app.use('/api', api);

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
