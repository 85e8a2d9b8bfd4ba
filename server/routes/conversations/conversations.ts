import { Router } from 'express';
import type { Knex } from 'knex';
import type {
  BulkResponse,
  ConversationEventsResponse,
  ConversationListResponse,
  ConversationResponse,
  MessageResponse,
  ViewCountsResponse,
} from '../../../common/types';
import { hideInvisible } from '../../auth/visibility';
import { conversationVisible, visibleConversationIds } from '../../db/repositories/accountVisibility';
import { listConversationEvents } from '../../db/repositories/conversationEvents';
import {
  countViews,
  getConversationSummary,
  listConversations,
} from '../../db/repositories/conversationList';
import { listConversationMessages } from '../../db/repositories/messages';
import { NotFoundError } from '../../errors';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import type { OutboundEnqueuer } from '../../queues/producers';
import { applyConversationChanges } from '../../services/applyConversationChanges';
import { assignConversation } from '../../services/assignConversation';
import { changeConversationStatus } from '../../services/changeConversationStatus';
import { createNote } from '../../services/createNote';
import { createReply } from '../../services/createReply';
import { replyOptionsFor } from '../../services/replyOptions';
import { updateConversationFields } from '../../services/updateConversationFields';
import {
  assignSchema,
  bulkSchema,
  conversationParamsSchema,
  createNoteSchema,
  createReplySchema,
  listConversationsSchema,
  updateConversationSchema,
} from './schema';

export function conversationsRouter(deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger }): Router {
  const router = Router();
  // Direct object references: a conversation of a channel account the user may not see is a 404.
  router.param('id', hideInvisible(deps.db, conversationVisible, 'Conversation'));

  router.get('/', async (req, res) => {
    const { status, sort, limit, cursor, ...filters } = validate(listConversationsSchema, req.query);
    const page = await listConversations(deps.db, {
      view: status,
      sort,
      filters,
      limit,
      cursor,
      userId: currentUser(req).id,
    });
    const body: ConversationListResponse = page;
    res.json(body);
  });

  // One snapshot for the conversation and its messages: read separately, a reply committing in between
  // could show as sent while the conversation still shows the customer waiting.
  const detail = async (id: string): Promise<ConversationResponse> => {
    const { summary, messages } = await deps.db.transaction(
      async (trx) => {
        const found = await getConversationSummary(trx as unknown as Knex, id);
        if (!found) throw new NotFoundError('Conversation');
        return { summary: found, messages: await listConversationMessages(trx as unknown as Knex, id) };
      },
      { isolationLevel: 'repeatable read', readOnly: true },
    );
    return {
      conversation: {
        ...summary,
        messages,
        replyOptions: replyOptionsFor(summary.platform, messages, Date.now()),
      },
    };
  };

  // Before '/:id' routes, so "bulk" is not taken for an id.
  router.post('/bulk', async (req, res) => {
    const { operations } = validate(bulkSchema, req.body);
    const userId = currentUser(req).id;
    // Conversations on channel accounts the user may not see are refused as not found, untouched.
    const visible = await visibleConversationIds(
      deps.db,
      userId,
      operations.map((op) => op.id),
    );
    const applied = await applyConversationChanges(
      deps.db,
      operations.filter((op) => visible.has(op.id)),
      userId,
    );
    const body: BulkResponse = {
      results: operations.map((op) =>
        visible.has(op.id)
          ? (applied.shift() as BulkResponse['results'][number])
          : { id: op.id, ok: false, error: { code: 'not_found', message: 'Conversation not found' } },
      ),
    };
    res.json(body);
  });

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
    const { assigneeId, teamId } = validate(assignSchema, req.body);
    await assignConversation(deps.db, {
      conversationId: id,
      assigneeId,
      teamId,
      actorUserId: currentUser(req).id,
    });
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
      attachmentId: input.attachmentId,
    });
    const body: MessageResponse = { message };
    res.status(created ? 202 : 200).json(body);
  });

  return router;
}
