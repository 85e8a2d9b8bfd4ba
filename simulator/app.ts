import express, { type ErrorRequestHandler } from 'express';
import { createControlRouter } from './control';
import { createGraphRouter } from './facebook/api/router';
import { createFacebookControlRouter } from './facebook/control';
import { createFacebookWebhookControlRouter } from './facebook/controlWebhook';
import { FacebookState } from './facebook/store';
import { createFacebookUserTokenRouter } from './oauth/facebookUserTokens';
import { createXOAuth2Router } from './oauth/xOAuth2Router';
import type { SimulatorOptions } from './options';
import { createXApiRouter } from './x/api/router';
import { createXControlRouter } from './x/control';
import { createXDmControlRouter } from './x/controlDms';
import { createXMediaControlRouter } from './x/controlMedia';
import { SimulatorState } from './x/store';

export type { FacebookState } from './facebook/store';
export type { SimulatorOptions } from './options';
export type { SimulatorState } from './x/store';

/**
 * The simulator as an express app, without listening: tests drive it with supertest,
 * `startSimulator` puts it on a port. `state` is the X stand-in's, `facebook` the Graph stand-in's.
 */
export function createSimulatorApp(options: SimulatorOptions = {}): {
  app: express.Express;
  state: SimulatorState;
  facebook: FacebookState;
} {
  const state = new SimulatorState(options);
  const facebook = new FacebookState(options.facebook, state.now);
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(createXOAuth2Router(state));
  app.use(createFacebookUserTokenRouter(facebook));
  app.use(createXApiRouter(state));
  app.use(createGraphRouter(facebook));
  app.use(createControlRouter(state, facebook));
  app.use(createXControlRouter(state));
  app.use(createXDmControlRouter(state));
  app.use(createXMediaControlRouter(state));
  app.use(createFacebookControlRouter(facebook));
  app.use(createFacebookWebhookControlRouter(facebook));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(controlErrorHandler);
  return { app, state, facebook };
}

const controlErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
  const message = err instanceof Error ? err.message : String(err);
  res.status(Number.isInteger(status) && status >= 400 ? status : 500).json({ error: message });
};
