import type { Knex } from 'knex';
import type { MessageDto } from '../../common/types';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { toMessageDto } from '../db/repositories/mappers';
import { updateMessage } from '../db/repositories/messages';
import type { UserRow } from '../db/repositories/users';
import { ValidationError } from '../errors';
import { notifyEvent } from '../realtime/bus';
import { lockPendingDraft, notifyAuthor } from './draftReview';

/** Rejects a draft with a reason: nothing is posted; the author is told why. The draft stays in the thread. */
export async function rejectDraft(
  db: Knex,
  input: { messageId: string; reviewer: UserRow; reason: string },
): Promise<MessageDto> {
  const reason = input.reason.trim();
  if (reason === '') throw new ValidationError('Give a reason', 'reason');
  return db.transaction(async (trx) => {
    const draft = await lockPendingDraft(trx, input.messageId, input.reviewer);
    const updated = await updateMessage(trx, draft.id, {
      approval_state: 'rejected',
      approval_user_id: input.reviewer.id,
      approval_at: trx.fn.now(),
      approval_reason: reason,
    });
    await recordConversationEvent(trx, {
      conversationId: draft.conversation_id,
      type: 'reply.rejected',
      actorKind: 'user',
      actorUserId: input.reviewer.id,
      data: { messageId: draft.id, authorUserId: draft.author_user_id, reason },
    });
    await notifyAuthor(trx, draft, input.reviewer, 'rejected', reason);
    await notifyEvent(trx, {
      type: 'message.updated',
      conversationId: draft.conversation_id,
      messageId: draft.id,
    });
    return toMessageDto({ ...updated, approval_user_name: input.reviewer.name });
  });
}
