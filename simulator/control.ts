import express, { type Router } from 'express';
import { z } from 'zod';
import { facebookFaultSchema } from './facebook/faultSchema';
import type { FacebookState } from './facebook/store';
import { X_ENDPOINTS, X_LISTING_ENDPOINTS } from './x/endpoints';
import { FAULT_KINDS } from './x/faults';
import type { SimulatorState } from './x/store';

/** Platform-independent controls: reset, fault injection, request counts, health. No auth: local use only. */

const faultSchema = z
  .object({
    platform: z.literal('x'),
    endpoint: z.enum(X_ENDPOINTS, `endpoint must be one of: ${X_ENDPOINTS.join(', ')}`),
    kind: z.enum(FAULT_KINDS),
    count: z.number().int().positive().default(1),
  })
  .refine((f) => f.kind !== 'drop_then_show' || X_LISTING_ENDPOINTS.includes(f.endpoint), {
    message: `drop_then_show only applies to listings: ${X_LISTING_ENDPOINTS.join(', ')}`,
    path: ['kind'],
  });

export function createControlRouter(state: SimulatorState, facebook: FacebookState): Router {
  const router = express.Router();
  router.use(express.json());

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.post('/_sim/reset', (_req, res) => {
    state.reset();
    facebook.reset();
    res.json({ ok: true });
  });

  router.post('/_sim/faults', (req, res) => {
    if (req.body?.platform === 'facebook') {
      const parsed = facebookFaultSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({ error: z.prettifyError(parsed.error) });
        return;
      }
      res.status(201).json(facebook.faults.add(parsed.data));
      return;
    }
    const parsed = faultSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: z.prettifyError(parsed.error) });
      return;
    }
    res.status(201).json(state.faults.add(parsed.data));
  });

  router.get('/_sim/faults', (_req, res) => {
    res.json({ data: [...state.faults.list(), ...facebook.faults.list()] });
  });

  router.delete('/_sim/faults', (_req, res) => {
    state.faults.clear();
    facebook.faults.clear();
    res.json({ ok: true });
  });

  router.get('/_sim/stats', (_req, res) => {
    res.json({ x: state.stats(), facebook: facebook.stats() });
  });

  return router;
}
