import type { Knex } from 'knex';
import type { ConversationStatus } from '../../common/types';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { lockConversation, updateConversation } from '../db/repositories/conversations';
import { NotFoundError } from '../errors';
import { notifyEvent } from '../realtime/bus';
import { refreshConversationSla } from './conversationSla';
import { refreshConversationMetrics } from './metrics/refreshConversationMetrics';

/** An agent sets a conversation's status (resolve, reopen, pending); audited and announced. */
export async function changeConversationStatus(
  db: Knex,
  input: { conversationId: string; status: Exclude<ConversationStatus, 'new'>; userId: string },
): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await lockConversation(trx, input.conversationId);
    if (!current) throw new NotFoundError('Conversation');
    if (current.status === input.status) return;
    const version = await updateConversation(trx, current.id, {
      status: input.status,
      resolved_at: input.status === 'resolved' ? trx.fn.now() : null,
    });
    await refreshConversationSla(trx, current.id);
    await recordConversationEvent(trx, {
      conversationId: current.id,
      type: 'conversation.status_changed',
      actorKind: 'user',
      actorUserId: input.userId,
      data: { from: current.status, to: input.status },
    });
    await refreshConversationMetrics(trx, current.id);
    await notifyEvent(trx, { type: 'conversation.updated', conversationId: current.id, version });
  });
}
