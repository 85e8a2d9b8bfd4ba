import type { Knex } from 'knex';
import { mayApprove } from '../../common/approval';
import { lockMessage, type MessageRow } from '../db/repositories/messages';
import { insertApprovalNotification } from '../db/repositories/notifications';
import type { UserRow } from '../db/repositories/users';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { notifyEvent } from '../realtime/bus';

/**
 * Locks a draft for review (conversation, then message: the usual lock order) and checks that the
 * reviewer may decide on it and that nobody has yet. Concurrent reviewers queue on the row lock; the
 * second one finds the draft decided and gets a 409, so a draft is approved or rejected exactly once.
 */
export async function lockPendingDraft(
  trx: Knex.Transaction,
  messageId: string,
  reviewer: UserRow,
): Promise<MessageRow & { approval_state: string | null }> {
  const row = (await lockMessage(trx, messageId)) as
    | (MessageRow & { approval_state: string | null })
    | undefined;
  if (row?.direction !== 'outbound' || row.approval_state === null) throw new NotFoundError('Draft');
  const reviewerPolicy = {
    id: reviewer.id,
    role: reviewer.role,
    needsApproval: Boolean(reviewer.needs_approval),
  };
  if (!mayApprove(reviewerPolicy, row.author_user_id)) {
    throw new ForbiddenError(
      row.author_user_id === reviewer.id
        ? 'You cannot approve or reject your own draft'
        : 'Only agents, leads and admins can approve or reject drafts',
    );
  }
  if (row.approval_state !== 'pending') {
    throw new ConflictError('draft_decided', `This draft was already ${row.approval_state}`);
  }
  return row;
}

/** Tells the draft's author what happened, in their own socket room only. */
export async function notifyAuthor(
  trx: Knex.Transaction,
  draft: MessageRow,
  reviewer: UserRow,
  outcome: 'approved' | 'rejected',
  reason: string | null,
): Promise<void> {
  if (!draft.author_user_id) return;
  const notification = await insertApprovalNotification(trx, {
    userId: draft.author_user_id,
    conversationId: draft.conversation_id,
    actorId: reviewer.id,
    messageId: draft.id,
    outcome,
    reason,
  });
  if (notification) {
    await notifyEvent(trx, {
      type: 'notification.created',
      userId: draft.author_user_id,
      notificationIds: [notification.id],
    });
  }
}
