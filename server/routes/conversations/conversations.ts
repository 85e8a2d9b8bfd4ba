import { Router } from 'express';
import type { Knex } from 'knex';
import type {
  ConversationEventsResponse,
  ConversationListResponse,
  ConversationResponse,
  MessageResponse,
  ViewCountsResponse,
} from '../../../common/types';
import { listConversationEvents } from '../../db/repositories/conversationEvents';
import { countViews, getConversationSummary, listConversations } from '../../db/repositories/conversations';
import { listConversationMessages } from '../../db/repositories/messages';
import { NotFoundError } from '../../errors';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import type { OutboundEnqueuer } from '../../queues/producers';
import { assignConversation } from '../../services/assignConversation';
import { changeConversationStatus } from '../../services/changeConversationStatus';
import { createNote } from '../../services/createNote';
import { createReply } from '../../services/createReply';
import { replyOptionsFor } from '../../services/replyOptions';
import { updateConversationFields } from '../../services/updateConversationFields';
import {
  assignSchema,
  conversationParamsSchema,
  createNoteSchema,
  createReplySchema,
  listConversationsSchema,
  updateConversationSchema,
} from './schema';

export function conversationsRouter(deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const q = validate(listConversationsSchema, req.query);
    const page = await listConversations(deps.db, {
      view: q.status,
      limit: q.limit,
      cursor: q.cursor,
      userId: currentUser(req).id,
    });
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

  router.get('/counts', async (req, res) => {
    const body: ViewCountsResponse = { counts: await countViews(deps.db, currentUser(req).id) };
    res.json(body);
  });

  router.get('/:id', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    res.json(await detail(id));
  });

  router.patch('/:id', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    const { status, ...changes } = validate(updateConversationSchema, req.body);
    const userId = currentUser(req).id;
    if (status) await changeConversationStatus(deps.db, { conversationId: id, status, userId });
    await updateConversationFields(deps.db, { conversationId: id, userId, changes });
    res.json(await detail(id));
  });

  router.post('/:id/assign', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    const { assigneeId } = validate(assignSchema, req.body);
    await assignConversation(deps.db, { conversationId: id, assigneeId, actorUserId: currentUser(req).id });
    res.json(await detail(id));
  });

  router.post('/:id/claim', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    const userId = currentUser(req).id;
    await assignConversation(deps.db, { conversationId: id, assigneeId: userId, actorUserId: userId });
    res.json(await detail(id));
  });

  router.post('/:id/notes', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    const { text } = validate(createNoteSchema, req.body);
    const body: MessageResponse = {
      message: await createNote(deps.db, { conversationId: id, author: currentUser(req), text }),
    };
    res.status(201).json(body);
  });

  router.get('/:id/events', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    if (!(await getConversationSummary(deps.db, id))) throw new NotFoundError('Conversation');
    const body: ConversationEventsResponse = { events: await listConversationEvents(deps.db, id) };
    res.json(body);
  });

  router.post('/:id/replies', async (req, res) => {
    const { id } = validate(conversationParamsSchema, req.params);
    const input = validate(createReplySchema, req.body);
    const { message, created } = await createReply(deps, {
      conversationId: id,
      author: currentUser(req),
      text: input.text,
      channel: input.channel,
      takeover: input.takeover,
      idempotencyKey: input.idempotencyKey,
    });
    const body: MessageResponse = { message };
    res.status(created ? 202 : 200).json(body);
  });

  return router;
}
