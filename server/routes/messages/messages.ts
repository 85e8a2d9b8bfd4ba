import { Router } from 'express';
import type { Knex } from 'knex';
import { requiresApproval } from '../../../common/approval';
import type { MessageResponse, PendingDraftListResponse } from '../../../common/types';
import { hideInvisible } from '../../auth/visibility';
import type { AdapterProvider } from '../../channels/adapterProvider';
import { messageVisible } from '../../db/repositories/accountVisibility';
import { listPendingDrafts } from '../../db/repositories/approvals';
import { ForbiddenError } from '../../errors';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import type { OutboundEnqueuer } from '../../queues/producers';
import { approveDraft } from '../../services/approveDraft';
import { moderateMessage } from '../../services/moderateMessage';
import { rejectDraft } from '../../services/rejectDraft';
import { retryReply } from '../../services/retryReply';
import {
  approveDraftSchema,
  messageParamsSchema,
  moderationSchema,
  pendingDraftsQuerySchema,
  rejectDraftSchema,
} from './schema';

export function messagesRouter(deps: {
  db: Knex;
  queues: OutboundEnqueuer;
  logger: Logger;
  adapters: AdapterProvider;
}): Router {
  const router = Router();
  // Direct object references: a message in a conversation the user may not see is a 404.
  router.param('id', hideInvisible(deps.db, messageVisible, 'Message'));
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
  // Drafts awaiting approval, for those who may approve them.
  router.get('/drafts', async (req, res) => {
    const user = currentUser(req);
    if (requiresApproval({ role: user.role, needsApproval: Boolean(user.needs_approval) })) {
      throw new ForbiddenError('Only agents, leads and admins review drafts');
    }
    const { limit } = validate(pendingDraftsQuerySchema, req.query);
    const body: PendingDraftListResponse = await listPendingDrafts(deps.db, limit);
    res.json(body);
  });
  router.post('/:id/approve', async (req, res) => {
    const { id } = validate(messageParamsSchema, req.params);
    const { text } = validate(approveDraftSchema, req.body ?? {});
    const message = await approveDraft(deps, { messageId: id, approver: currentUser(req), text });
    const body: MessageResponse = { message };
    res.status(202).json(body);
  });
  router.post('/:id/reject', async (req, res) => {
    const { id } = validate(messageParamsSchema, req.params);
    const { reason } = validate(rejectDraftSchema, req.body);
    const message = await rejectDraft(deps.db, { messageId: id, reviewer: currentUser(req), reason });
    const body: MessageResponse = { message };
    res.json(body);
  });
  return router;
}
