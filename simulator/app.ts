import express, { type ErrorRequestHandler } from 'express';
import { createControlRouter } from './control';
import type { SimulatorOptions } from './options';
import { createXApiRouter } from './x/api/router';
import { createXControlRouter } from './x/control';
import { createXDmControlRouter } from './x/controlDms';
import { SimulatorState } from './x/store';

export type { SimulatorOptions } from './options';
export type { SimulatorState } from './x/store';

/**
 * The simulator as an express app, without listening: tests drive it with supertest,
 * `startSimulator` puts it on a port.
 */
export function createSimulatorApp(options: SimulatorOptions = {}): {
  app: express.Express;
  state: SimulatorState;
} {
  const state = new SimulatorState(options);
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(createXApiRouter(state));
  app.use(createControlRouter(state));
  app.use(createXControlRouter(state));
  app.use(createXDmControlRouter(state));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use(controlErrorHandler);
  return { app, state };
}

const controlErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
  const message = err instanceof Error ? err.message : String(err);
  res.status(Number.isInteger(status) && status >= 400 ? status : 500).json({ error: message });
};
