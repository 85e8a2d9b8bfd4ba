import type { Knex } from 'knex';
import type { MessageChannel, MessageDto } from '../../common/types';
import { signReply, X_MAX_WEIGHTED_LENGTH, xLengthInfo } from '../../common/xText';
import { getChannelAccount } from '../db/repositories/channelAccounts';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { lockConversation, updateConversation } from '../db/repositories/conversations';
import { toMessageDto } from '../db/repositories/mappers';
import {
  findByIdempotencyKey,
  insertOutboundMessage,
  latestInboundMessage,
} from '../db/repositories/messages';
import type { UserRow } from '../db/repositories/users';
import { inTransaction } from '../db/transaction';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../errors';
import type { Logger } from '../logger';
import { enqueueOutbound, type OutboundEnqueuer } from '../queues/producers';
import { notifyEvent } from '../realtime/bus';

export interface CreateReplyInput {
  conversationId: string;
  author: UserRow;
  text: string;
  idempotencyKey: string;
  channel?: MessageChannel;
}

/** X allows 10,000 characters in a DM (UNCONFIRMED for the v2 endpoint; the documented v1.1 limit). */
export const X_DM_MAX_LENGTH = 10_000;

/**
 * Stores an agent's public reply as an outbox row (`queued`) and, after commit, enqueues its
 * delivery. The agent's signature is appended here, so what is counted is what is posted.
 */
export async function createReply(
  deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger },
  input: CreateReplyInput,
): Promise<{ message: MessageDto; created: boolean }> {
  const body = input.text.trim();
  if (body === '') throw new ValidationError('Reply text is empty', 'text');
  const signed = signReply(body, input.author.initials);
  // A resubmit of the same reply answers with the stored row and takes no locks.
  const existing = await findByIdempotencyKey(deps.db, input.author.id, input.idempotencyKey);
  if (existing) {
    if (existing.conversation_id !== input.conversationId) {
      throw new ConflictError(
        'idempotency_key_reused',
        'This idempotency key was used for another conversation',
      );
    }
    return { message: toMessageDto(existing), created: false };
  }

  const tx = await inTransaction(deps.db, async (trx, afterCommit) => {
    const conversation = await lockConversation(trx, input.conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    const account = await getChannelAccount(trx, conversation.channel_account_id);
    const channel = input.channel ?? 'public';
    if (account?.platform === 'x' && channel === 'public' && !xLengthInfo(signed).valid) {
      throw new UnprocessableError(
        'too_long',
        `Reply is ${xLengthInfo(signed).weightedLength} characters with signature; X allows ${X_MAX_WEIGHTED_LENGTH}`,
        'text',
      );
    }
    if (channel === 'dm' && [...signed].length > X_DM_MAX_LENGTH) {
      throw new UnprocessableError(
        'too_long',
        `A direct message may have at most ${X_DM_MAX_LENGTH} characters`,
        'text',
      );
    }
    // A public reply answers the customer's newest public post; a DM goes to the customer.
    const target = channel === 'public' ? await latestInboundMessage(trx, conversation.id, 'public') : null;
    if (channel === 'public' && !target?.external_id) {
      throw new UnprocessableError(
        'no_reply_target',
        'There is no public customer post to reply to; send a DM instead',
      );
    }

    const { row, created } = await insertOutboundMessage(trx, {
      conversationId: conversation.id,
      channelAccountId: conversation.channel_account_id,
      authorUserId: input.author.id,
      authorName: input.author.name,
      channel,
      text: signed,
      inReplyToExternalId: target?.external_id ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    if (created) {
      const version = await updateConversation(trx, conversation.id, {
        snippet: signed.slice(0, 200),
        ...(conversation.status === 'new' ? { status: 'open' } : {}),
      });
      await recordConversationEvent(trx, {
        conversationId: conversation.id,
        type: 'reply.queued',
        actorKind: 'user',
        actorUserId: input.author.id,
        data: { messageId: row.id, channel, inReplyTo: target?.external_id ?? null },
      });
      await notifyEvent(trx, { type: 'message.created', conversationId: conversation.id, messageId: row.id });
      await notifyEvent(trx, { type: 'conversation.updated', conversationId: conversation.id, version });
      afterCommit(() => enqueueOutbound(deps.queues, row.id));
    }
    return { message: toMessageDto(row), created };
  });
  await tx.runAfterCommit((error) =>
    // The sweeper re-enqueues queued rows, so a failed enqueue only delays the reply.
    deps.logger.warn(
      { err: error, messageId: tx.value.message.id },
      'could not enqueue reply; the sweeper will',
    ),
  );
  return tx.value;
}
