import express, { type Router } from 'express';
import { parseBody, redeliverSchema, usageSchema, webhookSchema } from './controlSchemas';
import type { FacebookState } from './store';
import { usageNumbers } from './usage';

/** Control of the webhook subscriber and the usage meters of the Graph stand-in. */
export function createFacebookWebhookControlRouter(state: FacebookState): Router {
  const router = express.Router();
  router.use('/_sim/facebook', express.json());

  // Subscribes a receiver after the verification GET, as the App Dashboard does.
  router.post('/_sim/facebook/webhook', async (req, res) => {
    const input = parseBody(res, webhookSchema, req.body);
    if (!input) return;
    const result = await state.webhooks.subscribe({
      url: input.url,
      appSecret: input.app_secret,
      verifyToken: input.verify_token,
      badSignature: input.bad_signature,
      batchMs: input.batch_ms,
    });
    if (!result.ok) {
      res.status(400).json({ error: result.error });
      return;
    }
    res.status(201).json({ url: input.url, bad_signature: input.bad_signature, batch_ms: input.batch_ms });
  });

  router.get('/_sim/facebook/webhook', (_req, res) => {
    const sub = state.webhooks.subscribed;
    res.json({
      subscription: sub ? { url: sub.url, bad_signature: sub.badSignature, batch_ms: sub.batchMs } : null,
      deliveries: state.webhooks.deliveries(),
    });
  });

  router.delete('/_sim/facebook/webhook', (_req, res) => {
    state.webhooks.unsubscribe();
    res.status(204).end();
  });

  // Sends the last N deliveries again (as Facebook does when it is not sure they arrived), in order or shuffled.
  router.post('/_sim/facebook/webhook/redeliver', async (req, res) => {
    const input = parseBody(res, redeliverSchema, req.body);
    if (!input) return;
    if (!state.webhooks.subscribed) {
      res.status(409).json({ error: 'no webhook subscribed' });
      return;
    }
    res.json({ data: await state.webhooks.redeliver(input.count, input.shuffle) });
  });

  router.get('/_sim/facebook/usage', (_req, res) => {
    res.json(usageView(state));
  });

  router.put('/_sim/facebook/usage', (req, res) => {
    const input = parseBody(res, usageSchema, req.body);
    if (!input) return;
    if (input.app_per_call !== undefined) state.appUsage.perCall = input.app_per_call;
    if (input.page_per_call !== undefined) state.pageUsage.perCall = input.page_per_call;
    if (input.app !== undefined) state.appUsage.set(input.app);
    if (input.page !== undefined) state.pageUsage.set(input.page);
    res.json(usageView(state));
  });

  return router;
}

function usageView(state: FacebookState) {
  return {
    app: { ...usageNumbers(state.appUsage.level()), per_call: state.appUsage.perCall },
    page: {
      ...usageNumbers(state.pageUsage.level()),
      per_call: state.pageUsage.perCall,
      estimated_time_to_regain_access: state.pageUsage.minutesToRegain(),
    },
  };
}
