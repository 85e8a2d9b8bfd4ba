import express, { Router } from 'express';
import type { Knex } from 'knex';
import { fbWebhookSchema, itemsFromWebhookEntry, verifyFbSignature } from '../../channels/facebook/webhook';
import { storeFetchedItems } from '../../db/repositories/channelAccounts';
import { inTransaction } from '../../db/transaction';
import type { Logger } from '../../logger';
import { enqueueIngest, type OutboundEnqueuer } from '../../queues/producers';

export interface FacebookWebhookConfig {
  appSecret: string;
  verifyToken: string;
}

/**
 * Facebook webhooks: the fast path beside polling. GET answers the subscription check; POST is
 * verified over the raw bytes before parsing (401 on a bad signature), stored as inbound items
 * (deduplicated, so redeliveries and duplicates are harmless) and answered at once.
 */
export function facebookWebhookRouter(deps: {
  db: Knex;
  queues: OutboundEnqueuer;
  logger: Logger;
  config: FacebookWebhookConfig;
}): Router {
  const router = Router();
  const log = deps.logger.child({ category: 'webhook.facebook' });

  router.get('/', (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    if (mode === 'subscribe' && token === deps.config.verifyToken && typeof challenge === 'string') {
      res.type('text/plain').send(challenge);
      return;
    }
    res
      .status(403)
      .json({ error: { code: 'verification_failed', message: 'Wrong hub.verify_token or hub.mode' } });
  });

  router.post('/', express.raw({ type: '*/*', limit: '5mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyFbSignature(raw, req.get('x-hub-signature-256'), deps.config.appSecret)) {
      log.warn('webhook with a bad or missing signature refused');
      res
        .status(401)
        .json({ error: { code: 'bad_signature', message: 'X-Hub-Signature-256 does not match' } });
      return;
    }
    let payload: ReturnType<typeof fbWebhookSchema.parse>;
    try {
      payload = fbWebhookSchema.parse(JSON.parse(raw.toString('utf8')));
    } catch (error) {
      log.warn({ err: error }, 'webhook body is not a page event');
      res.status(400).json({ error: { code: 'invalid_body', message: 'Not a Facebook page webhook' } });
      return;
    }
    for (const entry of payload.entry) {
      const account = await deps
        .db('channel_accounts')
        .where({ platform: 'facebook', external_user_id: entry.id })
        .first('id');
      if (!account) {
        log.warn({ pageId: entry.id }, 'webhook for a page that is not connected');
        continue;
      }
      const { items, skipped } = itemsFromWebhookEntry(entry, entry.id);
      if (skipped)
        log.debug(
          { skipped, channelAccountId: account.id },
          'webhook events skipped (not comments or messages)',
        );
      const tx = await inTransaction(deps.db, async (trx, afterCommit) => {
        const ids = await storeFetchedItems(trx, account.id, 'webhook', items, null);
        afterCommit(() => enqueueIngest(deps.queues, ids));
        return ids;
      });
      await tx.runAfterCommit((error) =>
        log.warn({ err: error }, 'could not enqueue webhook items; the sweeper will'),
      );
    }
    res.status(200).json({ ok: true });
  });
  return router;
}
