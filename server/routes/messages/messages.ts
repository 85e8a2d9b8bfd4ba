import { Router } from 'express';
import type { Knex } from 'knex';
import type { MessageResponse } from '../../../common/types';
import type { AdapterProvider } from '../../channels/adapterProvider';
import { ForbiddenError } from '../../errors';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import type { OutboundEnqueuer } from '../../queues/producers';
import { moderateMessage } from '../../services/moderateMessage';
import { retryReply } from '../../services/retryReply';
import { messageParamsSchema, moderationSchema } from './schema';

export function messagesRouter(deps: {
  db: Knex;
  queues: OutboundEnqueuer;
  logger: Logger;
  adapters: AdapterProvider;
}): Router {
  const router = Router();
  router.post('/:id/retry', async (req, res) => {
    const { id } = validate(messageParamsSchema, req.params);
    const message = await retryReply(deps, { messageId: id, userId: currentUser(req).id });
    const body: MessageResponse = { message };
    res.status(202).json(body);
  });
  router.post('/:id/moderation', async (req, res) => {
    const user = currentUser(req);
    if (user.role === 'guide') throw new ForbiddenError('Community guides cannot moderate comments');
    const { id } = validate(messageParamsSchema, req.params);
    const { action } = validate(moderationSchema, req.body);
    const message = await moderateMessage(deps, { messageId: id, action, userId: user.id });
    const body: MessageResponse = { message };
    res.json(body);
  });
  return router;
}
