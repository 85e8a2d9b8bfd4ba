import { Router } from 'express';
import type { Knex } from 'knex';
import type { ConversationListResponse, ConversationResponse, MessageResponse } from '../../../common/types';
import { getConversationSummary, listConversations } from '../../db/repositories/conversations';
import { listConversationMessages } from '../../db/repositories/messages';
import { NotFoundError } from '../../errors';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import type { OutboundEnqueuer } from '../../queues/producers';
import { changeConversationStatus } from '../../services/changeConversationStatus';
import { createReply } from '../../services/createReply';
import { replyOptionsFor } from '../../services/replyOptions';
import {
  conversationParamsSchema,
  createReplySchema,
  listConversationsSchema,
  updateConversationSchema,
} from './schema';

export function conversationsRouter(deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const q = validate(listConversationsSchema, req.query);
    const page = await listConversations(deps.db, { view: q.status, limit: q.limit, cursor: q.cursor });
    const body: ConversationListResponse = page;
    res.json(body);
  });

  const detail = async (id: string): Promise<ConversationResponse> => {
    const summary = await getConversationSummary(deps.db, id);
    if (!summary) throw new NotFoundError('Conversation');
    const messages = await listConversationMessages(deps.db, id);
    return {
      conversation: {
        ...summary,
        messages,
        replyOptions: replyOptionsFor(summary.platform, messages, Date.now()),
      },
    };
  };

  router.get('/:id', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    res.json(await detail(id));
  });

  router.patch('/:id', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    const { status } = validate(updateConversationSchema, req.body);
    await changeConversationStatus(deps.db, { conversationId: id, status, userId: currentUser(req).id });
    res.json(await detail(id));
  });

  router.post('/:id/replies', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    const input = validate(createReplySchema, req.body);
    const { message, created } = await createReply(deps, {
      conversationId: id,
      author: currentUser(req),
      text: input.text,
      channel: input.channel,
      idempotencyKey: input.idempotencyKey,
    });
    const body: MessageResponse = { message };
    res.status(created ? 202 : 200).json(body);
  });

  return router;
}
