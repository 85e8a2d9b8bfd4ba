import { Router } from 'express';
import type { Knex } from 'knex';
import type { MessageResponse } from '../../../common/types';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import type { OutboundEnqueuer } from '../../queues/producers';
import { retryReply } from '../../services/retryReply';
import { messageParamsSchema } from './schema';

export function messagesRouter(deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger }): Router {
  const router = Router();
  router.post('/:id/retry', async (req, res) => {
    const { id } = validate(messageParamsSchema, req.params);
    const message = await retryReply(deps, { messageId: id, userId: currentUser(req).id });
    const body: MessageResponse = { message };
    res.status(202).json(body);
  });
  return router;
}
