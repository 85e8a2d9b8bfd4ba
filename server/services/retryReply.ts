import type { Knex } from 'knex';
import type { MessageDto } from '../../common/types';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { toMessageDto } from '../db/repositories/mappers';
import { lockMessage, updateMessage } from '../db/repositories/messages';
import { inTransaction } from '../db/transaction';
import { ConflictError, NotFoundError } from '../errors';
import type { Logger } from '../logger';
import { enqueueOutbound, type OutboundEnqueuer } from '../queues/producers';
import { notifyEvent } from '../realtime/bus';

/** Puts a failed reply back into the outbox (agent pressed Retry). */
export async function retryReply(
  deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger },
  input: { messageId: string; userId: string },
): Promise<MessageDto> {
  const tx = await inTransaction(deps.db, async (trx, afterCommit) => {
    const row = await lockMessage(trx, input.messageId);
    if (row?.direction !== 'outbound') throw new NotFoundError('Reply');
    if (row.delivery_state !== 'failed') {
      throw new ConflictError(
        'not_failed',
        `Only failed replies can be retried; this one is ${row.delivery_state}`,
      );
    }
    const updated = await updateMessage(trx, row.id, {
      delivery_state: 'queued',
      delivery_error: null,
      sending_started_at: null,
    });
    await recordConversationEvent(trx, {
      conversationId: row.conversation_id,
      type: 'reply.retried',
      actorKind: 'user',
      actorUserId: input.userId,
      data: { messageId: row.id },
    });
    await notifyEvent(trx, {
      type: 'message.updated',
      conversationId: row.conversation_id,
      messageId: row.id,
    });
    afterCommit(() => enqueueOutbound(deps.queues, row.id));
    return toMessageDto(updated);
  });
  await tx.runAfterCommit((error) =>
    deps.logger.warn({ err: error, messageId: input.messageId }, 'could not enqueue retry; the sweeper will'),
  );
  return tx.value;
}
